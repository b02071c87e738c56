package org.xenfusa.sloc.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.xenfusa.sloc.count.ClocSummary;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.count.LanguageTotals;

/**
 * SLOC of a set of files as cloc reports it (per language and SUM, duplicates by content counted
 * once, see {@link ClocSummary}), plus the same figures per directory.
 *
 * @param commit the commit the files were read at, if any
 * @param path the folder looked at ("" for the whole tree)
 * @param cloc cloc's figures
 * @param directories rows per directory (see {@link DirectoryGrouping}), by name, over the files cloc counts
 * @param notCounted files cloc does not count (binary, unknown language, ...), with the reason
 */
public record SlocReport(Optional<String> commit, String path, ClocSummary cloc, List<SlocRow> directories,
        List<CountedFile> notCounted) {

    public static SlocReport of(Optional<String> commit, String prefix, List<CountedFile> all) {
        ClocSummary cloc = ClocSummary.of(all);
        Map<String, SlocRow> byDirectory = new TreeMap<>();
        for (CountedFile f : cloc.countedFiles()) {
            String dir = DirectoryGrouping.directoryOf(f.path(), prefix);
            byDirectory.merge(dir, SlocRow.empty(dir).plus(f), (a, b) -> a.plus(f));
        }
        List<CountedFile> notCounted = all.stream().filter(f -> !f.count().isCounted()).toList();
        return new SlocReport(commit, prefix, cloc, List.copyOf(byDirectory.values()), notCounted);
    }

    public List<LanguageTotals> languages() {
        return cloc.languages();
    }

    public LanguageTotals sum() {
        return cloc.sum();
    }

    /**
     * The report shaped like {@code cloc --json}: a {@code header}, one object per language with
     * {@code nFiles}, {@code blank}, {@code comment}, {@code code}, and {@code SUM}; plus
     * {@code commit} and {@code path}. Plain maps, so that any JSON writer can print it.
     */
    public Map<String, Object> toClocJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("commit", commit.orElse(""));
        json.put("path", path);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("n_files", cloc.sum().files());
        header.put("n_lines", cloc.sum().lines());
        header.put("ignored_files", cloc.ignoredFiles());
        header.put("duplicate_files", cloc.duplicatesRemoved());
        json.put("header", header);
        for (LanguageTotals row : cloc.languages()) {
            json.put(row.language(), clocRow(row));
        }
        json.put("SUM", clocRow(cloc.sum()));
        return json;
    }

    private static Map<String, Object> clocRow(LanguageTotals row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nFiles", row.files());
        m.put("blank", row.blank());
        m.put("comment", row.comment());
        m.put("code", row.code());
        return m;
    }

    /** A path prefix as the reports use it: forward slashes, relative, ending with a slash; empty for the whole tree. */
    public static String normalisePrefix(String p) {
        if (p == null) {
            return "";
        }
        String s = p.strip().replace('\\', '/');
        while (s.startsWith("/") || s.startsWith("./")) {
            s = s.startsWith("/") ? s.substring(1) : s.substring(2);
        }
        if (!s.isEmpty() && !s.endsWith("/")) {
            s = s + "/";
        }
        return s;
    }
}
