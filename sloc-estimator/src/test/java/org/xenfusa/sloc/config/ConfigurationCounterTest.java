package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/** The three figures, differences and option ranking on {@link SyntheticConfigTree}; expectations counted by hand. */
// [utest->dsn~configuration-report~1] [utest->dsn~configuration-comparison~1]
class ConfigurationCounterTest {
    @TempDir
    Path dir;
    DirectorySourceTree tree;
    ConfigurationCounter counter;
    ConfigurationRequest defconfig = ConfigurationRequest.defconfig(XenArch.ARM64);

    @BeforeEach
    void open() throws IOException {
        SyntheticConfigTree.write(dir);
        tree = DirectorySourceTree.open(dir);
        counter = ConfigurationCounter.of(tree);
    }

    @AfterEach
    void close() throws IOException {
        tree.close();
    }

    @Test
    void makeClocCountsCompiledSourcesWithClocsDuplicateRule() {
        ConfigurationReport r = counter.report(defconfig);
        assertThat(r.compiledFiles()).containsExactly("xen/arch/arm/setup.c", "xen/common/bar.c", "xen/common/copy.c",
                "xen/common/core.c", "xen/common/foo.c");
        // copy.c and foo.c are identical: cloc keeps the last path (foo.c)
        assertThat(r.file("xen/common/copy.c").orElseThrow().duplicateOf()).contains("xen/common/foo.c");
        assertThat(r.makeCloc()).isEqualTo(new LineFigures(4, 0, 0, 13 + 1 + 2 + 1));
        assertThat(r.directory("xen/common").orElseThrow().makeCloc()).isEqualTo(new LineFigures(3, 0, 0, 16));
        assertThat(r.directory("xen/arch/arm").orElseThrow().makeCloc()).isEqualTo(new LineFigures(1, 0, 0, 1));
        assertThat(r.dotConfig()).contains("CONFIG_FOO=y", "CONFIG_BAR=y", "CONFIG_LIMIT=4");
        assertThat(r.dotConfigSha256()).hasSize(64);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void withHeadersAddsEveryReachedHeader() {
        ConfigurationReport r = counter.report(defconfig);
        assertThat(r.headers()).containsExactly("xen/include/xen/config.h", "xen/include/xen/kconfig.h", "xen/include/xen/lib.h");
        assertThat(r.withHeaders()).isEqualTo(new LineFigures(7, 0, 0, 17 + 1 + 5 + 6));
    }

    @Test
    void activeLinesDropWhatThePreprocessorSkipsAndKeepUndecidedBranches() {
        ConfigurationReport r = counter.report(defconfig);
        LineActivity core = r.activity("xen/common/core.c").orElseThrow();
        assertThat(core.inactive()).containsExactly(new LineActivity.LineRange(7, 7));
        assertThat(core.isActive(12)).as("under __has_builtin: undecidable, kept").isTrue();
        assertThat(r.undecidedConditions()).isEqualTo(1);
        assertThat(r.activeLines().code()).isEqualTo(r.withHeaders().code() - 1);
        assertThat(r.file("xen/common/core.c").orElseThrow().active().code()).isEqualTo(12);

        ConfigurationReport big = counter.report(defconfig.with(new SymbolAssignment("LIMIT", "9")));
        assertThat(big.activity("xen/common/core.c").orElseThrow().inactive()).containsExactly(new LineActivity.LineRange(9, 9));
    }

    @Test
    void oneOptionSwitchedGivesFilesAndLinesPerDirectory() {
        ConfigurationReport base = counter.report(defconfig);
        ConfigurationReport noBar = counter.report(defconfig.with(new SymbolAssignment("BAR", "n")));
        ConfigurationDiff d = ConfigurationDiff.between(base, noBar);
        assertThat(d.sourcesRemoved()).containsExactly("xen/common/bar.c");
        assertThat(d.sourcesAdded()).isEmpty();
        assertThat(d.makeCloc()).isEqualTo(new LineFigures(-1, 0, 0, -2));
        // bar.c (2 lines) and core.c's line 4
        assertThat(d.activeLines().code()).isEqualTo(-3);
        assertThat(d.directories()).extracting(DirectoryFigures::directory).containsExactly("xen/common");
        assertThat(d.symbols()).containsExactly(new ConfigurationDiff.SymbolChange("CONFIG_BAR", "y", "n"));
    }

    @Test
    void rankingPutsTheOptionThatCarriesMostCodeFirst() {
        ConfigurationReport base = counter.report(defconfig);
        List<String> candidates = OptionRanking.candidates(base, counter.kconfig(XenArch.ARM64, defconfig.profile()));
        assertThat(candidates).containsExactly("FOO", "BAR");
        List<OptionCost> ranking = OptionRanking.rank(counter, defconfig, base, candidates);
        // FOO=n takes BAR with it: foo.c and bar.c go, copy.c is no longer a duplicate: make cloc 17 -> 15;
        // headers stay (whole files); active lines also lose lib.h's line 4 and core.c's line 4
        assertThat(ranking).extracting(OptionCost::symbol).containsExactly("FOO", "BAR");
        assertThat(ranking.get(0)).isEqualTo(new OptionCost("FOO", true, 2, 2, 4, 2, List.of("CONFIG_BAR")));
        assertThat(ranking.get(1)).isEqualTo(new OptionCost("BAR", true, 2, 2, 3, 1, List.of()));
    }
}
