package org.xenfusa.sloc.kbuild;

import java.util.Objects;

/**
 * Where the content of a compiled file comes from: the tracked file itself, a copy (symbolic
 * link) the build makes of another tracked file, or a file the build generates.
 *
 * @param from for {@code COPY}, the repository path whose content the file has; for
 *             {@code GENERATED}, what it is made from (a tool or input, as the rule names it); empty for {@code TRACKED}
 */
public record SourceOrigin(Kind kind, String from) {
    /** How a file comes to exist in the build folder. */
    public enum Kind { TRACKED, COPY, GENERATED }

    public SourceOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
    }

    public static SourceOrigin tracked() {
        return new SourceOrigin(Kind.TRACKED, "");
    }

    public static SourceOrigin copyOf(String path) {
        return new SourceOrigin(Kind.COPY, path);
    }

    public static SourceOrigin generatedFrom(String input) {
        return new SourceOrigin(Kind.GENERATED, input);
    }

    /** True when the file is not in the repository (a copy or a generated file). */
    public boolean generated() {
        return kind != Kind.TRACKED;
    }
}
