package org.xenfusa.exports.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.MisraFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.readiness.Gate;
import org.xenfusa.exports.readiness.GateFileParser;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.GateVerdict;
import org.xenfusa.exports.readiness.ReadinessEvaluator;
import org.xenfusa.exports.readiness.ReadinessReport;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.misra.AcceptedGuideline;
import org.xenfusa.misra.FindingsImport;
import org.xenfusa.misra.GuidelineId;
import org.xenfusa.misra.MisraAnalysis;
import org.xenfusa.misra.MisraFinding;
import org.xenfusa.misra.MisraRecords;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraScope;
import org.xenfusa.misra.SafComment;

/**
 * The MISRA C report of a configuration in every document: the readiness gates read its figures, the DOCX has a
 * MISRA C section, the XLSX a MISRA C sheet, the evidence package its records and findings (hashed) and evidence.json
 * its figures; all from one {@link MisraReport}, never recomputed. Evidence without MISRA keeps its documents as they
 * were (no section, no sheet) and leaves the MISRA gates not evaluated.
 */
class MisraDocumentsTest {
    static final String CONFIG = "x86_64-defconfig";
    static final String FINDINGS = "xen/common/a.c(3,1):misra-c2012-15.6:style:body\n";

    static GuidelineId id(String text) {
        return GuidelineId.parse(text).orElseThrow();
    }

    /** Rule 15.6 (3 violations) and Rule 8.4 (clean, 1 violation), one dangling SAF comment. */
    static MisraReport report() {
        MisraRecords records = new MisraRecords(List.of(new AcceptedGuideline(id("Rule 8.4"), "Required", "", "", 3),
                new AcceptedGuideline(id("Rule 15.6"), "Required", "", "", 9)), List.of(), List.of(),
                List.of(new SafComment("xen/common/a.c", 1, "SAF-7-safe", false)), List.of(), Set.of(id("Rule 8.4")),
                Map.of(), Set.of(), List.of());
        List<MisraFinding> f = new ArrayList<>();
        for (int line = 3; line <= 5; line++) {
            f.add(new MisraFinding(id("Rule 15.6"), "xen/common/a.c", line, "body", "cppcheck", "2.13.0", false));
        }
        f.add(new MisraFinding(id("Rule 8.4"), "xen/common/a.c", 9, "decl", "cppcheck", "2.13.0", false));
        FindingsImport imported = new FindingsImport(f, List.of(new FindingsImport.Source("cppcheck.txt",
                "xen-analysis-text", Sha256.hex(FINDINGS.getBytes(StandardCharsets.UTF_8)), 4, "cppcheck", "")), 0,
                List.of());
        return MisraAnalysis.analyse("c".repeat(40), records, imported,
                MisraScope.ofFiles(CONFIG, "x86_64", List.of("xen/common/a.c")), MisraAnalysis.Limits.STRICT,
                Optional.empty());
    }

    static ReleaseEvidence withMisra() {
        ReleaseEvidence e = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        List<AttachedFile> attachments = new ArrayList<>(e.attachments());
        attachments.add(new AttachedFile(AttachmentKind.MISRA_FINDINGS, "cppcheck.txt", FINDINGS));
        attachments.add(new AttachedFile(AttachmentKind.MISRA_RECORDS, "docs/misra/rules.rst", "rules\n"));
        return new ReleaseEvidence(e.context(), e.configurations(), e.requirements(), e.suspectLinks(), e.defects(),
                e.untracedCode(), e.testResults(), attachments, List.of(EvidenceAssembler.misra(report())));
    }

    static final String GATES = "all:\n  misra-new-clean-violations-max: 0\n  misra-violations-per-guideline-max: 3\n"
            + "  misra-dangling-saf-ids-max: 0\n";

    @Test
    void theFiguresAreTheReportsAndTheGatesReadThem() throws Exception {
        MisraReport report = report();
        MisraFigures m = withMisra().misra(CONFIG).orElseThrow();
        assertThat(m.violations()).isEqualTo(report.violations()).isEqualTo(4);
        assertThat(m.newCleanViolations()).isEqualTo(report.newCleanViolations()).isEqualTo(1);
        assertThat(m.maxAcceptedViolations()).isEqualTo(3);
        assertThat(m.danglingSafIds()).isEqualTo(1);
        assertThat(m.guidelines()).extracting(MisraFigures.Guideline::id).containsExactly("Rule 8.4", "Rule 15.6");
        assertThat(m.guidelines().get(1).share()).isEqualTo(0.75);
        assertThat(m.checks()).extracting(MisraFigures.Check::passed).containsExactly(false, false, false, true);

        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), withMisra(),
                Optional.empty());
        assertThat(result(r, CONFIG, Gate.MISRA_NEW_CLEAN_VIOLATIONS).verdict()).isEqualTo(GateVerdict.FAILED);
        assertThat(result(r, CONFIG, Gate.MISRA_NEW_CLEAN_VIOLATIONS).value()).contains(1.0);
        assertThat(result(r, CONFIG, Gate.MISRA_VIOLATIONS_PER_GUIDELINE).verdict()).isEqualTo(GateVerdict.PASSED);
        assertThat(result(r, CONFIG, Gate.MISRA_DANGLING_SAF_IDS).verdict()).isEqualTo(GateVerdict.FAILED);
        // the other configuration has no MISRA evidence: not evaluated, so not ready
        assertThat(result(r, "arm64-defconfig", Gate.MISRA_DANGLING_SAF_IDS).verdict())
                .isEqualTo(GateVerdict.NOT_EVALUATED);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void theDocxHasAMisraSectionAndTheXlsxASheetOnlyWithMisraEvidence() throws Exception {
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                TraceabilityReport.write(withMisra()))))) {
            String text = x.getText();
            assertThat(text).contains("MISRA C", "4 violations, 0 justified, 0 outside the configuration",
                    "Rule 15.6\tyes\tno\t3\t75.0%", "not ok\tno new violation of a clean guideline\tRule 8.4: 1",
                    "cppcheck.txt\txen-analysis-text\t" + Sha256.hex(FINDINGS.getBytes(StandardCharsets.UTF_8)));
        }
        try (XWPFWordExtractor x = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(
                TraceabilityReport.write(SyntheticEvidence.create(SyntheticEvidence.Shape.small())))))) {
            assertThat(x.getText()).doesNotContain("MISRA");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(withMisra())))) {
            XSSFSheet s = wb.getSheet("MISRA C");
            assertThat(s).isNotNull();
            assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(CONFIG);
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Rule 15.6");
            assertThat(s.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(3.0);
            assertThat(s.getRow(2).getCell(6).getNumericCellValue()).isEqualTo(0.75);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(
                SyntheticEvidence.create(SyntheticEvidence.Shape.small()))))) {
            assertThat(wb.getSheet("MISRA C")).isNull();
        }
    }

    @Test
    void thePackageCarriesRecordsAndFindingsHashedAndEvidenceJsonTheFigures() throws Exception {
        ReleaseEvidence e = withMisra();
        byte[] zip = EvidencePackage.build(e, Optional.empty());
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry z; (z = in.getNextEntry()) != null;) {
                files.put(z.getName(), in.readAllBytes());
            }
        }
        assertThat(new String(files.get("inputs/misra-findings/cppcheck.txt"), StandardCharsets.UTF_8))
                .isEqualTo(FINDINGS);
        assertThat(files).containsKey("inputs/misra-records/docs/misra/rules.rst");
        tools.jackson.databind.JsonNode manifest = EvidencePackage.JSON.readTree(files.get("MANIFEST.json"));
        for (PackagedFile f : EvidencePackage.files(manifest)) {
            assertThat(Sha256.hex(files.get(f.path()))).as(f.path()).isEqualTo(f.sha256());
        }
        assertThat(EvidencePackage.files(manifest)).extracting(PackagedFile::path)
                .contains("inputs/misra-findings/cppcheck.txt", "inputs/misra-records/docs/misra/rules.rst");
        ReleaseEvidence back = EvidenceJson.read(new ByteArrayInputStream(files.get("inputs/evidence.json")), "json");
        assertThat(back.misra()).isEqualTo(e.misra());
    }

    static GateResult result(ReadinessReport r, String configuration, Gate gate) {
        return r.results().stream().filter(g -> g.configuration().equals(configuration) && g.gate() == gate)
                .findFirst().orElseThrow();
    }
}
