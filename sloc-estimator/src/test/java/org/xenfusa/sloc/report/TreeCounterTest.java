package org.xenfusa.sloc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.tree.DirectorySourceTree;

/** Whole-tree counting: big files, binary files and bad bytes are counted or ignored as cloc does. */
// [utest->dsn~tree-counter~1]
class TreeCounterTest {
    @TempDir Path dir;

    @Test
    void countsAFiftyMegabyteFileAndIgnoresBinaryOnes() throws Exception {
        Files.createDirectories(dir.resolve("xen"));
        byte[] line = "int x;\n".getBytes(StandardCharsets.US_ASCII);
        int lines = 50 * 1024 * 1024 / line.length;
        // buffered: 7.5 million unbuffered 7-byte writes took most of this test's 14 s
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve("xen/big.c")), 1 << 16)) {
            for (int i = 0; i < lines; i++) {
                out.write(line);
            }
        }
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("xen/blob.c"), binary);
        // Latin-1 bytes in a comment: not valid UTF-8, still text to cloc
        Files.write(dir.resolve("xen/latin1.c"), "/* caf\u00e9 */\nint y;\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("xen/empty.c"), "");

        List<CountedFile> counted;
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            int[] progress = {0};
            counted = new TreeCounter(new ClocCounter()).count(tree, "xen/", n -> progress[0] = n);
            assertThat(progress[0]).isEqualTo(4);
        }
        Map<String, CountedFile> byPath = counted.stream().collect(Collectors.toMap(CountedFile::path, Function.identity()));
        assertThat(byPath.get("xen/big.c").count().code()).isEqualTo(lines);
        assertThat(byPath.get("xen/big.c").size()).isEqualTo((long) lines * line.length);
        assertThat(byPath.get("xen/blob.c").count().isCounted()).isFalse();
        assertThat(byPath.get("xen/blob.c").count().ignoredReason()).isEqualTo(ClocCounter.BINARY);
        assertThat(byPath.get("xen/latin1.c").count().comment()).isEqualTo(1);
        assertThat(byPath.get("xen/latin1.c").count().code()).isEqualTo(1);
        assertThat(byPath.get("xen/empty.c").count().ignoredReason()).isEqualTo(ClocCounter.ZERO_SIZED);
    }
}
