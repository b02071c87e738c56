package org.xenfusa.sloc.effort;

/**
 * One of a configuration's three SLOC figures: the one an effort model multiplies, and the columns every page and
 * document shows, each with the reference it must equal.
 */
public enum SlocFigure {
    /** What Xen's {@code make cloc} prints: compiled {@code .c}/{@code .S} code lines. */
    MAKE_CLOC("make cloc", "Equals Xen's own `make cloc` after a real build: cloc 1.96 over the .c/.S files named by the"
            + " build's .o.d files (cloc's duplicate-content rule applied)."),
    /** The same plus the code lines of every header the compiled files include. */
    WITH_HEADERS("with headers", "The make-cloc files plus every header their #include closure reaches, each counted"
            + " line for line as cloc 1.96 counts it."),
    /** Code lines the preprocessor keeps for the configuration, sources and headers. */
    ACTIVE_LINES("active lines", "The with-headers files keeping only the lines that #if/#ifdef evaluation under the"
            + " configuration leaves in, counted with cloc 1.96's blank/comment/code rules.");

    private final String label;
    private final String reference;

    SlocFigure(String label, String reference) {
        this.label = label;
        this.reference = reference;
    }

    /** How documents head this figure's columns. */
    public String label() {
        return label;
    }

    /** How the figure was obtained, in a sentence an assessor can check against the reference tool. */
    public String reference() {
        return reference;
    }

    /** Of a thing's three figures (a configuration's, a directory's, a file's), this one. */
    public <T> T pick(T makeCloc, T withHeaders, T activeLines) {
        return switch (this) {
            case MAKE_CLOC -> makeCloc;
            case WITH_HEADERS -> withHeaders;
            case ACTIVE_LINES -> activeLines;
        };
    }
}
