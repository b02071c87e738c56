package org.xenfusa.exports.readiness;

/** A gate file that cannot be used; the message reads "FILE:LINE: what is wrong". */
public final class GateFileException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final int line;

    public GateFileException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
