package org.xenfusa.sloc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;


/**
 * SLOC of a set of files as cloc reports it: per language and SUM (cloc's table), plus per
 * directory, with files that cloc ignores left out and counted, and files of byte-identical
 * content counted once (cloc's rule, which file it keeps included).
 *
 * @param commit the commit the files were read at, if any
 * @param path the folder looked at ("" for the whole tree)
 * @param languages rows sorted as cloc sorts them (code lines, descending)
 * @param sum the SUM row
 * @param directories rows per directory (see {@link DirectoryGrouping}), by name
 * @param files every file cloc counts (duplicates removed), with its counts
 * @param ignored files cloc ignores, with the reason
 * @param duplicates files left out because another file has the same content
 */
public record SlocReport(Optional<String> commit, String path, List<SlocRow> languages, SlocRow sum,
        List<SlocRow> directories, List<CountedFile> files, List<CountedFile> ignored, List<CountedFile> duplicates) {

    public static SlocReport of(Optional<String> commit, String prefix, List<CountedFile> all) {
        List<CountedFile> ignored = all.stream().filter(f -> !f.count().isCounted()).toList();
        List<CountedFile> counted = all.stream().filter(f -> f.count().isCounted()).toList();
        DuplicateContent.Split split = DuplicateContent.split(counted);
        Map<String, SlocRow> byLanguage = new LinkedHashMap<>();
        Map<String, SlocRow> byDirectory = new TreeMap<>();
        SlocRow sum = SlocRow.empty("SUM");
        for (CountedFile f : split.unique()) {
            byLanguage.merge(f.count().language(), SlocRow.empty(f.count().language()).plus(f), (a, b) -> a.plus(f));
            String dir = DirectoryGrouping.directoryOf(f.path(), prefix);
            byDirectory.merge(dir, SlocRow.empty(dir).plus(f), (a, b) -> a.plus(f));
            sum = sum.plus(f);
        }
        List<SlocRow> languages = new ArrayList<>(byLanguage.values());
        // cloc's report order: code lines descending, then name
        languages.sort(Comparator.comparingLong(SlocRow::code).reversed().thenComparing(SlocRow::name));
        return new SlocReport(commit, prefix, List.copyOf(languages), sum, List.copyOf(byDirectory.values()),
                split.unique(), ignored, split.duplicates());
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
        header.put("n_files", sum.files());
        header.put("n_lines", sum.blank() + sum.comment() + sum.code());
        header.put("ignored_files", ignored.size());
        header.put("duplicate_files", duplicates.size());
        json.put("header", header);
        for (SlocRow row : languages) {
            json.put(row.name(), clocRow(row));
        }
        json.put("SUM", clocRow(sum));
        return json;
    }

    private static Map<String, Object> clocRow(SlocRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nFiles", row.files());
        m.put("blank", row.blank());
        m.put("comment", row.comment());
        m.put("code", row.code());
        return m;
    }
}
