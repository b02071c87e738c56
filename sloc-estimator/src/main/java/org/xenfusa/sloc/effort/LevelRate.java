package org.xenfusa.sloc.effort;

import java.util.Objects;

/**
 * Hours per SLOC for one DO-178C level.
 *
 * @param interpolated true when no source gives this figure and it is the mean of its neighbours
 * @param source       where the figure comes from (a citation, or how it was derived)
 */
public record LevelRate(DesignAssuranceLevel level, double hoursPerSloc, boolean interpolated, String source) {
    public LevelRate {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(source, "source");
        if (!(hoursPerSloc >= 0) || Double.isInfinite(hoursPerSloc)) {
            throw new IllegalArgumentException("hours per SLOC of " + level.label() + " must be a finite number >= 0: " + hoursPerSloc);
        }
    }
}
