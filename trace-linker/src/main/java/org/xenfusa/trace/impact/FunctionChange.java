package org.xenfusa.trace.impact;

import java.util.Objects;
import java.util.Optional;

import org.xenfusa.trace.function.SourceFunction;

/**
 * A compiled function that differs between the two snapshots.
 *
 * @param before the function in the earlier snapshot (empty when added)
 * @param after  the function in the later snapshot (empty when removed)
 */
public record FunctionChange(Kind kind, String path, String name, Optional<SourceFunction> before,
        Optional<SourceFunction> after) {
    public FunctionChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** How a function differs. */
    public enum Kind {
        /** Compiled only in the later snapshot (new, or its file newly compiled). */
        ADDED,
        /** Compiled only in the earlier snapshot. */
        REMOVED,
        /** Compiled in both, with another content hash. */
        CHANGED
    }

    /** {@code path:name}, as links name a function. */
    public String anchor() {
        return path + ":" + name;
    }

    /** The lines to show: the later snapshot's, else the earlier's. */
    public String lines() {
        SourceFunction f = after.or(() -> before).orElseThrow();
        return f.startLine() + "-" + f.endLine();
    }
}
