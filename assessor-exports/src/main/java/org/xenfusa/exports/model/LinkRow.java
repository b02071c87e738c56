package org.xenfusa.exports.model;

/**
 * One link of a requirement as documents list it: what it points at, its review state, where it was declared and
 * whether the trace counted it (a draft link is listed but never counts).
 *
 * @param kind  {@code CODE}, {@code TAG} or {@code TEST}
 * @param state {@code reviewed}, {@code draft}, or {@code in repository} for tags and test links
 * @param review the review record ({@code reviewed by bob at 2026-01-31T12:00:00Z: "comment"}), empty when none
 */
public record LinkRow(String kind, String anchor, String artifactType, String state, String declaredAt,
        boolean counts, String review) {
    /** A link with no review record. */
    public LinkRow(String kind, String anchor, String artifactType, String state, String declaredAt, boolean counts) {
        this(kind, anchor, artifactType, state, declaredAt, counts, "");
    }

    public LinkRow {
        kind = Copies.required(kind, "link kind");
        anchor = Copies.required(anchor, "link anchor");
        artifactType = Copies.text(artifactType);
        state = Copies.text(state);
        declaredAt = Copies.text(declaredAt);
        review = Copies.text(review);
    }
}
