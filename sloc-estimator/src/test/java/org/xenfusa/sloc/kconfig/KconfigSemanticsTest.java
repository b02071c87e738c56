package org.xenfusa.sloc.kconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;

/**
 * The engine on synthetic trees against the .config files Xen's own kconfig wrote for them:
 * menus and comment blocks, defaults, int/hex/string with ranges, select overriding unmet
 * dependencies, imply, visible if, if blocks, menuconfig, comparisons, choices (optional,
 * tristate, with dependencies), modules, macros; starting points alldef/allyes/allno/defconfig/
 * olddefconfig.
 */
// [utest->dsn~kconfig-parser~1] [utest->dsn~kconfig-evaluation~1] [utest->dsn~toolchain-profile~1]
// [utest->err~symbol-value-wrong~1]
class KconfigSemanticsTest {
    @TempDir
    Path dir;

    static KconfigTree parse(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            return KconfigParser.parse(tree, "", "Kconfig", SyntheticTrees.ENVIRONMENT,
                    ToolchainProfile.parse(SyntheticTrees.PROFILE));
        }
    }

    static String run(KconfigTree tree, StartingPoint start) {
        return tree.configure(start, List.of()).writeDotConfig();
    }

    @Test
    void featuresMatchConf() throws IOException {
        KconfigTree tree = parse(dir, SyntheticTrees.FEATURES);
        assertThat(tree.diagnostics()).isEmpty();
        assertThat(run(tree, new StartingPoint.AllDefault())).isEqualTo(SyntheticTrees.FEATURES_ALLDEF);
        assertThat(run(tree, new StartingPoint.AllYes())).isEqualTo(SyntheticTrees.FEATURES_ALLYES);
        assertThat(run(tree, new StartingPoint.AllNo())).isEqualTo(SyntheticTrees.FEATURES_ALLNO);
        assertThat(run(tree, new StartingPoint.DefconfigText("my_defconfig", SyntheticTrees.FEATURES_DEFCONFIG_INPUT)))
                .isEqualTo(SyntheticTrees.FEATURES_DEFCONFIG);
        assertThat(run(tree, new StartingPoint.ExistingConfig(".config", SyntheticTrees.FEATURES_OLD_INPUT)))
                .isEqualTo(SyntheticTrees.FEATURES_OLDDEF);
    }

    @Test
    void macrosMatchConf() throws IOException {
        KconfigTree tree = parse(dir, SyntheticTrees.MACROS);
        assertThat(tree.title()).isEqualTo("Macros of Kconfig");
        assertThat(run(tree, new StartingPoint.AllDefault())).isEqualTo(SyntheticTrees.MACROS_ALLDEF);
        assertThat(tree.diagnostics()).extracting(KconfigDiagnostic::toString)
                .containsExactly("Kconfig:14: info: from line 14", "Kconfig:15: warning: a warning");
        assertThat(tree.probes()).extracting(ToolchainProbe::question).contains("true", "false", "echo hello");
    }

    @Test
    void choicesMatchConf() throws IOException {
        KconfigTree tree = parse(dir, SyntheticTrees.CHOICES);
        assertThat(run(tree, new StartingPoint.AllYes())).isEqualTo(SyntheticTrees.CHOICES_ALLYES);
        assertThat(run(tree, new StartingPoint.AllNo())).isEqualTo(SyntheticTrees.CHOICES_ALLNO);
        assertThat(run(tree, new StartingPoint.AllDefault())).isEqualTo(SyntheticTrees.CHOICES_ALLDEF);
        assertThat(run(tree, new StartingPoint.DefconfigText("my_defconfig", SyntheticTrees.CHOICES_DEFCONFIG_INPUT)))
                .isEqualTo(SyntheticTrees.CHOICES_DEFCONFIG);
    }

    @Test
    void selectOverridingDependenciesIsWarnedAndExplained() throws IOException {
        KconfigTree tree = parse(dir, SyntheticTrees.FEATURES);
        Configuration c = tree.configure(new StartingPoint.AllDefault(), List.of());
        assertThat(c.runDiagnostics()).extracting(KconfigDiagnostic::message)
                .anyMatch(m -> m.startsWith("unmet direct dependencies detected for HIDDEN_DEP"));
        SymbolExplanation e = c.explain("HIDDEN_DEP").orElseThrow();
        assertThat(e.value()).isEqualTo("y");
        assertThat(e.unmetDependency()).contains("MISSING");
        assertThat(e.selectedBy()).extracting(SymbolExplanation.Reason::symbol).containsExactly("FORCER");
        SymbolExplanation weak = c.explain("WEAK").orElseThrow();
        assertThat(weak.impliedBy()).extracting(SymbolExplanation.Reason::symbol).containsExactly("IMPLIER");
        SymbolExplanation count = c.explain("CONFIG_COUNT").orElseThrow();
        assertThat(count.appliedDefault()).map(SymbolExplanation.AppliedDefault::expression).contains("20");
        assertThat(count.value()).isEqualTo("16");
    }

    @Test
    void overridesApplyAndBadOnesAreReported() throws IOException {
        KconfigTree tree = parse(dir, SyntheticTrees.FEATURES);
        Configuration c = tree.configure(new StartingPoint.AllDefault(), List.of(
                SymbolAssignment.parse("BETA=y"), SymbolAssignment.parse("CONFIG_COUNT=4"),
                SymbolAssignment.parse("LABEL=plain text"), SymbolAssignment.parse("NO_SUCH=y"),
                SymbolAssignment.parse("MASK=0x1"), SymbolAssignment.parse("ALPHA=maybe")));
        assertThat(c.values()).containsEntry("CONFIG_BETA", "y").containsEntry("CONFIG_COUNT", "4")
                .containsEntry("CONFIG_LABEL", "\"plain text\"").containsEntry("CONFIG_MASK", "0x10");
        assertThat(c.runDiagnostics()).extracting(KconfigDiagnostic::toString)
                .anyMatch(d -> d.contains("error: unknown symbol NO_SUCH"))
                .anyMatch(d -> d.contains("symbol value 'maybe' invalid for ALPHA"))
                .anyMatch(d -> d.contains("MASK=0x1 requested but the value is 0x10"));
    }

    @Test
    void badInputIsReportedWithFileAndLineAndTheRestStaysUsable() throws IOException {
        KconfigTree tree = parse(dir, Map.of("Kconfig", """
                config OK1
                	bool "first"
                	default y

                config BROKEN
                	bool "broken" if &&
                	default y

                source "missing/Kconfig"

                frobnicate FOO

                config LOOP_A
                	bool "a"
                	depends on LOOP_B

                config LOOP_B
                	bool "b"
                	depends on LOOP_A

                config OK2
                	int "second"
                	default 3
                """));
        assertThat(tree.diagnostics()).extracting(KconfigDiagnostic::toString)
                .anyMatch(d -> d.startsWith("Kconfig:6: error: syntax error"))
                .anyMatch(d -> d.equals("Kconfig:9: error: can't open file \"missing/Kconfig\""))
                .anyMatch(d -> d.equals("Kconfig:11: error: unknown statement \"frobnicate\""))
                .anyMatch(d -> d.contains("error: recursive dependency detected: LOOP_A -> LOOP_B -> LOOP_A")
                        || d.contains("recursive dependency detected: LOOP_B -> LOOP_A -> LOOP_B"));
        assertThat(tree.hasErrors()).isTrue();
        Configuration c = tree.configure(new StartingPoint.AllDefault(), List.of());
        assertThat(c.values()).containsEntry("CONFIG_OK1", "y").containsEntry("CONFIG_OK2", "3");
    }

    @Test
    void unknownProbeIsReportedByNameAndAnsweredFalse() throws IOException {
        KconfigTree tree = parse(dir, Map.of("Kconfig", """
                config PROBED
                	bool "probed"
                	default $(cc-option,-fnew-thing)
                """));
        assertThat(tree.diagnostics()).extracting(KconfigDiagnostic::message)
                .containsExactly("toolchain profile 'synthetic' does not answer cc-option '-fnew-thing'; answered as failing");
        assertThat(tree.configure(new StartingPoint.AllDefault(), List.of()).values())
                .containsEntry("CONFIG_PROBED", "n");
    }

    @Test
    void glibcRandomMatchesRand() {
        // srand(1); rand() x3 with glibc
        GlibcRandom r = new GlibcRandom(1);
        assertThat(new int[] {r.next(), r.next(), r.next()}).containsExactly(1804289383, 846930886, 1681692777);
    }
}
