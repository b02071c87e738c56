package org.xenfusa.coverage;

import java.util.EnumSet;
import java.util.Set;

import org.xenfusa.sloc.effort.DesignAssuranceLevel;

/**
 * The structural coverage criteria of DO-178C Table A-7 and the figure that measures each: statement coverage by the
 * lines that ran, decision coverage by the branches taken, MC/DC by the condition outcomes shown to matter (gcov
 * {@code -fcondition-coverage}, llvm-cov {@code -fcoverage-mcdc}).
 */
public enum Criterion {
    /** Objective, DAL A to C. */
    STATEMENT("statement", "lines"),
    /** Objective, DAL A and B. */
    DECISION("decision", "branches"),
    /** Objective, DAL A. */
    MCDC("MC/DC", "conditions");

    private final String label;
    private final String measure;

    Criterion(String label, String measure) {
        this.label = label;
        this.measure = measure;
    }

    public String label() {
        return label;
    }

    /** The figure that measures it: lines, branches or conditions. */
    public String measure() {
        return measure;
    }

    /**
     * What DO-178C asks of a level: DAL A all three, B statement and decision, C statement, D and E none. ISO 26262's
     * ASILs reach this through the effort model's ASIL-to-DAL crosswalk.
     */
    public static Set<Criterion> required(DesignAssuranceLevel level) {
        return switch (level) {
            case DAL_A -> EnumSet.allOf(Criterion.class);
            case DAL_B -> EnumSet.of(STATEMENT, DECISION);
            case DAL_C -> EnumSet.of(STATEMENT);
            case DAL_D, DAL_E -> EnumSet.noneOf(Criterion.class);
        };
    }

    /**
     * The level a name gives: {@code DAL_A} (or {@code DAL A}, {@code dal-a}) to {@code DAL_E}, or an ASIL ({@code ASIL_D}
     * ...) through {@code model}'s crosswalk; a name that is neither is refused, naming the ones that are.
     */
    public static DesignAssuranceLevel level(String name, org.xenfusa.sloc.effort.EffortModel model) {
        String n = name.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (DesignAssuranceLevel l : DesignAssuranceLevel.values()) {
            if (l.name().equals(n)) {
                return l;
            }
        }
        for (org.xenfusa.sloc.effort.Asil a : org.xenfusa.sloc.effort.Asil.values()) {
            if (a.name().equals(n)) {
                return model.levelOf(a);
            }
        }
        throw new IllegalArgumentException("unknown level '" + name + "': give DAL_A to DAL_E or ASIL_A to ASIL_D");
    }

    public Counter of(CoverageCounts f) {
        return switch (this) {
            case STATEMENT -> f.lines();
            case DECISION -> f.branches();
            case MCDC -> f.conditions();
        };
    }
}
