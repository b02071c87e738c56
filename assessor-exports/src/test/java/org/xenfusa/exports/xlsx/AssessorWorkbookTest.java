package org.xenfusa.exports.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.LinkRow;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/** The workbook read back with POI: cells, formulas and their values, frozen panes, filters, hyperlinks. */
// [utest->dsn~assessor-workbook~1] [utest->err~document-differs-from-data~1]
class AssessorWorkbookTest {
    static ReleaseEvidence evidence;
    static XSSFWorkbook wb;
    static byte[] bytes;

    @BeforeAll
    static void write() throws Exception {
        evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        bytes = AssessorWorkbook.write(evidence);
        wb = new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    @Test
    void aboutNamesCommitConfigurationHashesToolTimeAndReferences() {
        XSSFSheet about = wb.getSheet("About");
        assertThat(wb.getSheetIndex(about)).isZero();
        String text = sheetText(about);
        assertThat(text).contains(evidence.context().repository(), evidence.context().ref(),
                evidence.context().commit(), "fusa 0.1.0", "2026-11-24T10:00:00Z", evidence.context().effortModel());
        for (ConfigurationFigures c : evidence.configurations()) {
            assertThat(text).contains(c.name(), c.configSha256());
        }
        assertThat(text).contains("cloc 1.96", "make cloc", "kconfig", "OpenFastTrace 4.4.0");
        assertThat(text).contains("Trace policy", "Trace policy SHA-256", evidence.context().tracePolicy().sha256());
        assertThat(text).contains("YES: 1 warning(s)");
        Cell commit = findCell(about, evidence.context().commit());
        assertThat(commit.getHyperlink().getAddress()).isEqualTo(evidence.context().commitUrl().orElseThrow());
    }

    @Test
    void linksSheetListsEveryLinkWithItsReviewStateAndRecord() throws Exception {
        RequirementRow first = evidence.requirements().get(0);
        List<RequirementRow> reqs = new ArrayList<>(evidence.requirements());
        reqs.set(0, new RequirementRow(first.id(), first.type(), first.title(), first.description(), first.covers(),
                first.coveredBy(), first.codeAnchors(), first.tests(), first.overall(), first.verdicts(), List.of(
                        new LinkRow("CODE", "xen/common/fa.c:fa_start", "impl", "reviewed", "(web link):1", true,
                                "reviewed by bob at 2026-01-31T12:00:00Z: \"matches\""),
                        new LinkRow("CODE", "xen/common/fa.c:fa_stop", "impl", "draft", "links.yaml:4", false)),
                first.suspect()));
        ReleaseEvidence withLinks = new ReleaseEvidence(evidence.context(), evidence.configurations(), reqs,
                evidence.suspectLinks(), evidence.defects(), evidence.untracedCode(), evidence.testResults(),
                evidence.attachments());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(withLinks)))) {
            XSSFSheet links = book.getSheet("Links");
            assertThat(cells(links.getRow(0))).containsExactly("Requirement", "Kind", "Links to", "Artifact type",
                    "Review state", "Counts as coverage", "Review record", "Declared at");
            assertThat(links.getLastRowNum()).isEqualTo(2);
            assertThat(cells(links.getRow(1))).containsExactly(first.id(), "CODE", "xen/common/fa.c:fa_start", "impl",
                    "reviewed", "yes", "reviewed by bob at 2026-01-31T12:00:00Z: \"matches\"", "(web link):1");
            assertThat(cells(links.getRow(2))).containsExactly(first.id(), "CODE", "xen/common/fa.c:fa_stop", "impl",
                    "draft", "no", "", "links.yaml:4");
        }
    }

    private static List<String> cells(Row row) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) {
            Cell c = row.getCell(i);
            out.add(c == null ? "" : c.getStringCellValue());
        }
        return out;
    }

    @Test
    void matrixHasOneRowPerRequirementWithVerdictsFrozenHeaderFilterAndLinks() {
        XSSFSheet m = wb.getSheet("Traceability");
        assertThat(m.getLastRowNum()).isEqualTo(evidence.requirements().size());
        Row head = m.getRow(0);
        assertThat(head.getCell(7).getStringCellValue()).isEqualTo("Verdict x86_64-defconfig");
        assertThat(head.getCell(8).getStringCellValue()).isEqualTo("Verdict arm64-defconfig");
        assertThat(head.getCell(9).getStringCellValue()).isEqualTo("Suspect");
        for (int i = 0; i < evidence.requirements().size(); i++) {
            RequirementRow r = evidence.requirements().get(i);
            Row row = m.getRow(i + 1);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(r.id());
            assertThat(row.getCell(0).getHyperlink().getAddress())
                    .isEqualTo("https://fusa.example.org/trace/items/" + r.id().replace("~", "%7E")
                            + "?commit=" + evidence.context().commit());
            assertThat(row.getCell(2).getStringCellValue()).isEqualTo(r.title());
            assertThat(row.getCell(3).getStringCellValue()).isEqualTo(String.join(", ", r.covers()));
            assertThat(row.getCell(7).getStringCellValue()).isEqualTo(r.verdict("x86_64-defconfig").name());
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo(r.verdict("arm64-defconfig").name());
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo(r.suspect() ? "SUSPECT" : "");
        }
        PaneInformation pane = m.getPaneInformation();
        assertThat(pane.isFreezePane()).isTrue();
        assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
        assertThat(m.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J" + (evidence.requirements().size() + 1));
        assertThat(m.getColumnWidth(2)).isGreaterThan(8 * 256);
    }

    @Test
    void directoryTotalsAreSumFormulasThatEqualTheAnalysisTotals() {
        FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
        for (ConfigurationFigures c : evidence.configurations()) {
            XSSFSheet s = wb.getSheet(AssessorWorkbook.directorySheet(evidence, c.name()));
            int n = c.directories().size();
            for (int i = 0; i < n; i++) {
                DirectoryFigures d = c.directories().get(i);
                Row row = s.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(d.directory());
                assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(d.makeCloc().code());
                assertThat((long) row.getCell(8).getNumericCellValue()).isEqualTo(d.withHeaders().code());
                assertThat((long) row.getCell(12).getNumericCellValue()).isEqualTo(d.activeLines().code());
            }
            Row sum = s.getRow(n + 1);
            assertThat(sum.getCell(4).getCellType()).isEqualTo(CellType.FORMULA);
            assertThat(sum.getCell(4).getCellFormula()).isEqualTo("SUM(E2:E" + (n + 1) + ")");
            assertThat((long) eval.evaluate(sum.getCell(4)).getNumberValue()).isEqualTo(c.makeCloc().code());
            assertThat((long) eval.evaluate(sum.getCell(1)).getNumberValue()).isEqualTo(c.makeCloc().files());
            assertThat((long) eval.evaluate(sum.getCell(8)).getNumberValue()).isEqualTo(c.withHeaders().code());
            assertThat((long) eval.evaluate(sum.getCell(12)).getNumberValue()).isEqualTo(c.activeLines().code());
            Row diff = s.getRow(n + 3);
            for (int col = 1; col <= 12; col++) {
                assertThat(eval.evaluate(diff.getCell(col)).getNumberValue()).as("difference column " + col).isZero();
            }
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:M" + (n + 1));
            assertThat(s.getPaneInformation().isFreezePane()).isTrue();
        }
    }

    @Test
    void fileSheetsListEveryFileAndSumToTheTotals() {
        FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
        ConfigurationFigures c = evidence.configurations().get(0);
        XSSFSheet s = wb.getSheet(AssessorWorkbook.fileSheet(evidence, c.name()));
        assertThat(s.getRow(1).getCell(0).getStringCellValue()).isEqualTo(c.files().get(0).path());
        assertThat(s.getRow(1).getCell(0).getHyperlink().getAddress()).startsWith("https://fusa.example.org/sloc/files?");
        Row sum = s.getRow(c.files().size() + 1);
        assertThat((long) eval.evaluate(sum.getCell(9)).getNumberValue()).isEqualTo(c.withHeaders().code());
    }

    @Test
    void summaryCountsVerdictsWithFormulasOverTheMatrix() {
        FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
        XSSFSheet s = wb.getSheet("Summary");
        for (int i = 0; i < evidence.configurations().size(); i++) {
            ConfigurationFigures c = evidence.configurations().get(i);
            Row r = s.getRow(3 + i);
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo(c.name());
            long covered = evidence.requirements().stream()
                    .filter(q -> q.verdict(c.name()).name().equals("COVERED")).count();
            assertThat(r.getCell(6).getCellFormula()).startsWith("COUNTIF('Traceability'!");
            assertThat((long) eval.evaluate(r.getCell(6)).getNumberValue()).isEqualTo(covered);
            assertThat((long) eval.evaluate(r.getCell(5)).getNumberValue()).isEqualTo(evidence.requirements().size());
            assertThat((long) eval.evaluate(r.getCell(2)).getNumberValue()).isEqualTo(c.makeCloc().code());
        }
    }

    @Test
    void effortUntracedAndWarningsSheets() {
        FormulaEvaluator eval = wb.getCreationHelper().createFormulaEvaluator();
        XSSFSheet effort = wb.getSheet("Effort");
        var first = evidence.configurations().get(0).effort().get(0);
        Row r = effort.getRow(1);
        assertThat(r.getCell(1).getStringCellValue()).isEqualTo(first.level());
        assertThat(r.getCell(4).getNumericCellValue()).isEqualTo(first.hours());
        assertThat(eval.evaluate(r.getCell(5)).getNumberValue()).isCloseTo(first.hours(),
                org.assertj.core.data.Offset.offset(1e-6));
        XSSFSheet untraced = wb.getSheet("Untraced code");
        int n = evidence.untracedCode().size();
        long expected = evidence.untracedCode().stream().filter(u -> u.configuration().equals("arm64-defconfig"))
                .mapToLong(u -> u.code()).sum();
        assertThat((long) eval.evaluate(untraced.getRow(n + 2).getCell(2)).getNumberValue()).isEqualTo(expected);
        XSSFSheet warnings = wb.getSheet("Warnings");
        assertThat(warnings.getRow(1).getCell(1).getStringCellValue())
                .isEqualTo(evidence.configurations().get(1).warnings().get(0));
    }

    @Test
    void coreAndZipTimesAreTheStatedTime() {
        assertThat(wb.getProperties().getCoreProperties().getCreated().toInstant())
                .isEqualTo(evidence.context().generatedAt());
        assertThat(AssessorWorkbook.write(evidence)).isEqualTo(bytes);
    }

    private static String sheetText(XSSFSheet s) {
        StringBuilder b = new StringBuilder();
        for (Row r : s) {
            for (Cell c : r) {
                b.append(c.toString()).append('\t');
            }
            b.append('\n');
        }
        return b.toString();
    }

    private static Cell findCell(XSSFSheet s, String value) {
        for (Row r : s) {
            for (Cell c : r) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(value)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no cell " + value);
    }

}
