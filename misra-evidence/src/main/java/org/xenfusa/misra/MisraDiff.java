package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * New and fixed violations between a base snapshot (an earlier release) and a head snapshot, per guideline. Lines move
 * between releases, so a violation is known by its guideline, file and message: a head violation is new when the base
 * has fewer violations with that key, a base violation is fixed when the head has fewer.
 */
public record MisraDiff(String baseCommit, List<GuidelineChange> guidelines, List<MisraFinding> added,
        List<MisraFinding> fixed) {
    public MisraDiff {
        guidelines = List.copyOf(guidelines);
        added = List.copyOf(added);
        fixed = List.copyOf(fixed);
    }

    /** New and fixed violations of one guideline. */
    public record GuidelineChange(GuidelineId id, int added, int fixed) {
    }

    private record Key(GuidelineId guideline, String file, String message) {
        static Key of(MisraFinding f) {
            return new Key(f.guideline(), f.file(), f.message().strip());
        }
    }

    /** The violations of {@code head} not in {@code base}, and those of {@code base} gone from {@code head}. */
    public static MisraDiff between(String baseCommit, List<MisraFinding> base, List<MisraFinding> head) {
        List<MisraFinding> added = surplus(head, base);
        List<MisraFinding> fixed = surplus(base, head);
        Map<GuidelineId, int[]> per = new TreeMap<>();
        added.forEach(f -> per.computeIfAbsent(f.guideline(), k -> new int[2])[0]++);
        fixed.forEach(f -> per.computeIfAbsent(f.guideline(), k -> new int[2])[1]++);
        List<GuidelineChange> rows = new ArrayList<>();
        per.forEach((g, n) -> rows.add(new GuidelineChange(g, n[0], n[1])));
        return new MisraDiff(baseCommit, rows, added, fixed);
    }

    /** The findings of {@code of} beyond the count {@code than} has of their key (the later ones in line order). */
    private static List<MisraFinding> surplus(List<MisraFinding> of, List<MisraFinding> than) {
        Map<Key, Integer> budget = new HashMap<>();
        than.forEach(f -> budget.merge(Key.of(f), 1, Integer::sum));
        List<MisraFinding> out = new ArrayList<>();
        for (MisraFinding f : of) {
            Key k = Key.of(f);
            int left = budget.getOrDefault(k, 0);
            if (left > 0) {
                budget.put(k, left - 1);
            } else {
                out.add(f);
            }
        }
        return out;
    }

    public int addedOf(GuidelineId id) {
        return guidelines.stream().filter(g -> g.id().equals(id)).mapToInt(GuidelineChange::added).sum();
    }
}
