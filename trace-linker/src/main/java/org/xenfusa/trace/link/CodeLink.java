package org.xenfusa.trace.link;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * "This function implements that requirement", from a link file.
 *
 * @param artifactType  the type of the coverage item the link stands for (default {@code impl})
 * @param lines         optional first/last line, to pick one of several same-named functions
 * @param reviewedHash  the function's content hash when the link was reviewed
 * @param reviewer      who reviewed it (never its author)
 * @param reviewedAt    when it was reviewed
 * @param reviewComment what the reviewer wrote when approving it
 * @param declaredAt    the link file and line of the entry
 */
public record CodeLink(SpecificationItemId requirement, String path, String function, Optional<LineRange> lines,
        String artifactType, Optional<String> reviewedHash, ReviewState state, Optional<String> author,
        Optional<String> reviewer, Optional<Instant> reviewedAt, Optional<String> reviewComment, Location declaredAt) {
    /** A link with no review time or comment (a draft, or a link file written before they were recorded). */
    public CodeLink(SpecificationItemId requirement, String path, String function, Optional<LineRange> lines,
            String artifactType, Optional<String> reviewedHash, ReviewState state, Optional<String> author,
            Optional<String> reviewer, Location declaredAt) {
        this(requirement, path, function, lines, artifactType, reviewedHash, state, author, reviewer, Optional.empty(),
                Optional.empty(), declaredAt);
    }

    public CodeLink {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(artifactType, "artifactType");
        Objects.requireNonNull(reviewedHash, "reviewedHash");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(reviewedAt, "reviewedAt");
        Objects.requireNonNull(reviewComment, "reviewComment");
        Objects.requireNonNull(declaredAt, "declaredAt");
    }

    /** Inclusive 1-based line range. */
    public record LineRange(int from, int to) {
        public LineRange {
            if (from < 1 || to < from) {
                throw new IllegalArgumentException("bad line range " + from + "-" + to);
            }
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }
}
