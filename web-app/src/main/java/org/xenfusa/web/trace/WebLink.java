package org.xenfusa.web.trace;

import java.time.Instant;
import java.util.Optional;

import org.xenfusa.model.trace.LinkKind;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.TraceLink;

/** A stored link as pages show it, outside the JPA session. */
public record WebLink(long id, String requirement, LinkKind kind, String file, String function, Optional<String> lines,
        String test, String artifactType, Optional<String> reviewedHash, LinkState state, String author,
        Optional<String> reviewer, Instant updatedAt) {
    static WebLink of(TraceLink l) {
        return new WebLink(l.getId(), l.getRequirement(), l.getKind(), l.getFilePath(), l.getFunctionName(),
                l.getLines().map(r -> r[0] + "-" + r[1]), l.getTestName(), l.getArtifactType(), l.getReviewedHash(),
                l.getState(), l.getAuthor(), l.getReviewer(), l.getUpdatedAt());
    }

    public boolean isCode() {
        return kind == LinkKind.CODE;
    }

    /** What it points at, as one line. */
    public String anchor() {
        return isCode() ? file + " : " + function + lines.map(l -> " (lines " + l + ")").orElse("") : file + " # " + test;
    }
}
