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
}
