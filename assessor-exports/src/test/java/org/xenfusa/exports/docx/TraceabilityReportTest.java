package org.xenfusa.exports.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/** The report read back with POI: cover facts, headings, contents, tables against the figures, charts. */
// [utest->dsn~docx-report~1] [utest->err~document-differs-from-data~1]
class TraceabilityReportTest {
    static ReleaseEvidence evidence;
    static byte[] bytes;
    static XWPFDocument doc;

    @BeforeAll
    static void write() throws Exception {
        evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        bytes = TraceabilityReport.write(evidence);
        doc = new XWPFDocument(new ByteArrayInputStream(bytes));
    }

    @Test
    void coverStatesCommitConfigurationHashesToolTimeModelAndWarnings() {
        String cover = text(doc.getParagraphs().subList(0, 12));
        assertThat(cover).contains(TraceabilityReport.TITLE, evidence.context().repository(),
                evidence.context().commit(), "2026-11-24T10:00:00Z", "fusa 0.1.0", evidence.context().effortModel());
        assertThat(text(doc.getParagraphs())).contains("Trace policy", "oft 1, SHA-256 "
                + evidence.context().tracePolicy().sha256());
        XWPFTable configs = doc.getTables().get(0);
        for (int i = 0; i < evidence.configurations().size(); i++) {
            ConfigurationFigures c = evidence.configurations().get(i);
            assertThat(configs.getRow(i + 1).getCell(0).getText()).isEqualTo(c.name());
            assertThat(configs.getRow(i + 1).getCell(3).getText()).isEqualTo(c.configSha256());
        }
        assertThat(text(doc.getParagraphs())).contains("Some figures carry warnings (1 in total)");
    }

    @Test
    void headingsAreNumberedAndListedInTheContents() {
        List<String> h1 = doc.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
                .map(XWPFParagraph::getText).toList();
        assertThat(h1).containsExactly("1  Scope and method", "2  Summary", "3  Configuration x86_64-defconfig",
                "4  Configuration arm64-defconfig on qemu-virt", "5  Requirements", "6  Defects and suspect links",
                "Appendix A  Files of x86_64-defconfig", "Appendix B  Files of arm64-defconfig on qemu-virt");
        List<XWPFParagraph> toc = doc.getParagraphs().stream().filter(p -> "TOC1".equals(p.getStyle())).toList();
        assertThat(toc).hasSize(h1.size());
        assertThat(toc.get(2).getText()).startsWith("3  Configuration x86_64-defconfig");
        assertThat(toc.get(2).getCTP().xmlText()).contains("PAGEREF _Toc");
    }

    @Test
    void directoryTablesEqualTheFigures() {
        ConfigurationFigures c = evidence.configurations().get(0);
        XWPFTable t = doc.getTables().stream()
                .filter(x -> x.getRow(0).getCell(0).getText().equals("Directory"))
                .findFirst().orElseThrow();
        for (int i = 0; i < c.directories().size(); i++) {
            DirectoryFigures d = c.directories().get(i);
            XWPFTableRow r = t.getRow(i + 1);
            assertThat(r.getCell(0).getText()).isEqualTo(d.directory());
            assertThat(number(r.getCell(2).getText())).isEqualTo(d.makeCloc().code());
            assertThat(number(r.getCell(4).getText())).isEqualTo(d.withHeaders().code());
            assertThat(number(r.getCell(5).getText())).isEqualTo(d.activeLines().code());
        }
        XWPFTableRow total = t.getRow(c.directories().size() + 1);
        assertThat(total.getCell(0).getText()).isEqualTo("Total");
        assertThat(number(total.getCell(2).getText())).isEqualTo(c.makeCloc().code());
        assertThat(t.getRow(0).isRepeatHeader()).isTrue();
    }

    @Test
    void appendixListsEveryFileAndEachConfigurationHasAChart() {
        ConfigurationFigures c = evidence.configurations().get(1);
        XWPFTable files = doc.getTables().stream()
                .filter(x -> x.getRow(0).getCell(0).getText().equals("File")
                        && x.getRow(1).getCell(0).getText().equals(c.files().get(0).path()))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(files.getNumberOfRows()).isEqualTo(c.files().size() + 1);
        assertThat(doc.getAllPictures()).hasSize(evidence.configurations().size());
        assertThat(doc.getAllPictures().get(0).getData()).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void buildingTwiceGivesIdenticalBytesStampedWithTheStatedTime() {
        assertThat(doc.getProperties().getCoreProperties().getCreated().toInstant())
                .isEqualTo(evidence.context().generatedAt());
        assertThat(TraceabilityReport.write(evidence)).isEqualTo(bytes);
    }

    static long number(String s) {
        return Long.parseLong(s.replace(",", ""));
    }

    static String text(List<XWPFParagraph> ps) {
        StringBuilder b = new StringBuilder();
        ps.forEach(p -> b.append(p.getText()).append('\n'));
        return b.toString();
    }
}
