package org.xenfusa.exports.model;

import java.util.Objects;

/**
 * The three figures of one directory in one configuration. Each file belongs to exactly one row (its own
 * directory, not its ancestors), so the rows add up to the configuration's totals.
 */
public record DirectorySloc(String path, SlocFigure makeCloc, SlocFigure withHeaders, SlocFigure activeLines) {
    public DirectorySloc {
        path = Copies.required(path, "directory path");
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
    }

    public SlocFigure figure(FigureKind kind) {
        return switch (kind) {
            case MAKE_CLOC -> makeCloc;
            case WITH_HEADERS -> withHeaders;
            case ACTIVE_LINES -> activeLines;
        };
    }
}
