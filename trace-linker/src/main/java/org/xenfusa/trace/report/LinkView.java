package org.xenfusa.trace.report;

import java.util.Objects;
import java.util.Optional;

import org.xenfusa.trace.link.ReviewState;

/**
 * One link of a requirement as every page and document shows it: what it points at, where it was declared, its review
 * state, and whether it counts as coverage (draft links are shown but never count).
 *
 * @param kind       a code link, a coverage tag in the code, or a test link
 * @param anchor     {@code path:function} for code, {@code path:line} for a tag, the test's name for a test
 * @param artifactType the artifact type it covers the requirement with ({@code impl}, {@code utest}, ...)
 * @param state      the review state of a code link; tags and test links are in the repository itself
 * @param declaredAt where the link was declared ({@code links.yaml:12}, {@code (web link):7}, {@code file.c:40})
 * @param counts     whether the trace counted it as coverage
 */
public record LinkView(Kind kind, String anchor, String artifactType, Optional<ReviewState> state, String declaredAt,
        boolean counts) {
    public LinkView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** What a link points at. */
    public enum Kind {
        CODE, TAG, TEST
    }

    /** {@code reviewed}, {@code draft}, or {@code in repository} for tags and test links. */
    public String stateLabel() {
        return state.map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).orElse("in repository");
    }
}
