package org.xenfusa.trace.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An item's rationale as people read it: Xen's requirements write {@code Comments:} where
 * OpenFastTrace's keyword is {@code Comment:}, so OpenFastTrace (and the importer, which must
 * agree with it) keeps that text in the rationale. This view splits it again at a line that starts
 * with {@code Comments:}, for display only: the item's own fields stay as OpenFastTrace reads them.
 */
public record RationaleAndComments(String rationale, String comments) {
    private static final String KEYWORD = "Comments:";

    public RationaleAndComments {
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(comments, "comments");
    }

    /** Splits an imported rationale at its first line starting with {@code Comments:}. */
    public static RationaleAndComments of(String importedRationale) {
        List<String> before = new ArrayList<>();
        List<String> after = null;
        for (String line : importedRationale.split("\n", -1)) {
            if (after == null && line.strip().startsWith(KEYWORD)) {
                after = new ArrayList<>();
                String rest = line.strip().substring(KEYWORD.length()).strip();
                if (!rest.isEmpty()) {
                    after.add(rest);
                }
            } else if (after == null) {
                before.add(line);
            } else {
                after.add(line);
            }
        }
        return new RationaleAndComments(String.join("\n", before).strip(),
                after == null ? "" : String.join("\n", after).strip());
    }

    /** The view of an item's rationale. */
    public static RationaleAndComments of(SpecificationItem item) {
        return of(item.rationale());
    }
}
