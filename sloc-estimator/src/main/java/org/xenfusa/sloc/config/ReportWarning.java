package org.xenfusa.sloc.config;

import java.util.Objects;

/**
 * A problem met while computing a configuration's figures, from the Kconfig engine
 * ({@code kconfig}) or the Kbuild evaluation ({@code kbuild}); the figures are still computed
 * from everything else.
 */
public record ReportWarning(String origin, String file, int line, String message) {
    public ReportWarning {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        String where = file.isEmpty() ? "" : line > 0 ? file + ":" + line + ": " : file + ": ";
        return origin + ": " + where + message;
    }
}
