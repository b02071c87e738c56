package org.xenfusa.coverage;

/** Lines, branches, condition outcomes and functions: each total and covered. */
public record Figures(Counter lines, Counter branches, Counter conditions, Counter functions) {
    public static final Figures ZERO = new Figures(Counter.ZERO, Counter.ZERO, Counter.ZERO, Counter.ZERO);

    public Figures plus(Figures o) {
        return new Figures(lines.plus(o.lines), branches.plus(o.branches), conditions.plus(o.conditions),
                functions.plus(o.functions));
    }

    /** A file's figures as gcovr's summary gives them. */
    public static Figures of(FileCoverage f) {
        return new Figures(f.lines(), f.branches(), f.conditions(), f.functionCounter());
    }
}
