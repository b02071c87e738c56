package org.xenfusa.exports.qualification;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.reference.ReferenceCase;

/**
 * What {@code fusa qualify} found: the tool and its commit, the environment, the Xen clone and the commit of each tag
 * with reference data, the claim, and every case (passed, failed or not run).
 */
public record QualificationReport(String tool, String toolCommit, Instant generatedAt, Environment environment,
        Optional<String> xenClone, Map<String, String> xenCommits, Claim claim, List<ReferenceCase> cases) {

    /** Where the comparisons ran. */
    public record Environment(String java, String os, String cloc) {
    }

    /** The qualification argument the report makes, and its limits. */
    public record Claim(String iso26262, String do330, List<String> useCases, List<String> supportedReleases,
            List<String> architectures, List<String> toolchainProfiles, List<String> restrictions) {
    }

    public QualificationReport {
        // by tag, in every JVM (Map.copyOf's order changes from one JVM to the next)
        xenCommits.forEach((tag, commit) -> java.util.Objects.requireNonNull(commit, "the commit of " + tag));
        xenCommits = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(xenCommits));
        cases = List.copyOf(cases);
    }

    public long count(ReferenceCase.Outcome outcome) {
        return cases.stream().filter(c -> c.outcome() == outcome).count();
    }

    /** No case failed (cases not run are stated, and do not fail the run). */
    public boolean passed() {
        return count(ReferenceCase.Outcome.FAIL) == 0;
    }

    public List<ReferenceCase> failed() {
        return cases.stream().filter(c -> c.outcome() == ReferenceCase.Outcome.FAIL).toList();
    }
}
