package org.xenfusa.trace.report;

import org.xenfusa.sloc.report.SlocEngineVersion;

/**
 * The version of this library's trace (verdicts, coverage, untraced code, suspect links), part of the analysis engine
 * version: raise {@link #RULES} with any change that can change a verdict or a figure for the same inputs.
 */
public final class TraceEngineVersion {
    /** Raised with every change of the trace that can change a verdict or a figure. */
    public static final int RULES = 3;

    private TraceEngineVersion() {
    }

    /** This library's part with the libraries it builds on ({@code sloc 1.3, trace 1}). */
    public static String version() {
        return "sloc " + SlocEngineVersion.version() + ", trace " + RULES;
    }
}
