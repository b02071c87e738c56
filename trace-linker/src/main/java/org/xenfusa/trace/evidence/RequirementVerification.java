package org.xenfusa.trace.evidence;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * The verification of one requirement: its state and, per linked test, the results found
 * with the result file and its SHA-256, so the verdict can be traced back to the evidence.
 */
public record RequirementVerification(SpecificationItemId requirement, VerificationState state,
        List<Evidence> evidence) {
    public RequirementVerification {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(state, "state");
        evidence = List.copyOf(evidence);
    }

    /** One linked test and what the results say of it (no results: it was not run). */
    public record Evidence(TestLink test, List<Found> results) {
        public Evidence {
            results = List.copyOf(results);
        }
    }

    /** A matching test case and the file it came from. */
    public record Found(TestCaseResult result, String resultFile, String sha256) {
    }
}
