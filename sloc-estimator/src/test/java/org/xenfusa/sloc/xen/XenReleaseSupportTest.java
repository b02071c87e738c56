package org.xenfusa.sloc.xen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.KconfigParser;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.GitSourceTree;

/**
 * Releases before Xen 4.14 (the Kconfig language before macros, the older build) are refused with a message naming
 * release, commit and construct, never evaluated into a near-empty .config and meaningless counts.
 */
// [utest->dsn~xen-release-support~1] [utest->err~unsupported-release-evaluated~1]
class XenReleaseSupportTest {
    /** The shape of Xen 4.7 to 4.13's top files, written here (no Xen text). */
    private static final Map<String, String> OLD_RELEASE = Map.of(
            "xen/Makefile", "export XEN_VERSION       = 4\nexport XEN_SUBVERSION    = 12\n"
                    + "export XEN_EXTRAVERSION ?= .0$(XEN_VENDORVERSION)\n",
            "xen/Kconfig", "mainmenu \"Demo/$SRCARCH $XEN_FULLVERSION Configuration\"\n\nconfig SRCARCH\n\tstring\n"
                    + "\toption env=\"SRCARCH\"\n\nsource \"arch/$SRCARCH/Kconfig\"\n",
            "xen/arch/arm/Kconfig", "config ARM_64\n\tdef_bool y\n",
            "xen/Rules.mk", "# the build's rules\n",
            "xen/arch/arm/configs/arm64_defconfig", "");

    private static final Map<String, String> NEW_RELEASE = Map.of(
            "xen/Makefile", "export XEN_VERSION       = 4\nexport XEN_SUBVERSION    = 14\n"
                    + "export XEN_EXTRAVERSION ?= .0$(XEN_VENDORVERSION)\n",
            "xen/Kconfig", "mainmenu \"Demo/$(SRCARCH) $(XEN_FULLVERSION) Configuration\"\n\n"
                    + "source \"arch/$(SRCARCH)/Kconfig\"\n",
            "xen/scripts/Kbuild.include", "empty :=\n",
            "xen/arch/arm/Kconfig", "config ARM_64\n\tdef_bool y\n",
            "xen/Rules.mk", "# the build's rules\n",
            "xen/arch/arm/configs/arm64_defconfig", "");

    @TempDir Path tmp;

    private RevCommit commit(Git git, Map<String, String> files) throws Exception {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = git.getRepository().getWorkTree().toPath().resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        git.add().addFilepattern(".").call();
        return git.commit().setMessage("synthetic").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call();
    }

    @Test
    void anOldKconfigIsRefusedNamingReleaseCommitAndConstruct() throws Exception {
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            RevCommit old = commit(git, OLD_RELEASE);
            try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), old.name())) {
                assertThatThrownBy(() -> KconfigParser.parse(tree, "xen", "arm64", ToolchainProfile.defaultFor("arm64")))
                        .isInstanceOf(UnsupportedXenReleaseException.class)
                        .hasMessageContaining("unsupported Xen release: Xen 4.12.0 at commit " + old.name())
                        .hasMessageContaining("option env=\"SRCARCH\" at xen/Kconfig:5")
                        .hasMessageContaining("no xen/scripts/Kbuild.include")
                        .hasMessageContaining("supported: " + XenSupport.SUPPORTED_RANGE);
                // the figures' path refuses too: no count from a broken evaluation
                assertThatThrownBy(() -> ConfigurationCounter.of(tree).report(ConfigurationRequest.defconfig(XenArch.ARM64)))
                        .isInstanceOf(UnsupportedXenReleaseException.class);
            }
            RevCommit current = commit(git, NEW_RELEASE);
            try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), current.name())) {
                KconfigTree k = KconfigParser.parse(tree, "xen", "arm64", ToolchainProfile.defaultFor("arm64"));
                assertThat(k.title()).isEqualTo("Demo/arm 4.14.0 Configuration");
                assertThat(k.configure(new StartingPoint.Defconfig("arm64_defconfig"), List.of()).writeDotConfig())
                        .contains("CONFIG_ARM_64=y");
            }
        }
    }

    /** Xen before 4.7 has no Kconfig: it was evaluated anyway, into figures from a defconfig that does not exist. */
    @Test
    void aTreeWithNoKconfigIsRefused() throws Exception {
        try (Git git = Git.init().setDirectory(tmp.toFile()).setInitialBranch("main").call()) {
            RevCommit before47 = commit(git, Map.of("xen/Makefile", "export XEN_VERSION       = 4\n"
                    + "export XEN_SUBVERSION    = 0\nexport XEN_EXTRAVERSION ?= .0$(XEN_VENDORVERSION)\n",
                    "xen/Rules.mk", "# the build's rules\n", "xen/common/a.c", "int a;\n"));
            try (GitSourceTree tree = GitSourceTree.open(git.getRepository(), before47.name())) {
                assertThatThrownBy(() -> ConfigurationCounter.of(tree).report(ConfigurationRequest.defconfig(XenArch.X86_64)))
                        .isInstanceOf(UnsupportedXenReleaseException.class)
                        .hasMessageContaining("unsupported Xen release: Xen 4.0.0 at commit " + before47.name())
                        .hasMessageContaining("it has no xen/Kconfig")
                        .hasMessageContaining("supported: " + XenSupport.SUPPORTED_RANGE);
            }
        }
    }

    private static Path xenSource() {
        String src = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(src != null && !src.isBlank(),
                "XEN_SRC not set: no Xen clone to check that RELEASE-4.12.0 is refused and RELEASE-4.14.0 evaluates");
        return Path.of(src);
    }

    @Test
    void xenRelease412IsRefusedAnd414Evaluates() throws IOException {
        Path xen = xenSource();
        try (Repository repo = new FileRepositoryBuilder().setGitDir(xen.resolve(".git").toFile()).build()) {
            String commit412 = repo.resolve("RELEASE-4.12.0^{commit}").name();
            try (GitSourceTree tree = GitSourceTree.open(repo, "RELEASE-4.12.0")) {
                for (XenArch arch : List.of(XenArch.X86_64, XenArch.ARM64)) {
                    assertThatThrownBy(() -> KconfigParser.parse(tree, "xen", arch.targetArch(),
                            ToolchainProfile.defaultFor(arch.targetArch())))
                            .isInstanceOf(UnsupportedXenReleaseException.class)
                            .hasMessageContaining("Xen 4.12.0 at commit " + commit412)
                            .hasMessageContaining("option env=\"SRCARCH\" at xen/Kconfig:9");
                }
            }
            try (GitSourceTree tree = GitSourceTree.open(repo, "RELEASE-4.14.0")) {
                KconfigTree k = KconfigParser.parse(tree, "xen", "arm64", ToolchainProfile.defaultFor("arm64"));
                assertThat(k.diagnostics()).filteredOn(d -> d.severity() == KconfigDiagnostic.Severity.ERROR).isEmpty();
                Configuration c = k.configure(new StartingPoint.Defconfig("arm64_defconfig"), List.of());
                assertThat(c.writeDotConfig()).contains("CONFIG_ARM_64=y", "CONFIG_ARM=y");
                assertThat(c.writeDotConfig().lines().count()).isGreaterThan(100);
            }
        }
    }
}
