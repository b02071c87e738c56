package org.xenfusa.web.trace;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.xenfusa.model.trace.LinkKind;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.TraceLink;

/** A stored link as pages show it, outside the JPA session. */
public record WebLink(long id, String requirement, LinkKind kind, String file, String function, Optional<String> lines,
        String test, String artifactType, Optional<String> reviewedHash, LinkState state, String author,
        Optional<String> reviewer, Instant updatedAt, Instant createdAt, Optional<Instant> reviewedAt,
        Optional<String> reviewComment) {
    static WebLink of(TraceLink l) {
        return new WebLink(l.getId(), l.getRequirement(), l.getKind(), l.getFilePath(), l.getFunctionName(),
                l.getLines().map(r -> r[0] + "-" + r[1]), l.getTestName(), l.getArtifactType(), l.getReviewedHash(),
                l.getState(), l.getAuthor(), l.getReviewer(), l.getUpdatedAt(), l.getCreatedAt(), l.getReviewedAt(),
                l.getReviewComment());
    }



    /** When it was made, to the second, UTC. */
    public String createdText() {
        return createdAt.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** When it was reviewed, to the second, UTC; empty when not reviewed or reviewed before times were kept. */
    public String reviewedText() {
        return reviewedAt.map(t -> t.truncatedTo(ChronoUnit.SECONDS).toString()).orElse("");
    }

    public boolean isCode() {
        return kind == LinkKind.CODE;
    }

    /** What it points at, as one line. */
    public String anchor() {
        return isCode() ? file + " : " + function + lines.map(l -> " (lines " + l + ")").orElse("") : file + " # " + test;
    }
}
