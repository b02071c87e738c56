package org.xenfusa.sloc.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cloc's rule for files of byte-identical content: each content is counted once. Of a group of
 * identical files cloc sorts the paths (byte order) and keeps the last one whose language it
 * knows; since every file reaching this rule has a language, that is the last path in order.
 * The file kept matters: identical content under {@code .c} and {@code .h} names is counted
 * under the language of the kept name.
 */
public final class DuplicateContent {
    private DuplicateContent() {
    }

    /** The files counted and the files left out as duplicates. */
    public record Split(List<CountedFile> unique, List<CountedFile> duplicates) {
    }

    /** Splits counted files (none ignored) into those cloc keeps and the duplicates it drops. */
    public static Split split(List<CountedFile> counted) {
        Map<String, List<CountedFile>> byContent = new LinkedHashMap<>();
        for (CountedFile f : counted) {
            byContent.computeIfAbsent(f.blobId(), k -> new ArrayList<>(1)).add(f);
        }
        List<CountedFile> unique = new ArrayList<>(byContent.size());
        List<CountedFile> duplicates = new ArrayList<>();
        for (List<CountedFile> group : byContent.values()) {
            if (group.size() == 1) {
                unique.add(group.get(0));
                continue;
            }
            group.sort(Comparator.comparing(CountedFile::path));
            unique.add(group.get(group.size() - 1));
            duplicates.addAll(group.subList(0, group.size() - 1));
        }
        unique.sort(Comparator.comparing(CountedFile::path));
        duplicates.sort(Comparator.comparing(CountedFile::path));
        return new Split(List.copyOf(unique), List.copyOf(duplicates));
    }
}
