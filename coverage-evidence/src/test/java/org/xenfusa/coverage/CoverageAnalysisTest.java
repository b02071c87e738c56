package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.coverage.CoverageReport.FunctionFigures;
import org.xenfusa.coverage.CoverageReport.RequirementFigures;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * Coverage per file, function, directory, requirement and compiled code, on a synthetic tree with a tag, a code link,
 * a test tag and a test link, and data sets built line by line.
 */
// [utest->dsn~structural-coverage~1]
class CoverageAnalysisTest {
    @TempDir Path tmp;
    private LinkedSpecification linked;
    private ConfigurationTrace configuration;

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("docs/reqs.md", """
                # Requirements

                ### Ranges
                `req~ranges~1`

                Needs: dsn

                ### Add a range
                `dsn~add~1`

                Covers:
                - req~ranges~1

                Needs: impl, utest

                ### Remove a range
                `dsn~remove~1`

                Covers:
                - req~ranges~1

                Needs: impl
                """);
        // lines:                 1                 2  3             4          5          6  7
        write("xen/common/range.c", "/* ranges */\n"
                + "/* [impl->dsn~add~1] */\n"
                + "int add(int a)\n"
                + "{\n"
                + "    if (a > 0)\n"
                + "        return a;\n"
                + "    return 0;\n"
                + "}\n"
                + "\n"
                + "int remove_one(int a)\n"
                + "{\n"
                + "    return a - 1;\n"
                + "}\n"
                + "\n"
                + "int unused(void)\n"
                + "{\n"
                + "    return 7;\n"
                + "}\n");
        write("xen/drivers/never.c", "int never(void)\n{\n    return 1;\n}\n");
        write("tools/tests/range/test-range.c", "/* [utest->dsn~add~1] */\nint main(void)\n{\n    return 0;\n}\n");
        DirectorySourceTree t = DirectorySourceTree.open(tmp);
        FunctionIndex index = FunctionIndex.of(t);
        linked = Traceability.link(SpecificationScanner.under("").scan(t), LinkFileReader.read("links.yaml", """
                version: 1
                links:
                  - requirement: dsn~remove~1
                    code:
                      - file: xen/common/range.c
                        function: remove_one
                        state: reviewed
                    tests:
                      - file: tools/tests/remove/test-remove.c
                        name: remove_one_works
                """.getBytes(StandardCharsets.UTF_8)), index);
        configuration = Traceability.configuration(linked, new ConfigurationInput("x86_64-defconfig",
                List.of("xen/common/range.c", "xen/drivers/never.c"), List.of()));
    }

    /** add(): lines 5-8 ran, one branch of two on line 5, conditions 1 of 2; remove_one() ran; unused() never. */
    private static DataSet rangeTest() {
        FileCoverage.Builder b = FileCoverage.builder("xen/common/range.c");
        b.line(5, 2).line(6, 2).branch(6, 0, 2).branch(6, 1, 0).line(7, 2).line(8, 0);
        BitSet one = new BitSet();
        one.set(0);
        b.conditions(6, new ConditionOutcomes(2, one));
        b.function(new FunctionRecord("add", 3, 9, 2));
        b.line(12, 0).line(13, 0).function(new FunctionRecord("remove_one", 10, 14, 0));
        b.line(17, 0).line(18, 0).function(new FunctionRecord("unused", 15, 19, 0));
        return set("tools/tests/range", b);
    }

    private static DataSet removeTest() {
        FileCoverage.Builder b = FileCoverage.builder("xen/common/range.c");
        b.line(12, 1).line(13, 1).function(new FunctionRecord("remove_one", 10, 14, 1));
        return set("remove_one_works", b);
    }

    private static DataSet set(String test, FileCoverage.Builder b) {
        return new DataSet(test, new DataSource(test + ".info", "lcov", "00", 1, "", "", 1),
                CoverageData.of(List.of(b.build())));
    }

    private CoverageReport report(List<DataSet> sets, DesignAssuranceLevel level) {
        return CoverageAnalysis.analyse("c0ffee", linked, configuration,
                new CoverageAnalysis.Imported(sets, List.of("/usr/include/stdio.h"), List.of(), List.of()), level);
    }

    @Test
    void filesFunctionsAndDirectoriesCarryTheMergedData() {
        CoverageReport r = report(List.of(rangeTest(), removeTest()), DesignAssuranceLevel.DAL_A);
        assertThat(r.files()).singleElement().satisfies(f -> {
            assertThat(f.path()).isEqualTo("xen/common/range.c");
            assertThat(f.compiled()).isTrue();
            // 8 instrumented lines, 5 ran (5, 6, 7 from the first run; 12, 13 from the second)
            assertThat(f.figures().lines()).isEqualTo(new Counter(8, 5));
            assertThat(f.figures().branches()).isEqualTo(new Counter(2, 1));
            assertThat(f.figures().conditions()).isEqualTo(new Counter(2, 1));
            assertThat(f.figures().functions()).isEqualTo(new Counter(3, 2));
        });
        Map<String, FunctionFigures> byName = new java.util.HashMap<>();
        r.functions().forEach(f -> byName.put(f.name(), f));
        assertThat(byName.keySet()).containsExactlyInAnyOrder("add", "remove_one", "unused");
        assertThat(byName.get("add").figures().lines()).isEqualTo(new Counter(4, 3));
        assertThat(byName.get("add").called()).isTrue();
        assertThat(byName.get("unused").called()).isFalse();
        assertThat(r.directories()).singleElement().satisfies(d -> {
            assertThat(d.directory()).isEqualTo("xen/common/");
            assertThat(d.figures().lines()).isEqualTo(new Counter(8, 5));
        });
        assertThat(r.notInSnapshot()).containsExactly("/usr/include/stdio.h");
    }

    @Test
    void compiledCodeNeverExecutedIsListedByFunctionAndDirectory() {
        CoverageReport r = report(List.of(rangeTest(), removeTest()), DesignAssuranceLevel.DAL_C);
        CoverageReport.CompiledFigures c = r.compiled();
        assertThat(c.files()).isEqualTo(2);
        assertThat(c.filesWithData()).isEqualTo(1);
        // cloc code lines: range.c 14, never.c 4
        assertThat(c.sloc()).isEqualTo(18);
        assertThat(c.slocWithData()).isEqualTo(14);
        assertThat(c.slocWithDataPercent()).isCloseTo(100.0 * 14 / 18, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(c.neverExecuted()).extracting(FunctionFigures::name).containsExactly("unused", "never");
        assertThat(c.neverExecutedByDirectory()).extracting(CoverageReport.NeverExecutedDirectory::directory,
                CoverageReport.NeverExecutedDirectory::functions).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("xen/common/", 1),
                        org.assertj.core.groups.Tuple.tuple("xen/drivers/", 1));
        // DAL C asks for statement coverage only
        assertThat(r.criteria()).singleElement().satisfies(k -> {
            assertThat(k.criterion()).isEqualTo(Criterion.STATEMENT);
            assertThat(k.counter()).isEqualTo(new Counter(8, 5));
            assertThat(k.measured()).isTrue();
        });
    }

    @Test
    void dalAAsksForMcdcAndSaysWhenNoDataMeasuresIt() {
        FileCoverage.Builder b = FileCoverage.builder("xen/common/range.c");
        b.line(5, 1);
        CoverageReport r = report(List.of(set("x", b)), DesignAssuranceLevel.DAL_A);
        assertThat(r.criteria()).extracting(CoverageReport.CriterionResult::criterion,
                CoverageReport.CriterionResult::measured).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Criterion.STATEMENT, true),
                        org.assertj.core.groups.Tuple.tuple(Criterion.DECISION, false),
                        org.assertj.core.groups.Tuple.tuple(Criterion.MCDC, false));
        assertThat(report(List.of(), DesignAssuranceLevel.DAL_E).criteria()).isEmpty();
    }

    @Test
    void aRequirementIsCoveredByItsOwnTestsAndByAll() {
        CoverageReport r = report(List.of(rangeTest(), removeTest()), DesignAssuranceLevel.DAL_A);
        // dsn~add~1: the tag above add(); its test is the utest tag in tools/tests/range/, whose folder the run names
        assertThat(r.requirements()).extracting(RequirementFigures::id).containsExactly("dsn~add~1", "dsn~remove~1",
                "req~ranges~1");
        RequirementFigures add = r.requirement("dsn~add~1").orElseThrow();
        assertThat(add.functions()).extracting(CoverageReport.FunctionRef::name).containsExactly("add");
        assertThat(add.tests()).contains("tools/tests/range/test-range.c");
        assertThat(add.dataSets()).containsExactly("tools/tests/range (tools/tests/range.info)");
        assertThat(add.byItsTests().lines()).isEqualTo(new Counter(4, 3));
        assertThat(add.byAllTests().lines()).isEqualTo(new Counter(4, 3));
        // dsn~remove~1: a code link; its test link names the second run; the first run never called it
        RequirementFigures remove = r.requirement("dsn~remove~1").orElseThrow();
        assertThat(remove.dataSets()).containsExactly("remove_one_works (remove_one_works.info)");
        assertThat(remove.byItsTests().lines()).isEqualTo(new Counter(2, 2));
        // req~ranges~1: both functions through its design items, and both runs as its tests
        RequirementFigures ranges = r.requirement("req~ranges~1").orElseThrow();
        assertThat(ranges.functions()).extracting(CoverageReport.FunctionRef::name)
                .containsExactly("add", "remove_one");
        assertThat(ranges.byItsTests().lines()).isEqualTo(new Counter(6, 5));
        assertThat(ranges.byItsTests().functions()).isEqualTo(new Counter(2, 2));
    }

    @Test
    void withoutItsTestsRunARequirementHasNoRequirementsBasedCoverage() {
        CoverageReport r = report(List.of(rangeTest()), DesignAssuranceLevel.DAL_A);
        RequirementFigures remove = r.requirement("dsn~remove~1").orElseThrow();
        assertThat(remove.dataSets()).isEmpty();
        assertThat(remove.byItsTests().lines()).isEqualTo(Counter.ZERO);
        // the range test did run its lines without calling it: by all tests, lines 12-13 are there, none ran
        assertThat(remove.byAllTests().lines()).isEqualTo(new Counter(2, 0));
    }

    @Test
    void aTestRunNamesATestByNameFileOrFolder() {
        assertThat(CoverageAnalysis.matches("tools/tests/vpci/", java.util.Set.of(),
                java.util.Set.of("tools/tests/vpci/main.c"))).isTrue();
        assertThat(CoverageAnalysis.matches("tools/tests/vp", java.util.Set.of(),
                java.util.Set.of("tools/tests/vpci/main.c"))).isFalse();
        assertThat(CoverageAnalysis.matches("t1", java.util.Set.of("t1"), java.util.Set.of())).isTrue();
        assertThat(CoverageAnalysis.matches(" ", java.util.Set.of(""), java.util.Set.of())).isFalse();
    }
}
