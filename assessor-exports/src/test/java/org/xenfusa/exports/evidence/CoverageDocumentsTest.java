package org.xenfusa.exports.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.coverage.CoverageAnalysis;
import org.xenfusa.coverage.CoverageData;
import org.xenfusa.coverage.CoverageProblem;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.Criterion;
import org.xenfusa.coverage.DataSet;
import org.xenfusa.coverage.DataSource;
import org.xenfusa.coverage.FileCoverage;
import org.xenfusa.coverage.FunctionRecord;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.Gate;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.GateVerdict;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * The structural coverage report of a configuration in every document: the gates read its criteria (only those its
 * level asks for; missing data or an unmeasured criterion is never a pass), the DOCX has a chapter, the XLSX its sheets,
 * the evidence package the data file byte for byte (gzip, hashed as the importer hashed it) and evidence.json the
 * figures; all from one {@link CoverageReport}, never recomputed. Evidence without coverage data says nothing of it.
 */
class CoverageDocumentsTest {
    static final String CONFIG = "x86_64-defconfig";
    static final String OTHER = "arm64-defconfig";
    static final String LCOV = "TN:vpci\nSF:xen/drivers/vpci/vpci.c\nFN:2,vpci_add\nFNDA:2,vpci_add\nDA:2,2\n"
            + "end_of_record\n";
    static final byte[] DATA = gzip(LCOV);
    /** header.c's 60 functions and other.c's one. */
    static final int NEVER = 61;

    @TempDir Path tmp;
    private LinkedSpecification linked;
    private Map<String, ConfigurationTrace> traces;

    static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve("tree").resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /**
     * A design item implemented by vpci_add() (a tag) and tested by tools/tests/vpci (a test tag); header.c has 60
     * functions, never_i with 60 - i statements; other.c one function. Both configurations compile the three files.
     */
    @BeforeEach
    void tree() throws IOException {
        write("docs/reqs.md", "# Requirements\n\n### Add a vPCI device\n`dsn~vpci-add~1`\n\nNeeds: impl, utest\n");
        write("xen/drivers/vpci/vpci.c", "/* [impl->dsn~vpci-add~1] */\nint vpci_add(int a)\n{\n    if (a > 0)\n"
                + "        return a;\n    return 0;\n}\n");
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            header.append("int never_").append(i).append("(int x)\n{\n");
            header.append("    x++;\n".repeat(60 - i)).append("    return x;\n}\n");
        }
        write("xen/drivers/vpci/header.c", header.toString());
        write("xen/common/other.c", "int other(void)\n{\n    return 1;\n}\n");
        write("tools/tests/vpci/test-vpci.c", "/* [utest->dsn~vpci-add~1] */\nint main(void)\n{\n    return 0;\n}\n");
        DirectorySourceTree t = DirectorySourceTree.open(tmp.resolve("tree"));
        linked = Traceability.link(SpecificationScanner.under("").scan(t), LinkSet.empty(), FunctionIndex.of(t));
        traces = new HashMap<>();
        for (String c : List.of(CONFIG, OTHER)) {
            traces.put(c, Traceability.configuration(linked, new ConfigurationInput(c, List.of(
                    "xen/drivers/vpci/vpci.c", "xen/drivers/vpci/header.c", "xen/common/other.c"), List.of())));
        }
    }

    /**
     * One data set (tools/tests/vpci, gzip lcov): vpci_add() called twice, lines 2, 4, 6, 7 ran and 5 did not, one
     * branch of two on line 4, no condition data; header.c's even functions have a line that never ran.
     */
    static DataSet vpci() {
        FileCoverage.Builder v = FileCoverage.builder("xen/drivers/vpci/vpci.c");
        v.line(2, 2).line(4, 2).branch(4, 0, 2).branch(4, 1, 0).line(5, 0).line(6, 2).line(7, 2);
        v.function(new FunctionRecord("vpci_add", 2, 7, 2));
        FileCoverage.Builder h = FileCoverage.builder("xen/drivers/vpci/header.c");
        int line = 1;
        for (int i = 0; i < 60; i++) {
            if (i % 2 == 0) {
                h.line(line + 2, 0).function(new FunctionRecord("never_" + i, line, line + 63 - i, 0));
            }
            line += 64 - i;
        }
        return new DataSet("tools/tests/vpci", new DataSource("vpci.info.gz", "lcov", Sha256.hex(DATA), DATA.length,
                "", "", 2), CoverageData.of(List.of(v.build(), h.build())));
    }

    CoverageReport report(String configuration, DesignAssuranceLevel level, boolean withData) {
        CoverageAnalysis.Imported imported = withData ? new CoverageAnalysis.Imported(List.of(vpci()),
                List.of("/usr/include/stdio.h"), List.of("/build/gen"),
                List.of(new CoverageProblem("vpci.info.gz", 7, "no function starts at line 900")))
                : CoverageAnalysis.Imported.NONE;
        return CoverageAnalysis.analyse(SyntheticEvidence.create(SyntheticEvidence.Shape.small()).context().commit(),
                linked, traces.get(configuration), imported, level);
    }

    /** x86_64 at DAL A with data; arm64 at DAL C without data. */
    ReleaseEvidence withCoverage() {
        return withCoverage(List.of(report(CONFIG, DesignAssuranceLevel.DAL_A, true),
                report(OTHER, DesignAssuranceLevel.DAL_C, false)));
    }

    static ReleaseEvidence withCoverage(List<CoverageReport> reports) {
        ReleaseEvidence e = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        List<AttachedFile> attachments = new ArrayList<>(e.attachments());
        attachments.add(EvidenceAssembler.coverageData("1-vpci.info.gz", DATA));
        return new ReleaseEvidence(e.context(), e.configurations(), e.requirements(), e.suspectLinks(), e.defects(),
                e.untracedCode(), e.testResults(), attachments, List.of(),
                reports.stream().map(EvidenceAssembler::coverage).toList());
    }

    @Test
    void theFiguresAreTheReportsVerbatim() {
        CoverageReport r = report(CONFIG, DesignAssuranceLevel.DAL_A, true);
        CoverageFigures f = EvidenceAssembler.coverage(r);
        assertThat(withCoverage().coverage(CONFIG)).contains(f);
        assertThat(f.level()).isEqualTo(DesignAssuranceLevel.DAL_A);
        assertThat(f.commit()).isEqualTo(r.commit());
        assertThat(f.dataSets()).containsExactly(new CoverageFigures.DataSet("tools/tests/vpci", "vpci.info.gz", "lcov",
                "", "", Sha256.hex(DATA), DATA.length, 2));
        // cloc code lines: vpci.c 6, header.c 2,070, other.c 4; lines 2, 4, 5, 6, 7 of vpci.c (4 ran), one line in each
        // of header.c's 30 even functions (none ran)
        assertThat(f.compiled()).isEqualTo(new CoverageFigures.Compiled(3, 2080, 2, 2076, new CoverageFigures.Measures(
                new CoverageFigures.Count(35, 4), new CoverageFigures.Count(2, 1), new CoverageFigures.Count(0, 0),
                new CoverageFigures.Count(31, 1))));
        assertThat(f.compiled().figures().lines().total()).isEqualTo(r.compiled().figures().lines().total());
        assertThat(f.compiled().slocWithDataPercent()).isEqualTo(r.compiled().slocWithDataPercent());
        assertThat(f.criteria()).containsExactly(
                new CoverageFigures.CriterionFigure(Criterion.STATEMENT, true, 35, 4),
                new CoverageFigures.CriterionFigure(Criterion.DECISION, true, 2, 1),
                new CoverageFigures.CriterionFigure(Criterion.MCDC, false, 0, 0));
        assertThat(f.directories()).singleElement().satisfies(d -> {
            assertThat(d.directory()).isEqualTo(r.directories().get(0).directory()).isEqualTo("xen/drivers/vpci/");
            assertThat(d.files()).isEqualTo(2);
            assertThat(d.figures().lines()).isEqualTo(new CoverageFigures.Count(35, 4));
        });
        assertThat(f.requirements()).singleElement().satisfies(q -> {
            assertThat(q.id()).isEqualTo("dsn~vpci-add~1");
            assertThat(q.tests()).isEqualTo(r.requirements().get(0).tests()).contains("tools/tests/vpci/test-vpci.c");
            assertThat(q.dataSets()).isEqualTo(r.requirements().get(0).dataSets()).hasSize(1);
            assertThat(q.functions()).isEqualTo(1);
            assertThat(q.byItsTests().lines()).isEqualTo(new CoverageFigures.Count(5, 4));
            assertThat(q.byAllTests().branches()).isEqualTo(new CoverageFigures.Count(2, 1));
        });
        // all of them, in the report's order (largest first)
        assertThat(f.neverExecuted()).hasSize(NEVER).hasSize(r.compiled().neverExecuted().size());
        assertThat(f.neverExecuted().get(0)).isEqualTo(new CoverageFigures.NeverExecuted("xen/drivers/vpci/header.c",
                "never_0", 1, 64, true));
        assertThat(f.neverExecuted().get(1).withData()).isFalse();
        assertThat(f.neverExecuted().get(NEVER - 1)).isEqualTo(new CoverageFigures.NeverExecuted("xen/common/other.c",
                "other", 1, 4, false));
        assertThat(f.notInSnapshot()).isEqualTo(1);
        assertThat(f.unmapped()).isEqualTo(1);
        assertThat(f.problems()).containsExactly("vpci.info.gz:7: no function starts at line 900");
        assertThat(withCoverage().coverage(OTHER).orElseThrow().hasData()).isFalse();
        assertThat(withCoverage().hasCoverageData()).isTrue();
    }

    @Test
    void evidenceRefusesTwoReportsOfOneConfiguration() {
        ReleaseEvidence e = withCoverage();
        assertThatThrownBy(() -> new ReleaseEvidence(e.context(), e.configurations(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(EvidenceAssembler.coverage(report(CONFIG, DesignAssuranceLevel.DAL_A, true)),
                        EvidenceAssembler.coverage(report(CONFIG, DesignAssuranceLevel.DAL_B, true)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same configuration");
    }

    static final String GATES = "all:\n  coverage-statement-min-percent: 10\n  coverage-decision-min-percent: 100\n"
            + "  coverage-mcdc-min-percent: 100\n";

    @Test
    void theGatesReadTheCriteriaTheLevelAsksForAndNeverPassOnMissingData() throws Exception {
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), withCoverage(),
                Optional.empty());
        GateResult statement = result(r, CONFIG, Gate.COVERAGE_STATEMENT);
        assertThat(statement.verdict()).isEqualTo(GateVerdict.PASSED);
        assertThat(statement.value()).contains(100.0 * 4 / 35);
        assertThat(statement.detail()).isEqualTo("4 of 35 lines of the compiled code covered (statement, DAL A)");
        GateResult decision = result(r, CONFIG, Gate.COVERAGE_DECISION);
        assertThat(decision.verdict()).isEqualTo(GateVerdict.FAILED);
        assertThat(decision.value()).contains(50.0);
        // DAL A asks for MC/DC, and no data set has condition outcomes
        GateResult mcdc = result(r, CONFIG, Gate.COVERAGE_MCDC);
        assertThat(mcdc.verdict()).isEqualTo(GateVerdict.NOT_EVALUATED);
        assertThat(mcdc.value()).isEmpty();
        assertThat(mcdc.detail()).startsWith("not measured").contains("conditions");
        // DAL C: statement asked, but no data; decision and MC/DC do not apply
        GateResult noData = result(r, OTHER, Gate.COVERAGE_STATEMENT);
        assertThat(noData.verdict()).isEqualTo(GateVerdict.NOT_EVALUATED);
        assertThat(noData.detail()).isEqualTo("no coverage data for this configuration, whose level DAL C asks for"
                + " statement coverage");
        assertThat(result(r, OTHER, Gate.COVERAGE_DECISION).verdict()).isEqualTo(GateVerdict.NOT_APPLICABLE);
        assertThat(result(r, OTHER, Gate.COVERAGE_MCDC).verdict()).isEqualTo(GateVerdict.NOT_APPLICABLE);
        assertThat(result(r, OTHER, Gate.COVERAGE_MCDC).detail()).isEqualTo("DAL C does not ask for MC/DC coverage");
        assertThat(r.notApplicable()).hasSize(2);
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).noneMatch(why -> why.contains("does not ask"))
                .anyMatch(why -> why.startsWith(CONFIG + ": COVERAGE_MCDC not evaluated (not measured"));

        // evidence without any coverage report: not evaluated, never a pass
        ReadinessReport none = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"),
                SyntheticEvidence.create(SyntheticEvidence.Shape.small()), Optional.empty());
        assertThat(none.results()).allSatisfy(g -> {
            assertThat(g.verdict()).isEqualTo(GateVerdict.NOT_EVALUATED);
            assertThat(g.detail()).startsWith("no coverage evidence for this configuration");
        });
    }

    @Test
    void aGateThatDoesNotApplyNeitherPassesNorBlocks() throws Exception {
        // both at DAL C with data: statement passes (at least 10 %), decision and MC/DC do not apply
        ReleaseEvidence e = withCoverage(List.of(report(CONFIG, DesignAssuranceLevel.DAL_C, true),
                report(OTHER, DesignAssuranceLevel.DAL_C, true)));
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), e, Optional.empty());
        assertThat(r.results()).filteredOn(g -> g.gate() == Gate.COVERAGE_STATEMENT)
                .extracting(GateResult::verdict).containsOnly(GateVerdict.PASSED);
        assertThat(r.notApplicable()).hasSize(4);
        assertThat(r.passed()).isTrue();
        assertThat(r.reasons()).isEmpty();
        // at DAL D no coverage gate applies: nothing was evaluated, so not ready
        ReadinessReport d = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"),
                withCoverage(List.of(report(CONFIG, DesignAssuranceLevel.DAL_D, true),
                        report(OTHER, DesignAssuranceLevel.DAL_D, true))), Optional.empty());
        assertThat(d.results()).extracting(GateResult::verdict).containsOnly(GateVerdict.NOT_APPLICABLE);
        assertThat(d.passed()).isFalse();
        assertThat(d.reasons()).containsExactly("no gate applies to any configuration: nothing was evaluated");
    }

    @Test
    void theGateFileTakesTheCoverageKeysAsPercentages() {
        assertThat(Gate.byKey("coverage-statement-min-percent")).contains(Gate.COVERAGE_STATEMENT);
        assertThat(Gate.byKey("coverage-decision-min-percent")).contains(Gate.COVERAGE_DECISION);
        assertThat(Gate.byKey("coverage-mcdc-min-percent")).contains(Gate.COVERAGE_MCDC);
        assertThat(Gate.COVERAGE_MCDC.bound()).isEqualTo(Gate.Bound.MIN_PERCENT);
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  coverage-mcdc-min-percent: 101\n", "gates.yaml"))
                .isInstanceOf(GateFileException.class).hasMessageContaining("gates.yaml:2:")
                .hasMessageContaining("percentage from 0 to 100");
    }

    @Test
    void theDocxHasAStructuralCoverageChapterOnlyWithCoverageData() throws Exception {
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                TraceabilityReport.write(withCoverage()))))) {
            String text = x.getText();
            assertThat(text).contains("Structural coverage", "DAL A (asks for statement, decision, MC/DC)",
                    "statement\tlines\t4\t35\t11.4 %\t31 lines not covered: to be covered or analysed",
                    "decision\tbranches\t1\t2\t50.0 %",
                    "MC/DC\tconditions\t-\t-\t-\tnot measured: no data set has conditions of the compiled code",
                    "tools/tests/vpci\tvpci.info.gz\tlcov\t" + Sha256.hex(DATA),
                    "2,076 SLOC (99.8 % of the compiled SLOC has coverage data)",
                    "Files with data\t4 / 35 (11.4 %)\t1 / 2 (50.0 %)\t0 / 0 (-)\t1 / 31 (3.2 %)",
                    "xen/drivers/vpci/\t2\t4 / 35 (11.4 %)",
                    "dsn~vpci-add~1\t" + withCoverage().coverage(CONFIG).orElseThrow().requirements().get(0).dataSets()
                            .get(0) + "\t4 / 5 (80.0 %)\t1 / 2 (50.0 %)",
                    "dsn~vpci-add~1\t1\t4 / 5 (80.0 %)\t1 / 2 (50.0 %)",
                    "61 compiled function(s), 2,074 SLOC, were executed by no test",
                    "The 50 largest are listed; the workbook lists all.",
                    "never_0\txen/drivers/vpci/header.c:1\t64\tlines not run",
                    "never_49\txen/drivers/vpci/header.c:1961\t15\tno data",
                    "1 file(s) the data covers are not in the snapshot",
                    "1 build path(s) of the data no path map entry places: not counted.",
                    "1 problem(s) with the coverage data, first: vpci.info.gz:7: no function starts at line 900",
                    "DAL C (asks for statement)", "No coverage data was given for this configuration: its criteria"
                            + " are not measured.");
            assertThat(text).doesNotContain("never_50\t");
        }
        // a level without data for any configuration: nothing to say
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                TraceabilityReport.write(withCoverage(List.of(report(CONFIG, DesignAssuranceLevel.DAL_A, false)))))))) {
            assertThat(x.getText()).doesNotContain("Structural coverage");
        }
    }

    @Test
    void theXlsxHasTheCoverageSheetsOnlyWithCoverageData() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(withCoverage())))) {
            XSSFSheet summary = wb.getSheet(AssessorWorkbook.COVERAGE);
            assertThat(summary.getLastRowNum()).isEqualTo(1); // the configuration without data has no row
            assertThat(summary.getRow(1).getCell(0).getStringCellValue()).isEqualTo(CONFIG);
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).isEqualTo("DAL A");
            assertThat(summary.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(2080.0);
            assertThat(summary.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(2076.0);
            assertThat(summary.getRow(1).getCell(7).getCellFormula()).isEqualTo("IF(E2=0,\"-\",G2/E2)");
            assertThat(summary.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(4.0);
            assertThat(summary.getRow(1).getCell(9).getNumericCellValue()).isEqualTo(35.0);
            assertThat(summary.getRow(1).getCell(16).getStringCellValue()).isEqualTo("MC/DC");
            assertThat(summary.getRow(1).getCell(20).getNumericCellValue()).isEqualTo(1.0);
            assertThat(summary.getRow(1).getCell(21).getStringCellValue())
                    .isEqualTo("vpci.info.gz:7: no function starts at line 900");

            XSSFSheet sets = wb.getSheet(AssessorWorkbook.COVERAGE_DATA);
            assertThat(sets.getRow(1).getCell(6).getStringCellValue()).isEqualTo(Sha256.hex(DATA));
            assertThat(sets.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(DATA.length);

            XSSFSheet reqs = wb.getSheet(AssessorWorkbook.COVERAGE_BY_REQUIREMENT);
            assertThat(reqs.getRow(0).getCell(7).getStringCellValue()).isEqualTo("Lines covered by its tests");
            assertThat(reqs.getRow(0).getCell(15).getStringCellValue()).isEqualTo("Lines covered by all tests");
            assertThat(reqs.getRow(1).getCell(1).getStringCellValue()).isEqualTo("dsn~vpci-add~1");
            assertThat(reqs.getRow(1).getCell(7).getNumericCellValue()).isEqualTo(4.0);
            assertThat(reqs.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(5.0);
            assertThat(reqs.getRow(1).getCell(15).getNumericCellValue()).isEqualTo(4.0);

            XSSFSheet dirs = wb.getSheet(AssessorWorkbook.COVERAGE_BY_DIRECTORY);
            assertThat(dirs.getRow(1).getCell(1).getStringCellValue()).isEqualTo("xen/drivers/vpci/");
            assertThat(dirs.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(4.0);

            XSSFSheet never = wb.getSheet(AssessorWorkbook.NEVER_EXECUTED);
            assertThat(never.getLastRowNum()).isEqualTo(NEVER); // all of them, after the header
            assertThat(never.getRow(NEVER).getCell(1).getStringCellValue()).isEqualTo("other");
            assertThat(never.getRow(NEVER).getCell(4).getNumericCellValue()).isEqualTo(4.0);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(
                SyntheticEvidence.create(SyntheticEvidence.Shape.small()))))) {
            assertThat(wb.getSheet(AssessorWorkbook.COVERAGE)).isNull();
            assertThat(wb.getSheet(AssessorWorkbook.NEVER_EXECUTED)).isNull();
        }
    }

    @Test
    void thePackageHoldsTheDataFileByteForByteAndVerifies() throws Exception {
        ReleaseEvidence e = withCoverage();
        byte[] zip = EvidencePackage.build(e, Optional.empty());
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry z; (z = in.getNextEntry()) != null;) {
                files.put(z.getName(), in.readAllBytes());
            }
        }
        String path = "inputs/coverage-data/1-vpci.info.gz";
        assertThat(files.get(path)).isEqualTo(DATA);
        tools.jackson.databind.JsonNode manifest = EvidencePackage.JSON.readTree(files.get("MANIFEST.json"));
        PackagedFile listed = EvidencePackage.files(manifest).stream().filter(f -> f.path().equals(path))
                .findFirst().orElseThrow();
        assertThat(listed.sha256()).isEqualTo(e.coverage(CONFIG).orElseThrow().dataSets().get(0).sha256());
        assertThat(listed.size()).isEqualTo(DATA.length);
        Path file = tmp.resolve("evidence.zip");
        Files.write(file, zip);
        VerificationResult v = EvidenceVerifier.verify(file);
        assertThat(v.intactPackage()).isTrue();
        assertThat(v.intact()).contains(path);

        // evidence.json has the figures, and names the data file by hash without its bytes
        String json = new String(files.get("inputs/evidence.json"), StandardCharsets.UTF_8);
        assertThat(json).contains("\"sha256\" : \"" + Sha256.hex(DATA) + "\"").doesNotContain("\"bytes\" : \"");
        ReleaseEvidence back = EvidenceJson.read(new ByteArrayInputStream(files.get("inputs/evidence.json")), "json");
        assertThat(back.coverage()).isEqualTo(e.coverage());
        assertThat(back.attachments()).isEqualTo(e.attachments());
        AttachedFile data = back.attachments().stream().filter(a -> a.kind() == AttachmentKind.COVERAGE_DATA)
                .findFirst().orElseThrow();
        assertThat(data.bytes()).isNull();
        // a package cannot be made from a description of the data: it would lack the file its documents hash
        assertThatThrownBy(() -> EvidencePackage.build(back, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("coverage-data file 1-vpci.info.gz (SHA-256 " + Sha256.hex(DATA))
                .hasMessageContaining("does not hold its bytes");
    }

    @Test
    void anAttachedFileOfBytesIsCheckedAgainstItsHash() {
        AttachedFile f = AttachedFile.ofBytes(AttachmentKind.COVERAGE_DATA, "a.gz", DATA);
        assertThat(f.sha256()).isEqualTo(Sha256.hex(DATA));
        assertThat(f.size()).isEqualTo(DATA.length);
        assertThat(f.content()).isEqualTo(DATA);
        assertThatThrownBy(() -> new AttachedFile(AttachmentKind.COVERAGE_DATA, "a.gz", "", Sha256.hex(DATA),
                DATA.length, LCOV.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not have SHA-256");
        assertThat(new AttachedFile(AttachmentKind.LINKS, "l.yaml", "x").content())
                .isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    static GateResult result(ReadinessReport r, String configuration, Gate gate) {
        return r.results().stream().filter(g -> g.configuration().equals(configuration) && g.gate() == gate)
                .findFirst().orElseThrow();
    }
}
