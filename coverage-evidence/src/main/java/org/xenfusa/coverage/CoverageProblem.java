package org.xenfusa.coverage;

/**
 * Why a data file, or a part of it, was not used: the file (as uploaded or named on the command line), the line in it
 * (0 when the problem is not at one line) and what is wrong, in words a user can act on.
 */
public record CoverageProblem(String file, long line, String message) {
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
