package org.xenfusa.exports.model;

import org.xenfusa.sloc.config.LineFigures;

import java.util.Objects;

/** The three figures of one file in one configuration (zero in a figure that does not count the file). */
public record FileSloc(String path, FileRole role, LineFigures makeCloc, LineFigures withHeaders,
        LineFigures activeLines) {
    public FileSloc {
        path = Copies.required(path, "file path");
        Objects.requireNonNull(role, "role");
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
