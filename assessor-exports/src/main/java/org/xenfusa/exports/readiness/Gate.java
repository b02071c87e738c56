package org.xenfusa.exports.readiness;

import java.util.Arrays;
import java.util.Optional;

import org.xenfusa.coverage.Criterion;

/** The release-readiness gates a gate file may set, each with its key and how its threshold compares. */
public enum Gate {
    DESIGN_COVERED_BY_CODE("design-covered-by-code-min-percent", Bound.MIN_PERCENT,
            "Design requirements (dsn) covered by code"),
    VERIFIED_BY_PASSED_TESTS("verified-by-passed-tests-min-percent", Bound.MIN_PERCENT,
            "Requirements verified by passed tests"),
    SUSPECT_LINKS("suspect-links-max", Bound.MAX_COUNT, "Suspect links"),
    TRACE_DEFECTS("trace-defects-max", Bound.MAX_COUNT, "Trace defects"),
    UNCOVERED_REQUIREMENTS("uncovered-requirements-max", Bound.MAX_COUNT,
            "Requirements uncovered (what fusa trace fails on)"),
    UNTRACED_SLOC("untraced-sloc-max", Bound.MAX_COUNT, "Untraced code lines"),
    SLOC_GROWTH("sloc-growth-max-percent", Bound.MAX_PERCENT, "make-cloc code growth against the previous release"),
    FIGURE_WARNINGS("figure-warnings-max", Bound.MAX_COUNT, "Figures with warnings"),
    MISRA_NEW_CLEAN_VIOLATIONS("misra-new-clean-violations-max", Bound.MAX_COUNT,
            "New violations of MISRA C guidelines tagged clean"),
    MISRA_VIOLATIONS_PER_GUIDELINE("misra-violations-per-guideline-max", Bound.MAX_COUNT,
            "Violations of the most violated accepted MISRA C guideline"),
    MISRA_DANGLING_SAF_IDS("misra-dangling-saf-ids-max", Bound.MAX_COUNT, "SAF comments naming an unknown id"),
    COVERAGE_STATEMENT("coverage-statement-min-percent", Bound.MIN_PERCENT,
            "Statement coverage (lines) of the compiled code"),
    COVERAGE_DECISION("coverage-decision-min-percent", Bound.MIN_PERCENT,
            "Decision coverage (branches) of the compiled code"),
    COVERAGE_MCDC("coverage-mcdc-min-percent", Bound.MIN_PERCENT,
            "MC/DC (condition outcomes) of the compiled code");

    /** Whether the gate is evaluated on the MISRA C figures (not on the trace). */
    public boolean misra() {
        return this == MISRA_NEW_CLEAN_VIOLATIONS || this == MISRA_VIOLATIONS_PER_GUIDELINE
                || this == MISRA_DANGLING_SAF_IDS;
    }

    /**
     * The structural coverage criterion a coverage gate reads (its figure over the compiled code); empty for the other
     * gates. It applies only where the configuration's level asks for the criterion.
     */
    public Optional<Criterion> criterion() {
        return switch (this) {
            case COVERAGE_STATEMENT -> Optional.of(Criterion.STATEMENT);
            case COVERAGE_DECISION -> Optional.of(Criterion.DECISION);
            case COVERAGE_MCDC -> Optional.of(Criterion.MCDC);
            default -> Optional.empty();
        };
    }

    /** How a gate's threshold compares with its value, and which YAML values it takes. */
    public enum Bound {
        /** value >= threshold; threshold a number from 0 to 100. */
        MIN_PERCENT,
        /** value <= threshold; threshold a whole number >= 0. */
        MAX_COUNT,
        /** value <= threshold; threshold any number (a negative one demands shrinking). */
        MAX_PERCENT
    }

    private final String key;
    private final Bound bound;
    private final String description;

    Gate(String key, Bound bound, String description) {
        this.key = key;
        this.bound = bound;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public Bound bound() {
        return bound;
    }

    public String description() {
        return description;
    }

    public boolean passes(double value, double threshold) {
        return bound == Bound.MIN_PERCENT ? value >= threshold : value <= threshold;
    }

    public static Optional<Gate> byKey(String key) {
        return Arrays.stream(values()).filter(g -> g.key.equals(key)).findFirst();
    }
}
