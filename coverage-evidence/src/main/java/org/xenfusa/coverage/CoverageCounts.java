package org.xenfusa.coverage;

/** Lines, branches, condition outcomes and functions: each total and covered. */
public record CoverageCounts(Counter lines, Counter branches, Counter conditions, Counter functions) {
    public static final CoverageCounts ZERO = new CoverageCounts(Counter.ZERO, Counter.ZERO, Counter.ZERO, Counter.ZERO);

    public CoverageCounts plus(CoverageCounts o) {
        return new CoverageCounts(lines.plus(o.lines), branches.plus(o.branches), conditions.plus(o.conditions),
                functions.plus(o.functions));
    }

    /** A file's figures as gcovr's summary gives them. */
    public static CoverageCounts of(FileCoverage f) {
        return new CoverageCounts(f.lines(), f.branches(), f.conditions(), f.functionCounter());
    }
}
