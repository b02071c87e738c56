package org.xenfusa.trace.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.trace.link.CodeLink;
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
 * @param reviewer   who reviewed a code link (never its author)
 * @param reviewedAt when it was reviewed
 * @param reviewComment what the reviewer wrote
 */
public record LinkView(Kind kind, String anchor, String artifactType, Optional<ReviewState> state, String declaredAt,
        boolean counts, Optional<String> reviewer, Optional<Instant> reviewedAt, Optional<String> reviewComment) {
    /** A link with no review record (a tag, a test link, or a code link not reviewed). */
    public LinkView(Kind kind, String anchor, String artifactType, Optional<ReviewState> state, String declaredAt,
            boolean counts) {
        this(kind, anchor, artifactType, state, declaredAt, counts, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public LinkView {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(declaredAt, "declaredAt");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(reviewComment, "reviewComment");
    }

    /** The view of a code link, with its review record. */
    static LinkView code(CodeLink l, boolean counts) {
        return new LinkView(Kind.CODE, l.path() + ":" + l.function(), l.artifactType(), Optional.of(l.state()),
                l.declaredAt().toString(), counts, l.reviewer(), l.reviewedAt(), l.reviewComment());
    }

    /** The same link, counted or not. */
    LinkView counting(boolean c) {
        return new LinkView(kind, anchor, artifactType, state, declaredAt, c, reviewer, reviewedAt, reviewComment);
    }

    /**
     * The review record as documents print it: {@code reviewed by bob at 2026-01-31T12:00:00Z: "comment"}, empty when
     * there is none.
     */
    public String reviewLabel() {
        if (reviewer.isEmpty()) {
            return "";
        }
        return "reviewed by " + reviewer.get() + reviewedAt.map(t -> " at " + t).orElse("")
                + reviewComment.map(c -> ": \"" + c + "\"").orElse("");
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
