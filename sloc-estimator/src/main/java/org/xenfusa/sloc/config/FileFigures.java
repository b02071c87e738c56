package org.xenfusa.sloc.config;

import java.util.Objects;
import java.util.Optional;

import org.xenfusa.sloc.count.FileCount;

/**
 * The figures of one file of a configuration: cloc's count of the whole file and of its active
 * lines (the lines the preprocessor keeps, see {@link org.xenfusa.sloc.kbuild.LineActivity}).
 *
 * @param path        relative to the repository root
 * @param contentId   the id cloc's duplicate rule compares (git blob id of the content)
 * @param count       cloc's count of the file
 * @param active      cloc's count of the file with its inactive lines removed
 * @param generated   made by the build (a copy, a generator's output, or a declared count)
 * @param duplicateOf when cloc drops this file as byte-identical to another, that other file
 */
public record FileFigures(String path, FileRole role, String contentId, FileCount count, FileCount active,
        boolean generated, Optional<String> duplicateOf) {
    public FileFigures {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(count, "count");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(duplicateOf, "duplicateOf");
    }

    /** Counted by cloc: it has a language and is not a dropped duplicate. */
    public boolean counted() {
        return count.isCounted() && duplicateOf.isEmpty();
    }
}
