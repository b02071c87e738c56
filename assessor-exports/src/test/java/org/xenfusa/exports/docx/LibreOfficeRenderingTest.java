package org.xenfusa.exports.docx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.synthetic.SyntheticEvidence;

/**
 * The report opens in LibreOffice and lays out as designed: every chapter starts a page, and with the small
 * synthetic evidence each chapter fits on one page, so the page count is known in advance.
 */
class LibreOfficeRenderingTest {
    @TempDir Path tmp;

    @Test
    void reportConvertsToPdfWithOnePagePerChapter() throws Exception {
        Optional<Path> soffice = onPath("soffice").or(() -> onPath("libreoffice"));
        if (soffice.isEmpty()) {
            Assumptions.abort("LibreOffice (soffice) is not on the PATH: the DOCX was not rendered;"
                    + " install libreoffice-writer-nogui to run this check");
        }
        var evidence = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        Path docx = tmp.resolve("report.docx");
        Files.write(docx, TraceabilityReport.write(evidence));
        Process p = new ProcessBuilder(soffice.get().toString(), "-env:UserInstallation=file://" + tmp.resolve("lo"),
                "--headless", "--convert-to", "pdf", "--outdir", tmp.toString(), docx.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("LibreOffice finished: " + log).isTrue();
        Path pdf = tmp.resolve("report.pdf");
        assertThat(pdf).as("LibreOffice wrote a PDF: " + log).exists();
        int configurations = evidence.configurations().size();
        // cover + contents + scope/method + summary + one chapter per configuration + requirements + defects + one
        // appendix each
        int expected = 2 + 2 + configurations + 1 + 1 + configurations;
        assertThat(pageCount(pdf)).isEqualTo(expected);
    }

    /** The page count from the PDF's page tree root (LibreOffice writes it uncompressed). */
    static int pageCount(Path pdf) throws Exception {
        String s = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)|/Count\\s+(\\d+)[^>]*?/Type\\s*/Pages\\b")
                .matcher(s);
        int max = 0;
        while (m.find()) {
            max = Math.max(max, Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
        }
        return max;
    }

    static Optional<Path> onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
