package org.xenfusa.sloc.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.SourceFile;

/**
 * The whole {@code xen/} folder of a real Xen checkout ({@code XEN_SRC}, RELEASE-4.22.0) counted
 * file by file and compared with what {@code cloc xen/} printed there: every file of cloc's
 * {@code --by-file} CSV, every language total, SUM and the ignored count.
 */
class XenWholeTreeClocTest {
    private static final Pattern ROW = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");
    private static final Pattern IGNORED = Pattern.compile("(\\d+) files? ignored");

    record Lines(String language, long blank, long comment, long code) {
    }

    @Test
    void everyFileAndTotalMatchCloc() throws IOException {
        String xenSrc = System.getenv("XEN_SRC");
        if (xenSrc == null || xenSrc.isBlank()) {
            Assumptions.abort("XEN_SRC not set: point it at a Xen checkout (tag RELEASE-4.22.0) to compare with cloc");
        }
        Path groundTruth = sharedDir().resolve("xen-groundtruth/whole-tree");
        Map<String, Lines> expectedByFile = readByFileCsv(groundTruth.resolve("cloc-xen-dir-by-file.csv"));
        String report = Files.readString(groundTruth.resolve("cloc-xen-dir.txt"), StandardCharsets.ISO_8859_1);

        ClocCounter counter = new ClocCounter();
        List<CountedFile> files = new ArrayList<>();
        long bytes = 0;
        try (DirectorySourceTree tree = DirectorySourceTree.open(Path.of(xenSrc))) {
            for (SourceFile f : tree.filesUnder("xen/")) {
                byte[] content = tree.read(f);
                bytes += content.length;
                files.add(new CountedFile(f.path(), f.blobId(), f.size(), counter.count(f.path(), content)));
            }
        }
        ClocSummary summary = ClocSummary.of(files);

        List<String> differences = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (CountedFile f : summary.countedFiles()) {
            FileCount c = f.count();
            Lines mine = new Lines(c.language(), c.blank(), c.comment(), c.code());
            Lines cloc = expectedByFile.get(f.path());
            seen.add(f.path());
            if (!mine.equals(cloc)) {
                differences.add(f.path() + ": cloc " + cloc + ", counted " + mine);
            }
        }
        for (String path : expectedByFile.keySet()) {
            if (!seen.contains(path)) {
                FileCount c = files.stream().filter(f -> f.path().equals(path)).map(CountedFile::count).findFirst()
                        .orElse(FileCount.ignored("not in the tree"));
                differences.add(path + ": cloc " + expectedByFile.get(path) + ", here not counted: " + c);
            }
        }
        System.out.printf("xen/ whole tree: %d files read (%d bytes), %d counted, %d duplicates, %d ignored; "
                        + "%d of cloc's %d files compared, %d differing%n",
                files.size(), bytes, summary.countedFiles().size(), summary.duplicatesRemoved(),
                summary.ignoredFiles(), seen.size(), expectedByFile.size(), differences.size());
        differences.stream().limit(50).forEach(d -> System.out.println("  " + d));
        assertThat(differences).isEmpty();

        Map<String, LanguageTotals> expectedTotals = readTotals(report);
        Map<String, LanguageTotals> mineTotals = new HashMap<>();
        summary.languages().forEach(t -> mineTotals.put(t.language(), t));
        mineTotals.put("SUM", summary.sum());
        assertThat(mineTotals).isEqualTo(expectedTotals);
        assertThat(summary.sum().files()).isEqualTo(1771);
        assertThat(summary.sum().code()).isEqualTo(380_062);
        Matcher ignored = IGNORED.matcher(report);
        assertThat(ignored.find()).isTrue();
        assertThat(summary.ignoredFiles()).isEqualTo(Integer.parseInt(ignored.group(1)));
    }

    static Path sharedDir() {
        String env = System.getenv("FUSA_SHARED_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("sloc-estimator"))) {
            dir = dir.getParent();
        }
        return (dir == null ? Path.of("").toAbsolutePath() : dir).resolve("../shared").normalize();
    }

    static Map<String, Lines> readByFileCsv(Path csv) throws IOException {
        Map<String, Lines> byFile = new HashMap<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.ISO_8859_1)) {
            String[] p = line.split(",");
            if (p.length < 5 || p[0].equals("language") || p[0].equals("SUM")) {
                continue;
            }
            byFile.put(p[1], new Lines(p[0], Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4])));
        }
        return byFile;
    }

    static Map<String, LanguageTotals> readTotals(String report) {
        Map<String, LanguageTotals> totals = new HashMap<>();
        for (String line : report.split("[\r\n]+")) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String lang = m.group(1).equals("SUM:") ? "SUM" : m.group(1);
                totals.put(lang, new LanguageTotals(lang, Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return totals;
    }
}
