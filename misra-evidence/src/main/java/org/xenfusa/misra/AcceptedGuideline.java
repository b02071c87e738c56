package org.xenfusa.misra;

import java.util.Objects;

/**
 * A guideline {@code docs/misra/rules.rst} accepts for Xen: its category ({@code Required}, {@code Advisory},
 * {@code Mandatory}), summary and Xen's notes, and the line of its row.
 */
public record AcceptedGuideline(GuidelineId id, String category, String summary, String notes, int line) {
    public AcceptedGuideline {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(notes, "notes");
    }
}
