package org.xenfusa.sloc.effort;

/** Which of a configuration's three SLOC figures an effort model multiplies. */
public enum SlocFigure {
    /** What Xen's {@code make cloc} prints: compiled {@code .c}/{@code .S} code lines. */
    MAKE_CLOC,
    /** The same plus the code lines of every header the compiled files include. */
    WITH_HEADERS,
    /** Code lines the preprocessor keeps for the configuration, sources and headers. */
    ACTIVE_LINES
}
