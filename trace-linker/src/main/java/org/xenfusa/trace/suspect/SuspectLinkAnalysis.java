package org.xenfusa.trace.suspect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.TextLines;

/**
 * Finds the links that became suspect between two snapshots: the function they name changed
 * (content hash) or vanished, it no longer matches the hash the link was reviewed against, or
 * the requirement got a new revision or vanished. Requirements are matched by type and name.
 */
// [impl->dsn~suspect-links~1]
public final class SuspectLinkAnalysis {
    private SuspectLinkAnalysis() {
    }

    /** One snapshot: its functions and its specification items. */
    public record Snapshot(FunctionIndex functions, List<SpecificationItem> items) {
    }

    public static List<SuspectLink> compare(List<CodeLink> links, Snapshot before, Snapshot after) {
        Map<String, Integer> revBefore = revisions(before.items());
        Map<String, Integer> revAfter = revisions(after.items());
        List<SuspectLink> suspects = new ArrayList<>();
        for (CodeLink l : links) {
            Optional<SourceFunction> fb = pick(before.functions(), l);
            Optional<SourceFunction> fa = pick(after.functions(), l);
            List<SuspectReason> reasons = new ArrayList<>();
            if (fa.isEmpty()) {
                if (fb.isPresent()) {
                    reasons.add(SuspectReason.FUNCTION_REMOVED);
                }
            } else {
                if (fb.isPresent() && !fb.get().contentHash().equals(fa.get().contentHash())) {
                    reasons.add(SuspectReason.FUNCTION_CHANGED);
                }
                if (l.reviewedHash().isPresent() && !l.reviewedHash().get().equals(fa.get().contentHash())) {
                    reasons.add(SuspectReason.FUNCTION_CHANGED_SINCE_REVIEW);
                }
            }
            String req = l.requirement().type() + "~" + l.requirement().name();
            Integer rb = revBefore.get(req);
            Integer ra = revAfter.get(req);
            if (rb != null && ra == null) {
                reasons.add(SuspectReason.REQUIREMENT_REMOVED);
            } else if (ra != null && ra != l.requirement().revision()) {
                reasons.add(SuspectReason.REQUIREMENT_REVISED);
            }
            if (!reasons.isEmpty()) {
                suspects.add(new SuspectLink(l, reasons, fb, fa, fb.map(f -> text(before.functions(), f)),
                        fa.map(f -> text(after.functions(), f)), Optional.ofNullable(rb), Optional.ofNullable(ra)));
            }
        }
        return suspects;
    }

    private static Optional<SourceFunction> pick(FunctionIndex index, CodeLink l) {
        List<SourceFunction> found = index.find(l.path(), l.function());
        // a line range chooses among same-named functions; if it no longer overlaps, the first still counts
        return found.stream().filter(f -> l.lines().map(r -> f.overlaps(r.from(), r.to())).orElse(true)).findFirst()
                .or(() -> found.stream().findFirst());
    }

    /** Highest revision per type~name (a duplicate at another revision does not hide a new one). */
    private static Map<String, Integer> revisions(List<SpecificationItem> items) {
        Map<String, Integer> m = new HashMap<>();
        for (SpecificationItem i : items) {
            m.merge(i.id().type() + "~" + i.id().name(), i.id().revision(), Math::max);
        }
        return m;
    }

    private static String text(FunctionIndex index, SourceFunction f) {
        try {
            byte[] content = index.tree().read(index.tree().file(f.path()).orElseThrow());
            List<String> lines = TextLines.of(content);
            return String.join("\n", lines.subList(f.startLine() - 1, Math.min(f.endLine(), lines.size()))) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f.path(), e);
        }
    }
}
