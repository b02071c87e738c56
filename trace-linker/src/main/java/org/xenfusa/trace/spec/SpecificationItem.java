package org.xenfusa.trace.spec;

import java.util.List;
import java.util.Objects;

/**
 * One OpenFastTrace specification item as imported: a requirement from a markup file, or the
 * item a coverage tag or a link stands for. Immutable.
 *
 * @param covers   ids this item covers ({@code Covers:} or the tag's target)
 * @param depends  ids this item depends on ({@code Depends:})
 * @param needs    artifact types that must cover this item ({@code Needs:})
 * @param forwards true for a forwarding item ({@code dsn --> impl : req~x~1})
 */
public record SpecificationItem(SpecificationItemId id, String title, String description, String rationale,
        String comment, Location location, ItemStatus status, List<SpecificationItemId> covers,
        List<SpecificationItemId> depends, List<String> needs, List<String> tags, boolean forwards) {
    public SpecificationItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(status, "status");
        covers = List.copyOf(covers);
        depends = List.copyOf(depends);
        needs = List.copyOf(needs);
        tags = List.copyOf(tags);
    }

    /** An item that only covers others: what a coverage tag or a link stands for. */
    public static SpecificationItem coverage(SpecificationItemId id, Location location, List<SpecificationItemId> covers,
            List<String> needs) {
        return new SpecificationItem(id, "", "", "", "", location, ItemStatus.APPROVED, covers, List.of(), needs,
                List.of(), false);
    }

    public String type() {
        return id.type();
    }
}
