package org.xenfusa.sloc.report;

import org.xenfusa.sloc.count.ClocCounter;

/**
 * The version of this library's figures (line counts, Kconfig, Kbuild, active lines, effort), part of the analysis
 * engine version under which the web app stores computed results: raise {@link #RULES} with any change that can change
 * a figure for the same inputs, so that results stored by an older engine are computed again rather than shown.
 */
public final class SlocEngineVersion {
    /** Raised with every change of configuration analysis or the effort model that can change a figure. */
    public static final int RULES = 1;

    private SlocEngineVersion() {
    }

    /** This library's part of the engine version: its rules and the counter's ({@code 1.3}). */
    public static String version() {
        return RULES + "." + ClocCounter.RULES_VERSION;
    }
}
