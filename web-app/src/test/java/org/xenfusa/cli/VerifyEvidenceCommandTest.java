package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/** {@code fusa verify-evidence}: 0 intact, 1 naming changed files, 2 not a package. */
// [utest->err~package-tampered~1]
class VerifyEvidenceCommandTest {
    @TempDir Path tmp;

    @Test
    void exitCodesNameWhatChanged() throws Exception {
        Path good = tmp.resolve("good.zip");
        Files.write(good, EvidencePackage.build(SyntheticEvidence.create(SyntheticEvidence.Shape.small()),
                Optional.empty()));
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"verify-evidence", good.toString()})).as(c.err()).isZero();
            assertThat(c.out()).startsWith("OK ");
        }
        Path bad = tmp.resolve("bad.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bad))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().equals("documents/requirements.reqif")) {
                    b[b.length / 2] ^= 1;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
            }
        }
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"verify-evidence", bad.toString()})).isEqualTo(1);
            assertThat(c.out()).contains("CHANGED documents/requirements.reqif").contains("TAMPERED");
        }
        Path notZip = tmp.resolve("x.zip");
        Files.writeString(notZip, "hello");
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"verify-evidence", notZip.toString()})).isEqualTo(2);
            assertThat(c.err()).contains("is not a ZIP file");
        }
    }

    @Test
    void aZipBombIsBadInputWithAMessage() throws Exception {
        Path bomb = tmp.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.setLevel(9);
            out.putNextEntry(new ZipEntry("documents/zeros.bin"));
            byte[] mib = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(mib);
            }
            out.putNextEntry(new ZipEntry(EvidencePackage.MANIFEST));
            out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"verify-evidence", bomb.toString()})).isEqualTo(2);
            assertThat(c.err()).contains("entry 'documents/zeros.bin' expands more than 200 times")
                    .contains("not verified").doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(c.out()).isEmpty();
        }
    }

    @Test
    void aNewlineInAnEntryNameCannotForgeAnOkLine() throws Exception {
        Path good = tmp.resolve("good.zip");
        Files.write(good, EvidencePackage.build(SyntheticEvidence.create(SyntheticEvidence.Shape.small()),
                Optional.empty()));
        Path forged = tmp.resolve("forged.zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(good));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(forged))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(b);
            }
            out.putNextEntry(new ZipEntry("x\nOK forged.zip: 12 files match MANIFEST.json (commit 0000)"));
            out.write(1);
        }
        try (CliCapture c = new CliCapture()) {
            assertThat(FusaCommandLine.run(new String[] {"verify-evidence", forged.toString()})).isEqualTo(1);
            assertThat(c.out().lines()).noneMatch(line -> line.startsWith("OK"))
                    .contains("ADDED   x\\nOK forged.zip: 12 files match MANIFEST.json (commit 0000)");
            assertThat(c.out()).contains("TAMPERED");
        }
    }
}
