package org.xenfusa.exports.model;

/** Files, blank, comment and code lines of a set of files, as cloc reports them. */
public record SlocFigure(long files, long blank, long comment, long code) {
    public static final SlocFigure ZERO = new SlocFigure(0, 0, 0, 0);

    public SlocFigure {
        if (files < 0 || blank < 0 || comment < 0 || code < 0) {
            throw new IllegalArgumentException("negative line count");
        }
    }

    public SlocFigure plus(SlocFigure other) {
        return new SlocFigure(files + other.files, blank + other.blank, comment + other.comment, code + other.code);
    }
}
