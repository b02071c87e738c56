package org.xenfusa.sloc.kbuild;

import java.util.Objects;

/**
 * One compiled {@code .c}/{@code .S} file and the object it becomes (paths relative to the
 * repository root, e.g. {@code xen/common/sched/core.c} and {@code xen/common/sched/core.o}).
 */
public record TranslationUnit(String path, String object, SourceOrigin origin) {
    public TranslationUnit {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(origin, "origin");
    }
}
