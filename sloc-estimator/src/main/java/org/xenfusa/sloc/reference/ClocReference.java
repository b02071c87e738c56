package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.count.ClocSummary;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceFile;

/**
 * Counting against cloc 1.96: every file of cloc's {@code --by-file} CSV and every language total and SUM of its
 * report, for a folder of a Xen tag ({@code xen/} of RELEASE-4.22.0) or a whole repository at a tag.
 */
public final class ClocReference {
    public static final String USE_CASE = "count SLOC of a tree (cloc-compatible)";
    private static final Pattern ROW = Pattern.compile("^(\\S.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*$");

    private ClocReference() {
    }

    /** One file's counts as cloc's CSV states them. */
    public record Lines(String language, long blank, long comment, long code) {
    }

    /** The comparison: the platform's summary, the differences per file and per total. */
    public record Comparison(ClocSummary summary, int filesRead, int filesCompared, List<String> differences) {
    }

    /** The whole repository at {@code tag} against {@code xen-TAG/whole-repository/}. */
    public static ReferenceCase wholeRepository(ReferenceData data, Repository repo, String tag) throws IOException {
        Map<String, Lines> expected = readByFileCsv(data.file(tag, "whole-repository/cloc-by-file.csv"),
                "xen-" + tag + "/");
        String report = Files.readString(data.file(tag, "whole-repository/cloc.txt"), StandardCharsets.ISO_8859_1);
        return asCase("cloc-whole-repository-" + tag, "cloc --by-file on the whole repository at " + tag
                + ": every file's language, blank, comment and code lines, every language total",
                compare(repo, tag, "", expected, report), readTotals(report));
    }

    /** The {@code xen/} folder of RELEASE-4.22.0 against {@code whole-tree/}. */
    public static ReferenceCase xenFolder(ReferenceData data, Repository repo, String tag) throws IOException {
        Map<String, Lines> expected = readByFileCsv(data.file(tag, "whole-tree/cloc-xen-dir-by-file.csv"), "");
        String report = Files.readString(data.file(tag, "whole-tree/cloc-xen-dir.txt"), StandardCharsets.ISO_8859_1);
        return asCase("cloc-xen-folder-" + tag, "cloc --by-file on xen/ at " + tag
                + ": every file's counts, every language total", compare(repo, tag, "xen/", expected, report),
                readTotals(report));
    }

    private static ReferenceCase asCase(String id, String compared, Comparison c, Map<String, LanguageTotals> totals) {
        LanguageTotals sum = totals.get("SUM");
        return ReferenceCase.of(id, USE_CASE, compared,
                sum == null ? "no SUM line" : sum.files() + " files, code " + sum.code(),
                c.summary().sum().files() + " files, code " + c.summary().sum().code() + " (" + c.filesCompared()
                        + " files compared)", c.differences(), List.of());
    }

    /** Counts {@code under} at {@code tag} and compares it file by file and in total with cloc's figures. */
    public static Comparison compare(Repository repo, String tag, String under, Map<String, Lines> expectedByFile,
            String report) throws IOException {
        ClocCounter counter = new ClocCounter();
        List<CountedFile> files = new ArrayList<>();
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            for (SourceFile f : tree.filesUnder(under)) {
                byte[] content = tree.read(f);
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
        Map<String, LanguageTotals> expectedTotals = readTotals(report);
        Map<String, LanguageTotals> mineTotals = new TreeMap<>();
        summary.languages().forEach(t -> mineTotals.put(t.language(), t));
        mineTotals.put("SUM", summary.sum());
        for (String lang : new TreeSet<>(union(expectedTotals.keySet(), mineTotals.keySet()))) {
            if (!Objects.equals(expectedTotals.get(lang), mineTotals.get(lang))) {
                differences.add("total " + lang + ": cloc " + expectedTotals.get(lang) + ", counted "
                        + mineTotals.get(lang));
            }
        }
        return new Comparison(summary, files.size(), seen.size(), differences);
    }

    /** The by-file comparison of counted files with a cloc CSV (no totals), as for a tree cloc ran on live. */
    public static List<String> compareFiles(ClocSummary summary, Map<String, Lines> expected) {
        Map<String, Lines> mine = new HashMap<>();
        for (CountedFile f : summary.countedFiles()) {
            FileCount c = f.count();
            mine.put(f.path(), new Lines(c.language(), c.blank(), c.comment(), c.code()));
        }
        List<String> differences = new ArrayList<>();
        for (String path : new TreeSet<>(union(expected.keySet(), mine.keySet()))) {
            if (!Objects.equals(expected.get(path), mine.get(path))) {
                differences.add(path + ": cloc " + expected.get(path) + ", counted " + mine.get(path));
            }
        }
        return differences;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** cloc's CSV rows (language,filename,blank,comment,code), keyed by file name without {@code prefix}. */
    public static Map<String, Lines> readByFileCsv(Path csv, String prefix) throws IOException {
        return readByFileCsv(Files.readString(csv, StandardCharsets.ISO_8859_1), csv.toString(), prefix);
    }

    /** The same from the CSV's text ({@code name} for messages). */
    public static Map<String, Lines> readByFileCsv(String csv, String name, String prefix) {
        Map<String, Lines> byFile = new HashMap<>();
        int n = 0;
        for (String line : csv.split("\r?\n")) {
            n++;
            String[] p = line.split(",");
            if (p.length < 5 || p[0].equals("language") || p[0].equals("SUM")) {
                continue;
            }
            if (!p[1].startsWith(prefix)) {
                throw new IllegalStateException(name + " line " + n + ": " + p[1] + " does not start with " + prefix);
            }
            try {
                byFile.put(p[1].substring(prefix.length()),
                        new Lines(p[0], Long.parseLong(p[2]), Long.parseLong(p[3]), Long.parseLong(p[4])));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(name + " line " + n + ": not language,file,blank,comment,code: " + line,
                        e);
            }
        }
        return byFile;
    }

    /** The language rows and SUM of cloc's text report. */
    public static Map<String, LanguageTotals> readTotals(String report) {
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
