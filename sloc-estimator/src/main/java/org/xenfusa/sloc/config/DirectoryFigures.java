package org.xenfusa.sloc.config;

import java.util.Objects;

/** The three figures of one directory row (see {@link org.xenfusa.sloc.report.DirectoryGrouping}). */
public record DirectoryFigures(String directory, LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines) {
    public DirectoryFigures {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(makeCloc, "makeCloc");
        Objects.requireNonNull(withHeaders, "withHeaders");
        Objects.requireNonNull(activeLines, "activeLines");
    }
}
