package org.xenfusa.exports.model;

/** A link whose target changed after the link was last reviewed, so that its claim needs a new look. */
public record SuspectLink(String from, String to, String reason) {
    public SuspectLink {
        from = Copies.required(from, "suspect link source");
        to = Copies.required(to, "suspect link target");
        reason = Copies.text(reason);
    }
}
