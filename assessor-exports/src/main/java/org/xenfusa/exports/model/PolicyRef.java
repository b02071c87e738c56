package org.xenfusa.exports.model;

import org.xenfusa.trace.policy.TracePolicy;

/**
 * The trace policy the verdicts of the evidence follow: its name and version, the SHA-256 of its text, and the text
 * itself (carried in the evidence package as a file).
 */
public record PolicyRef(String name, String version, String sha256, String text) {
    public PolicyRef {
        name = Copies.required(name, "policy name");
        version = Copies.text(version);
        sha256 = Copies.required(sha256, "policy SHA-256");
        text = Copies.text(text);
    }

    public static PolicyRef of(TracePolicy policy) {
        return new PolicyRef(policy.name(), policy.version(), policy.sha256(), policy.text());
    }

    /** Evidence written before trace policies existed followed OpenFastTrace's rules: the shipped {@code oft}. */
    public static PolicyRef oft() {
        return of(TracePolicy.oft());
    }

    /** How documents name it: {@code xen 1, SHA-256 0123...}. */
    public String label() {
        return name + " " + version + ", SHA-256 " + sha256;
    }
}
