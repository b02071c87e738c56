package org.xenfusa.sloc.reference;

import java.util.List;

/**
 * One reference comparison and its result: what it compares for which use case, the reference's figure and the
 * platform's, every difference found (empty when it passes) and the known deviations it accounts for, each with its
 * analysis (listed, never hidden).
 */
public record ReferenceCase(String id, String useCase, String compared, String expected, String obtained,
        Outcome outcome, List<String> differences, List<KnownDeviation> deviations) {

    /** Passed, failed, or not run (with the reason in {@link #obtained}). */
    public enum Outcome {
        PASS, FAIL, NOT_RUN
    }

    /** A difference from the reference tool with a stated cause, or a figure the platform takes from outside. */
    public record KnownDeviation(String subject, String analysis) {
    }

    public ReferenceCase {
        differences = List.copyOf(differences);
        deviations = List.copyOf(deviations);
    }

    /** Passes when nothing differs, fails otherwise. */
    public static ReferenceCase of(String id, String useCase, String compared, String expected, String obtained,
            List<String> differences, List<KnownDeviation> deviations) {
        return new ReferenceCase(id, useCase, compared, expected, obtained,
                differences.isEmpty() ? Outcome.PASS : Outcome.FAIL, differences, deviations);
    }

    public static ReferenceCase notRun(String id, String useCase, String compared, String reason) {
        return new ReferenceCase(id, useCase, compared, "", "not run: " + reason, Outcome.NOT_RUN, List.of(), List.of());
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** One line for a console: outcome, id, figures, the first differences. */
    public String summary() {
        return outcome + " " + id + ": expected " + expected + ", obtained " + obtained
                + (differences.isEmpty() ? "" : "; " + differences.size() + " differences, first: "
                        + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
    }
}
