package org.xenfusa.exports.model;

import org.xenfusa.sloc.effort.SlocFigure;
import org.xenfusa.sloc.config.LineFigures;

import java.util.Objects;

/**
 * One file's row in the documents' file tables: its kind and its three figures in one configuration (zero in a figure
 * that does not count the file).
 */
public record FileSlocRow(String path, FileKind role, LineFigures makeCloc, LineFigures withHeaders,
        LineFigures activeLines) {
    public FileSlocRow {
        path = Copies.required(path, "file path");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
    }

    public LineFigures figure(SlocFigure kind) {
        return kind.pick(makeCloc, withHeaders, activeLines);
    }
}
