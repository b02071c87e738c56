package org.xenfusa.sloc.effort;

import java.util.Objects;

/**
 * The effort to certify some code at one level: SLOC times hours per SLOC, and that in person-years.
 *
 * @param interpolated the level's rate is interpolated, not from a source: say so wherever it is shown
 */
public record EffortEstimate(DesignAssuranceLevel level, long sloc, double hoursPerSloc, double hours,
        double personYears, boolean interpolated) {
    public EffortEstimate {
        Objects.requireNonNull(level, "level");
    }

    /** This estimate minus {@code other} (same level): the change in SLOC, hours and person-years. */
    public EffortEstimate minus(EffortEstimate other) {
        if (other.level != level) {
            throw new IllegalArgumentException("different levels: " + level + " and " + other.level);
        }
        return new EffortEstimate(level, sloc - other.sloc, hoursPerSloc, hours - other.hours, personYears - other.personYears,
                interpolated || other.interpolated);
    }
}
