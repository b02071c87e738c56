package org.xenfusa.exports.model;

import org.xenfusa.sloc.config.LineFigures;

import java.util.Objects;

/**
 * The three figures of one directory in one configuration. Each file belongs to exactly one row (its own
 * directory, not its ancestors), so the rows add up to the configuration's totals.
 */
public record DirectorySloc(String path, LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines) {
    public DirectorySloc {
        path = Copies.required(path, "directory path");
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
    }

    public LineFigures figure(FigureKind kind) {
        return switch (kind) {
            case MAKE_CLOC -> makeCloc;
            case WITH_HEADERS -> withHeaders;
            case ACTIVE_LINES -> activeLines;
        };
    }
}
