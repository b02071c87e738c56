package org.xenfusa.exports.model;

/**
 * Certification effort for one assurance level (e.g. "DO-178C DAL A"): the model's rate, the code lines it
 * was applied to, and the result. {@code interpolated} marks a rate the model derived between published points.
 */
public record LevelEffort(String level, double hoursPerSloc, long slocBasis, double hours, double personYears,
        boolean interpolated) {
    public LevelEffort {
        level = Copies.required(level, "effort level");
    }
}
