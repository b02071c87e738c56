package org.xenfusa.sloc.config;

import java.util.Objects;

/**
 * A file the build makes that the configuration reads: a source make cloc counts (a copy, a
 * generator's text, or a count the toolchain profile declares) or a generated header (named, not counted).
 *
 * @param from    what it is made from (a tracked file, a script, or a tool)
 * @param counted whether its lines are in the figures
 */
public record GeneratedFile(String path, FileRole role, Kind kind, String from, boolean counted) {
    /** How its content is known. */
    public enum Kind {
        /** A link or copy of a tracked file: counted with that file's content. */
        COPY,
        /** The output of a generator script read (not run) by the evaluator, e.g. {@code tools/binfile}. */
        GENERATOR_TEXT,
        /** Made from compiled binaries: counted with the figure the toolchain profile declares. */
        DECLARED_COUNT,
        /** Content only a real build makes, not counted. */
        BUILD_OUTPUT
    }

    public GeneratedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
    }
}
