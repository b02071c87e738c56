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
import org.xenfusa.exports.synthetic.SyntheticKeys;

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
    void signsThePackageAndVerifyEvidenceChecksTheSignature() throws Exception {
        SyntheticKeys mine = SyntheticKeys.generate("Release <r@example.org>", new char[0]);
        SyntheticKeys other = SyntheticKeys.generate("Other <o@example.org>", new char[0]);
        Path secret = Files.write(tmp.resolve("secret.asc"), mine.secretKey());
        Path pub = Files.write(tmp.resolve("public.asc"), mine.publicKey());
        Path otherPub = Files.write(tmp.resolve("other.asc"), other.publicKey());
        Path zip = tmp.resolve("signed.zip");
        assertThat(run("export", "--format", "evidence", "--input", input.toString(), "--out", zip.toString(),
                "--sign-key", secret.toString(), "--sign-passphrase-env", "FUSA_TEST_NO_SUCH_VARIABLE")).as(lastErr)
                .isZero();
        assertThat(run("verify-evidence", zip.toString(), "--public-key", pub.toString())).as(lastOut).isZero();
        assertThat(lastOut).contains("SIGNED signature of key").contains("Release <r@example.org>")
                .contains("signature valid");
        assertThat(run("verify-evidence", zip.toString())).isZero();
        assertThat(lastOut).contains("not checked: no public key given");
        assertThat(run("verify-evidence", zip.toString(), "--public-key", otherPub.toString())).isEqualTo(1);
        assertThat(lastOut).contains("BAD SIGNATURE").contains("which " + otherPub + " does not hold")
                .contains("REFUSED");

        Path unsigned = tmp.resolve("unsigned.zip");
        assertThat(run("export", "--format", "evidence", "--input", input.toString(), "--out", unsigned.toString()))
                .isZero();
        assertThat(run("verify-evidence", unsigned.toString())).isZero();
        assertThat(lastOut).contains("not signed");
        assertThat(run("verify-evidence", unsigned.toString(), "--public-key", pub.toString())).isEqualTo(1);
        assertThat(lastOut).contains("the package is not signed");

        // a key protected by a passphrase, given the wrong one (PATH's value): bad input naming the key file
        SyntheticKeys locked = SyntheticKeys.generate("Locked <l@example.org>", "s3cret".toCharArray());
        Path lockedKey = Files.write(tmp.resolve("locked.asc"), locked.secretKey());
        assertThat(run("export", "--format", "evidence", "--input", input.toString(), "--out",
                tmp.resolve("x.zip").toString(), "--sign-key", lockedKey.toString(), "--sign-passphrase-env", "PATH"))
                .isEqualTo(2);
        assertThat(lastErr).contains(lockedKey.toString()).contains("passphrase");
        assertThat(run("export", "--format", "docx", "--input", input.toString(), "--out",
                tmp.resolve("x.docx").toString(), "--sign-key", secret.toString())).isEqualTo(2);
        assertThat(lastErr).contains("--sign-key goes with --format evidence only");
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
