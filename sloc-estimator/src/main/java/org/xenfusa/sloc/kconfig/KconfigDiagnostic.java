package org.xenfusa.sloc.kconfig;

import java.util.Objects;

/**
 * One problem found while reading Kconfig or evaluating a configuration, located by file and
 * line (line 0 and an empty file when it concerns a symbol or the configuration as a whole).
 */
public record KconfigDiagnostic(String file, int line, Severity severity, String message) {

    /** How bad a diagnostic is: an error means kconfig itself would have stopped. */
    public enum Severity { INFO, WARNING, ERROR }

    public KconfigDiagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    static KconfigDiagnostic warning(String file, int line, String message) {
        return new KconfigDiagnostic(file, line, Severity.WARNING, message);
    }

    static KconfigDiagnostic error(String file, int line, String message) {
        return new KconfigDiagnostic(file, line, Severity.ERROR, message);
    }

    @Override
    public String toString() {
        String where = file.isEmpty() ? "" : line > 0 ? file + ":" + line + ": " : file + ": ";
        return where + severity.name().toLowerCase() + ": " + message;
    }
}
