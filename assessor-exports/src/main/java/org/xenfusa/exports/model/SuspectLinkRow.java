package org.xenfusa.exports.model;

/**
 * One suspect link as documents list it (a link whose target changed after it was last reviewed, so that its claim
 * needs a new look): the library's {@link org.xenfusa.trace.suspect.SuspectLink} reduced to its two ends and reasons.
 */
public record SuspectLinkRow(String from, String to, String reason) {
    public SuspectLinkRow {
        from = Copies.required(from, "suspect link source");
        to = Copies.required(to, "suspect link target");
        reason = Copies.text(reason);
    }
}
