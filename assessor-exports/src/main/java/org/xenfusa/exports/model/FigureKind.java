package org.xenfusa.exports.model;

/** The three code-size figures of a configuration, and the reference each one must equal. */
public enum FigureKind {
    MAKE_CLOC("make cloc", "Equals Xen's own `make cloc` after a real build: cloc 1.96 over the .c/.S files named by the"
            + " build's .o.d files (cloc's duplicate-content rule applied)."),
    WITH_HEADERS("with headers", "The make-cloc files plus every header their #include closure reaches, each counted"
            + " line for line as cloc 1.96 counts it."),
    ACTIVE_LINES("active lines", "The with-headers files keeping only the lines that #if/#ifdef evaluation under the"
            + " configuration leaves in, counted with cloc 1.96's blank/comment/code rules.");

    private final String label;
    private final String reference;

    FigureKind(String label, String reference) {
        this.label = label;
        this.reference = reference;
    }

    public String label() {
        return label;
    }

    /** How the figure was obtained, in a sentence an assessor can check against the reference tool. */
    public String reference() {
        return reference;
    }
}
