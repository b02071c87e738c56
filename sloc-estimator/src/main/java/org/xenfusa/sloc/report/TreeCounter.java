package org.xenfusa.sloc.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * Counts every file of a tree under a folder. Blobs are read on the calling thread (a tree's
 * reader is not thread-safe) in chunks, and each chunk is counted on a pool while the next one is
 * read, so that counting costs little more than the read itself.
 */
// [impl->dsn~tree-counter~1]
public final class TreeCounter {
    /** cloc's default {@code --max-file-size} (100 MB): larger files are ignored, not read. */
    public static final long MAX_FILE_SIZE_BYTES = 100L * 1024 * 1024;
    private static final int CHUNK = 64;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "cloc-count");
                t.setDaemon(true);
                return t;
            });

    private final ClocCounter counter;

    public TreeCounter(ClocCounter counter) {
        this.counter = counter;
    }

    /** Counts the files under {@code prefix} ("" for all); {@code progress} gets the number done. */
    public List<CountedFile> count(SourceTree tree, String prefix, IntConsumer progress) throws IOException {
        return count(tree, tree.filesUnder(prefix), progress);
    }

    /** Counts the given files of {@code tree}, in their order; {@code progress} gets the number done. */
    public List<CountedFile> count(SourceTree tree, List<SourceFile> files, IntConsumer progress) throws IOException {
        List<CompletableFuture<CountedFile[]>> chunks = new ArrayList<>();
        for (int start = 0; start < files.size(); start += CHUNK) {
            List<SourceFile> chunk = files.subList(start, Math.min(files.size(), start + CHUNK));
            byte[][] contents = new byte[chunk.size()][];
            for (int i = 0; i < chunk.size(); i++) {
                SourceFile f = chunk.get(i);
                contents[i] = f.size() > MAX_FILE_SIZE_BYTES ? null : tree.read(f);
            }
            chunks.add(CompletableFuture.supplyAsync(() -> countChunk(chunk, contents), POOL));
        }
        List<CountedFile> out = new ArrayList<>(files.size());
        for (CompletableFuture<CountedFile[]> chunk : chunks) {
            out.addAll(List.of(chunk.join()));
            progress.accept(out.size());
        }
        return out;
    }

    private CountedFile[] countChunk(List<SourceFile> chunk, byte[][] contents) {
        CountedFile[] counted = new CountedFile[chunk.size()];
        for (int i = 0; i < counted.length; i++) {
            SourceFile f = chunk.get(i);
            FileCount c = contents[i] == null ? tooLarge(f.size()) : counter.count(f.path(), contents[i]);
            counted[i] = new CountedFile(f.path(), f.blobId(), f.size(), c);
        }
        return counted;
    }

    /** What cloc says of a file over its size limit. */
    public static FileCount tooLarge(long size) {
        // Perl prints the quotient with up to 15 significant digits and no trailing zeros
        String mb = new BigDecimal(size / (1024.0 * 1024), new MathContext(15)).stripTrailingZeros().toPlainString();
        return FileCount.ignored("file size of " + mb + " MB exceeds max file size of 100 MB");
    }
}
