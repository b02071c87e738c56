package org.xenfusa.sloc.count;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.SourceFile;

/**
 * Prints how long counting a whole folder takes once its files are in memory, warm, on 1 thread and
 * on all cores: {@code java ... ClocCounterBench /path/to/xen xen/}. A program, not a test.
 */
public final class ClocCounterBench {
    private ClocCounterBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : System.getenv("XEN_SRC"));
        String under = args.length > 1 ? args[1] : "xen/";
        List<SourceFile> files;
        List<byte[]> contents = new ArrayList<>();
        long bytes = 0;
        try (DirectorySourceTree tree = DirectorySourceTree.open(root)) {
            files = tree.filesUnder(under);
            for (SourceFile f : files) {
                byte[] c = tree.read(f);
                contents.add(c);
                bytes += c.length;
            }
        }
        ClocCounter counter = new ClocCounter();
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            long code = 0;
            for (int i = 0; i < files.size(); i++) {
                code += counter.count(files.get(i).path(), contents.get(i)).code();
            }
            long t1 = System.nanoTime();
            AtomicLong parallelCode = new AtomicLong();
            java.util.stream.IntStream.range(0, files.size()).parallel()
                    .forEach(i -> parallelCode.addAndGet(counter.count(files.get(i).path(), contents.get(i)).code()));
            long t2 = System.nanoTime();
            System.out.printf("round %2d: %d files, %.1f MB, code %d: 1 thread %4d ms, %d cores %4d ms%n", round,
                    files.size(), bytes / 1e6, code, (t1 - t0) / 1_000_000, Runtime.getRuntime().availableProcessors(),
                    (t2 - t1) / 1_000_000);
        }
    }
}
