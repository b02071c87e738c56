package org.xenfusa.sloc.count;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * cloc's report over a set of files: totals per language and SUM after cloc's duplicate rule
 * (byte-identical files are counted once), plus what cloc ignored.
 *
 * <p>The duplicate rule, as cloc 1.96 applies it: only files with a language take part; files of
 * equal size and MD5 form a group; the group is sorted by path and the <em>last</em> path is kept
 * (cloc keeps the last one whose language is known, and all of them are known by then), so the
 * language reported is that file's, even when identical copies have other extensions.
 *
 * @param languages    per-language totals, ordered as cloc prints them (code descending, then name)
 * @param sum          the SUM row
 * @param countedFiles the files counted (one per identical-content group), sorted by path
 * @param duplicates   each dropped duplicate with the path cloc kept instead, sorted by path
 * @param ignoredFiles what cloc prints as "N files ignored": files it lists with a reason, the
 *                     duplicates, and each folder it refused to enter
 */
// [impl->dsn~cloc-summary~1]
public record ClocSummary(List<LanguageTotals> languages, LanguageTotals sum, List<CountedFile> countedFiles,
                          List<Duplicate> duplicates, int ignoredFiles) {

    /** A file dropped by the duplicate rule, and the identical file counted instead. */
    public record Duplicate(String path, String keptPath) {
    }

    public ClocSummary {
        languages = List.copyOf(languages);
        countedFiles = List.copyOf(countedFiles);
        duplicates = List.copyOf(duplicates);
    }

    public int duplicatesRemoved() {
        return duplicates.size();
    }

    /** Perl's string sort on byte strings: UTF-8 byte order, which is code point order. */
    static final Comparator<String> PERL_ORDER = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };

    public static ClocSummary of(Collection<CountedFile> files) {
        Map<String, List<CountedFile>> byContent = new HashMap<>();
        int listedIgnored = 0;
        Set<String> excludedFolders = new TreeSet<>();
        for (CountedFile f : files) {
            FileCount c = f.count();
            if (c.isCounted()) {
                byContent.computeIfAbsent(f.size() + ":" + f.contentId(), k -> new ArrayList<>()).add(f);
            } else if (ClocCounter.isListedAsIgnored(c)) {
                listedIgnored++;
            } else if (c.ignoredReason().startsWith(ClocCounter.IN_EXCLUDED_FOLDER)) {
                excludedFolders.add(excludedFolder(f.path()));
            }
        }
        List<CountedFile> counted = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        for (List<CountedFile> group : byContent.values()) {
            group.sort(Comparator.comparing(CountedFile::path, PERL_ORDER));
            CountedFile kept = group.get(group.size() - 1);
            counted.add(kept);
            for (int i = 0; i < group.size() - 1; i++) {
                duplicates.add(new Duplicate(group.get(i).path(), kept.path()));
            }
        }
        counted.sort(Comparator.comparing(CountedFile::path, PERL_ORDER));
        duplicates.sort(Comparator.comparing(Duplicate::path, PERL_ORDER));

        Map<String, LanguageTotals> byLanguage = new LinkedHashMap<>();
        LanguageTotals sum = new LanguageTotals("SUM", 0, 0, 0, 0);
        for (CountedFile f : counted) {
            FileCount c = f.count();
            byLanguage.merge(c.language(), new LanguageTotals(c.language(), 0, 0, 0, 0).plus(c),
                    (a, b) -> a.plus(c));
            sum = sum.plus(c);
        }
        List<LanguageTotals> languages = new ArrayList<>(byLanguage.values());
        languages.sort(Comparator.comparingLong(LanguageTotals::code).reversed()
                .thenComparing(LanguageTotals::language, PERL_ORDER));
        return new ClocSummary(languages, sum, counted, duplicates,
                listedIgnored + duplicates.size() + excludedFolders.size());
    }

    private static String excludedFolder(String path) {
        String[] parts = path.split("/");
        StringBuilder folder = new StringBuilder();
        for (String part : parts) {
            if (folder.length() > 0) {
                folder.append('/');
            }
            folder.append(part);
            if (ClocCounter.EXCLUDED_NAMES.contains(part)) {
                break;
            }
        }
        return folder.toString();
    }
}
