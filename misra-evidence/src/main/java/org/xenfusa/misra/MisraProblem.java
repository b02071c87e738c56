package org.xenfusa.misra;

import java.util.Objects;

/**
 * Something in an input that could not be read, or a record that is a defect: the file (as given, or its path in the
 * tree), the line (0 when the whole file is meant) and what is wrong. Everything else of the input is still read.
 */
public record MisraProblem(String file, int line, String message) {
    public MisraProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
