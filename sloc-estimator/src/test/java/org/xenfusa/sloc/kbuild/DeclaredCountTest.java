package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * A count the toolchain profile declares for a source made from compiled binaries ({@code common/gen.S} of
 * {@link SyntheticXenTree}, as {@code arch/x86/boot/built-in-32.S} in Xen) is exact only at the commit and for the
 * configuration it was measured with: anywhere else the figure carries a warning.
 */
// [utest->dsn~declared-generated-count~1] [utest->err~generated-count-not-applicable~1]
class DeclaredCountTest {
    private static final Map<String, String> CONFIG = Map.of("CONFIG_FOO", "y", "CONFIG_X86", "y", "CONFIG_PV", "y");
    private static final String OTHER = "0123456789abcdef0123456789abcdef01234567";

    @TempDir Path dir;
    Git git;
    RevCommit commit;

    @BeforeEach
    void tree() throws Exception {
        SyntheticXenTree.write(dir);
        git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        git.add().addFilepattern(".").call();
        commit = git.commit().setMessage("synthetic").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        git.close();
    }

    private static ToolchainProfile profile(String buildOutputs) {
        return ToolchainProfile.defaultFor("x86_64").with(buildOutputs);
    }

    private static BuildAnalysis analyse(SourceTree tree, ToolchainProfile profile) {
        return KbuildEvaluator.of(tree).analyse(XenArch.X86_64, CONFIG, profile);
    }

    private static List<String> genWarnings(BuildAnalysis a) {
        return a.files().warnings().stream().filter(w -> w.file().equals("xen/common/gen.S")).map(KbuildWarning::message).toList();
    }

    private static int declaredCode(BuildAnalysis a) {
        return a.generated().get("xen/common/gen.S").declared().orElseThrow().code();
    }

    @Test
    void aCountMeasuredAtThisCommitAndConfigurationIsExact() throws Exception {
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            BuildAnalysis a = analyse(tree, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at "
                    + commit.name() + " CONFIG_FOO=y\n"));
            assertThat(declaredCode(a)).isEqualTo(284);
            assertThat(genWarnings(a)).isEmpty();
        }
    }

    @Test
    void aCountMeasuredAtAnotherCommitCarriesAWarning() throws Exception {
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            BuildAnalysis a = analyse(tree, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at "
                    + OTHER + " CONFIG_FOO=y\n"));
            assertThat(declaredCode(a)).isEqualTo(284);
            assertThat(genWarnings(a)).singleElement().asString()
                    .contains("(284 code lines) was measured under other conditions, so it is approximate")
                    .contains("commit " + commit.name().substring(0, 12) + " (measured at 0123456789ab)")
                    .contains("--generated-count common/gen.S=CODE");
        }
    }

    @Test
    void aCountWithoutACommitOrInAFolderCarriesAWarning() throws Exception {
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            assertThat(genWarnings(analyse(tree, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 "
                    + "measured CONFIG_FOO=y\n")))).singleElement().asString().contains("(measured at an unstated commit)");
        }
        try (DirectorySourceTree folder = DirectorySourceTree.open(dir)) {
            assertThat(genWarnings(analyse(folder, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 "
                    + "measured at " + commit.name() + " CONFIG_FOO=y\n")))).singleElement().asString()
                    .contains("commit unknown (a folder)");
        }
    }

    @Test
    void anotherConfigurationCarriesAWarningEvenAtTheMeasuredCommit() throws Exception {
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            assertThat(genWarnings(analyse(tree, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at "
                    + commit.name() + " CONFIG_FOO=n\n")))).singleElement().asString()
                    .contains("approximate: CONFIG_FOO=y (measured with n);");
        }
    }

    @Test
    void theExactMeasurementIsChosenWhateverTheOrderAndTheUsersOwnComesFirst() throws Exception {
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            ToolchainProfile p = profile("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at " + OTHER
                    + " CONFIG_FOO=y\nbuild-output x86_64 common/gen.S => Assembly 1 3 251 measured at " + commit.name()
                    + " CONFIG_FOO=y\n");
            assertThat(declaredCode(analyse(tree, p))).isEqualTo(251);
            ToolchainProfile mine = p.withMeasuredOutputs(List.of(new ToolchainProfile.BuildOutput("x86_64", "common/gen.S",
                    "Assembly", 1, 3, 242, commit.name(), Map.of())));
            BuildAnalysis a = analyse(tree, mine);
            assertThat(declaredCode(a)).isEqualTo(242);
            assertThat(genWarnings(a)).isEmpty();
        }
    }

    @Test
    void theWarningNamesTheDifferingSymbolsInOneOrderInEveryJvm() throws Exception {
        // the symbols were kept in Map.copyOf, whose order changes from one JVM to the next: the warning (in the
        // report, the evidence package and its documents) named them in another order on every run
        try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), commit.name())) {
            assertThat(genWarnings(analyse(tree, profile("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at "
                    + commit.name() + " CONFIG_X86=n CONFIG_PV=n CONFIG_FOO=n\n")))).singleElement().asString()
                    .contains("approximate: CONFIG_FOO=y (measured with n), CONFIG_PV=y (measured with n), CONFIG_X86=y"
                            + " (measured with n);");
        }
        Map<String, String> backwards = new java.util.LinkedHashMap<>();
        backwards.put("CONFIG_X86", "n");
        backwards.put("CONFIG_PV", "n");
        backwards.put("CONFIG_FOO", "n");
        ToolchainProfile.BuildOutput o = new ToolchainProfile.BuildOutput("x86_64", "common/gen.S", "Assembly", 1, 3,
                284, commit.name(), backwards);
        assertThat(o.measuredWith().keySet()).containsExactly("CONFIG_FOO", "CONFIG_PV", "CONFIG_X86");
        assertThat(o.toString()).isEqualTo(new ToolchainProfile.BuildOutput("x86_64", "common/gen.S", "Assembly", 1, 3,
                284, commit.name(), new java.util.TreeMap<>(backwards)).toString());
    }

    @Test
    void measuredAtTakesAFullCommitId() {
        assertThatThrownBy(() -> ToolchainProfile.parse("build-output x86_64 common/gen.S => Assembly 1 3 284 measured at "
                + "abc123 CONFIG_FOO=y\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1: expected a full commit id (40 hex digits) after 'measured at'");
        assertThat(ToolchainProfile.shipped("debian12-gcc12-x86_64").orElseThrow().buildOutputs())
                .allSatisfy(o -> assertThat(o.measuredAt()).isEqualTo("d45d5687f1441495f4ee20d5e9940066c5fa5beb"));
    }
}
