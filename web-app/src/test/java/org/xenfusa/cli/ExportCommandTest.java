package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.reqif.ReqifImport;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/** {@code fusa export}: each format from an evidence JSON file, and bad input as exit code 2. */
class ExportCommandTest {
    @TempDir Path tmp;
    Path input;
    ReleaseEvidence evidence;

    @BeforeEach
    void evidence() throws Exception {
        evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        input = tmp.resolve("evidence.json");
        Files.write(input, EvidenceJson.write(evidence));
    }

    private int run(String... args) {
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(args);
            lastErr = c.err();
            lastOut = c.out();
            return code;
        }
    }

    String lastErr;
    String lastOut;

    @Test
    void writesEachFormat() throws Exception {
        Path xlsx = tmp.resolve("m.xlsx");
        assertThat(run("export", "--format", "xlsx", "--input", input.toString(), "--out", xlsx.toString()))
                .as(lastErr).isZero();
        assertThat(lastErr).contains("some figures carry warnings");
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertThat(wb.getSheet("Traceability").getLastRowNum()).isEqualTo(evidence.requirements().size());
        }
        Path docx = tmp.resolve("r.docx");
        assertThat(run("export", "--format", "docx", "--input", input.toString(), "--out", docx.toString())).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            assertThat(d.getParagraphs().get(0).getText()).isEqualTo("Software traceability and code-size report");
        }
        Path reqif = tmp.resolve("r.reqif");
        assertThat(run("export", "--format", "reqif", "--input", input.toString(), "--out", reqif.toString())).isZero();
        assertThat(ReqifImport.read(new ByteArrayInputStream(Files.readAllBytes(reqif)), "r.reqif").requirements())
                .hasSize(evidence.requirements().size());
        Path zip = tmp.resolve("e.zip");
        Files.writeString(tmp.resolve("gates.yaml"), "all:\n  suspect-links-max: 5\n");
        assertThat(run("export", "--format", "evidence", "--input", input.toString(), "--out", zip.toString(),
                "--gates", tmp.resolve("gates.yaml").toString())).as(lastErr).isZero();
        assertThat(lastOut).startsWith("evidence " + zip).contains("sha256 ");
        assertThat(run("verify-evidence", zip.toString())).isZero();
    }

    @Test
    void badInputIsExitTwoWithAReason() throws Exception {
        assertThat(run("export", "--format", "pdf", "--input", input.toString(), "--out", "x")).isEqualTo(2);
        assertThat(run("export", "--format", "xlsx", "--input", tmp.resolve("none.json").toString(), "--out",
                tmp.resolve("x.xlsx").toString())).isEqualTo(2);
        assertThat(lastErr).contains("evidence file (--input) not found: " + tmp.resolve("none.json"));
        Files.writeString(tmp.resolve("bad.json"), "{\"context\": 3}");
        assertThat(run("export", "--format", "xlsx", "--input", tmp.resolve("bad.json").toString(), "--out",
                tmp.resolve("x.xlsx").toString())).isEqualTo(2);
        assertThat(lastErr).contains("bad.json: not evidence JSON");
        Files.writeString(tmp.resolve("g.yaml"), "all:\n  nonsense-max: 1\n");
        assertThat(run("export", "--format", "evidence", "--input", input.toString(), "--out",
                tmp.resolve("e.zip").toString(), "--gates", tmp.resolve("g.yaml").toString())).isEqualTo(2);
        assertThat(lastErr).contains("g.yaml:2: unknown gate 'nonsense-max'");
        assertThat(tmp.resolve("e.zip")).doesNotExist();
    }
}
