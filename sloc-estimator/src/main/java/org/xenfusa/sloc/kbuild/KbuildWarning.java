package org.xenfusa.sloc.kbuild;

import java.util.Objects;

/** A problem met while evaluating Makefiles or following includes: the figure is still computed from everything else. */
public record KbuildWarning(String file, int line, String message) {
    public KbuildWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
