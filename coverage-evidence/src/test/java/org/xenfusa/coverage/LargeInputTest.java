package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data set of more than 50 MB, written to a file here and read from a stream. */
class LargeInputTest {
    @Test
    void aFiftyMegabyteGcovJsonIsReadFromAStream(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.gcov.json");
        int files = 1_000;
        try (BufferedWriter w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            w.write("{\"format_version\": \"1\", \"gcc_version\": \"12.2.0\", \"current_working_directory\": "
                    + "\"/build/xen\", \"files\": [\n");
            for (int i = 0; i < files; i++) {
                w.write((i == 0 ? "" : ",\n") + "{\"file\": \"" + CoverageTiming.file(i).substring(4)
                        + "\", \"functions\": [{\"name\": \"fn_" + i + "\", \"demangled_name\": \"fn_" + i
                        + "\", \"start_line\": 1, \"end_line\": 303, \"execution_count\": 1}], \"lines\": [\n");
                for (int l = 3; l < 3 + CoverageTiming.LINES; l++) {
                    w.write((l == 3 ? "" : ",\n") + "  {\"line_number\": " + l + ", \"count\": " + (l % 2)
                            + ", \"unexecuted_block\": false, \"function_name\": \"fn_" + i + "\", \"branches\": ["
                            + "{\"count\": " + (l % 2) + ", \"throw\": false, \"fallthrough\": true}, "
                            + "{\"count\": 0, \"throw\": false, \"fallthrough\": false}]}");
                }
                w.write("]}");
            }
            w.write("]}\n");
        }
        long size = Files.size(big);
        assertThat(size).isGreaterThan(50L * 1024 * 1024);

        CoverageImporter imp = new CoverageImporter(CoverageTiming.snapshot(), CoverageTiming.pathMap());
        CoverageImport ci;
        try (InputStream in = Files.newInputStream(big)) {
            ci = imp.read(big.toString(), in);
        }
        assertThat(ci.problems()).isEmpty();
        assertThat(ci.source().orElseThrow().bytes()).isEqualTo(size);
        assertThat(ci.data().files()).hasSize(files);
        Counter lines = Counter.ZERO;
        Counter branches = Counter.ZERO;
        for (FileCoverage f : ci.data().files().values()) {
            lines = lines.plus(f.lines());
            branches = branches.plus(f.branches());
        }
        assertThat(lines).isEqualTo(new Counter(files * 300L, files * 150L));
        assertThat(branches).isEqualTo(new Counter(files * 600L, files * 150L));
    }
}
