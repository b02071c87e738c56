package org.xenfusa.exports.model;

import java.util.List;
import java.util.Objects;

/**
 * The MISRA C evidence of one configuration as the documents show it: misra-evidence's {@code MisraReport} rendered
 * as rows by the {@code EvidenceAssembler} (figures and checks are the report's, never recomputed here).
 *
 * @param newCleanViolations    new violations of guidelines tagged clean (against the baseline, if one was given)
 * @param maxAcceptedViolations the violations of the most violated accepted guideline
 * @param danglingSafIds        SAF comments whose id no record has
 */
public record MisraFigures(String configuration, String commit, int violations, int justified, int outside,
        int newCleanViolations, int maxAcceptedViolations, int danglingSafIds, Records records,
        List<Guideline> guidelines, List<Check> checks, List<FindingsFile> findingsFiles, List<String> problems) {
    public MisraFigures {
        configuration = Copies.required(configuration, "MISRA configuration");
        commit = Copies.text(commit);
        Objects.requireNonNull(records, "MISRA records");
        guidelines = Copies.list(guidelines);
        checks = Copies.list(checks);
        findingsFiles = Copies.list(findingsFiles);
        problems = Copies.list(problems);
    }

    /** Counts of Xen's own records. */
    public record Records(int guidelines, int deviations, int safIds, int safComments, int clean, int monitored,
            int excludes) {
    }

    /** One guideline: {@code id} as Xen writes it ({@code Rule 15.6}); {@code share} of all violations, 0 to 1. */
    public record Guideline(String id, boolean accepted, String category, boolean clean, int violations,
            int justified, int outside, double share) {
    }

    /** One readiness check of the report. */
    public record Check(String name, boolean passed, String detail) {
    }

    /** An analyser report the findings came from, with the SHA-256 of its bytes. */
    public record FindingsFile(String name, String format, String sha256, int findings, String toolVersion) {
    }
}
