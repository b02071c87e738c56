package org.xenfusa.trace.function;

import java.util.Objects;

/**
 * A function of a C or assembly source file as the light parser found it.
 *
 * @param startLine   first line of the definition (its return type), 1-based
 * @param endLine     line of the closing brace (C) or of the end marker (assembly)
 * @param contentHash {@code sha256:<hex>} of the lines start..end joined by "\n": moving the
 *                    function keeps it, any edit inside changes it
 */
public record SourceFunction(String path, String name, int startLine, int endLine, String contentHash) {
    public SourceFunction {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " of " + name);
        }
    }

    public boolean contains(int line) {
        return line >= startLine && line <= endLine;
    }

    public boolean overlaps(int from, int to) {
        return from <= endLine && to >= startLine;
    }
}
