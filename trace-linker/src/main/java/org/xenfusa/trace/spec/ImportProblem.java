package org.xenfusa.trace.spec;

import java.util.Objects;

/** Input that could not be used, named by file and line; everything else of the input is still imported. */
public record ImportProblem(Location location, String message) {
    public ImportProblem {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
