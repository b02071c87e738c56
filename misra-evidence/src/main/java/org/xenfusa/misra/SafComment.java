package org.xenfusa.misra;

import java.util.Objects;

/**
 * An in-code {@code /* SAF-<n>-safe ... *&#47;} or {@code /* SAF-<n>-false-positive-<tool> ... *&#47;} comment, found
 * as {@code xen-analysis.py} finds it: the comment ends its line. On a line of its own it applies to the line that
 * follows; after code ({@code endOfLine}) to its own line.
 */
public record SafComment(String file, int line, String id, boolean endOfLine) {
    public SafComment {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(id, "id");
    }

    /** The line whose findings it justifies. */
    public int appliesTo() {
        return endOfLine ? line : line + 1;
    }

    /** The tool a false-positive comment is for, empty for a {@code -safe} one. */
    public String falsePositiveTool() {
        int i = id.indexOf("-false-positive-");
        return i < 0 ? "" : id.substring(i + "-false-positive-".length());
    }
}
