package org.xenfusa.exports.model;

import java.util.Objects;

/** The three figures of one file in one configuration (zero in a figure that does not count the file). */
public record FileSloc(String path, FileRole role, SlocFigure makeCloc, SlocFigure withHeaders,
        SlocFigure activeLines) {
    public FileSloc {
        path = Copies.required(path, "file path");
        Objects.requireNonNull(role, "role");
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
