package org.xenfusa.sloc.config;

import org.xenfusa.sloc.count.FileCount;

/** Files and their blank, comment and code lines, as one row of cloc's report. */
public record LineFigures(int files, long blank, long comment, long code) {
    public static final LineFigures NONE = new LineFigures(0, 0, 0, 0);

    public LineFigures plus(FileCount c) {
        return new LineFigures(files + 1, blank + c.blank(), comment + c.comment(), code + c.code());
    }

    public LineFigures plus(LineFigures o) {
        return new LineFigures(files + o.files, blank + o.blank, comment + o.comment, code + o.code);
    }

    public LineFigures minus(LineFigures o) {
        return new LineFigures(files - o.files, blank - o.blank, comment - o.comment, code - o.code);
    }
}
