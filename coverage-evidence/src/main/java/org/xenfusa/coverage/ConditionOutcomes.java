package org.xenfusa.coverage;

import java.util.BitSet;

/**
 * The condition outcomes of one line (MC/DC as gcov {@code -fcondition-coverage} and llvm-cov {@code -fcoverage-mcdc}
 * record it): {@code outcomes} is twice the number of conditions, outcome {@code 2i} being condition {@code i} taken
 * true and {@code 2i+1} taken false; {@code covered} holds the outcomes a test showed to matter. Runs are merged by
 * joining what they covered, as gcovr does.
 */
public final class ConditionOutcomes {
    private final int outcomes;
    private final BitSet covered;

    public ConditionOutcomes(int outcomes, BitSet covered) {
        if (outcomes < 0 || covered.length() > outcomes) {
            throw new IllegalArgumentException(covered.cardinality() + " covered of " + outcomes + " outcomes");
        }
        this.outcomes = outcomes;
        this.covered = (BitSet) covered.clone();
    }

    /** {@code coveredCount} of {@code outcomes}, when the data gives only the number (gcovr JSON without indices). */
    public static ConditionOutcomes counted(int outcomes, int coveredCount) {
        if (coveredCount > outcomes) {
            throw new IllegalArgumentException(coveredCount + " covered of " + outcomes + " outcomes");
        }
        BitSet b = new BitSet(outcomes);
        b.set(0, coveredCount);
        return new ConditionOutcomes(outcomes, b);
    }

    public int outcomes() {
        return outcomes;
    }

    public int coveredCount() {
        return covered.cardinality();
    }

    public boolean isCovered(int outcome) {
        return covered.get(outcome);
    }

    /** The outcomes either covered; the larger count when the two disagree on how many there are. */
    public ConditionOutcomes merge(ConditionOutcomes other) {
        BitSet b = (BitSet) covered.clone();
        b.or(other.covered);
        return new ConditionOutcomes(Math.max(outcomes, other.outcomes), b);
    }
}
