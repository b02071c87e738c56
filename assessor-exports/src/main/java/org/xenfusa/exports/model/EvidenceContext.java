package org.xenfusa.exports.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts every document states once on its first page: what was analysed, by which tool version, with which
 * effort model, under which trace policy, and the one time documents carry (so that building twice gives identical bytes).
 */
public record EvidenceContext(String repository, String ref, String commit, String toolVersion,
        Instant generatedAt, String effortModel, String dashboardUrl, Optional<String> commitUrl,
        PolicyRef tracePolicy) {
    public EvidenceContext {
        repository = Copies.required(repository, "repository");
        ref = Copies.required(ref, "ref");
        commit = Copies.required(commit, "commit");
        toolVersion = Copies.required(toolVersion, "tool version");
        Objects.requireNonNull(generatedAt, "generatedAt");
        effortModel = Copies.text(effortModel);
        dashboardUrl = Copies.text(dashboardUrl);
        commitUrl = Copies.optional(commitUrl);
        // evidence JSON written before trace policies existed names none: its verdicts were OpenFastTrace's
        tracePolicy = tracePolicy == null ? PolicyRef.oft() : tracePolicy;
    }

    /** The dashboard URL for a path below it, or empty when no dashboard was given. */
    public Optional<String> dashboard(String pathAndQuery) {
        if (dashboardUrl.isBlank()) {
            return Optional.empty();
        }
        String base = dashboardUrl.endsWith("/") ? dashboardUrl.substring(0, dashboardUrl.length() - 1) : dashboardUrl;
        return Optional.of(base + pathAndQuery);
    }
}
