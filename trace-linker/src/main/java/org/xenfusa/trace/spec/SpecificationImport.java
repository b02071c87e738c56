package org.xenfusa.trace.spec;

import java.util.ArrayList;
import java.util.List;

/** The items read from some input, in reading order, and the problems met on the way. */
public record SpecificationImport(List<SpecificationItem> items, List<ImportProblem> problems) {
    public SpecificationImport {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public static SpecificationImport empty() {
        return new SpecificationImport(List.of(), List.of());
    }

    /** This import followed by {@code other}. */
    public SpecificationImport plus(SpecificationImport other) {
        List<SpecificationItem> i = new ArrayList<>(items);
        i.addAll(other.items);
        List<ImportProblem> p = new ArrayList<>(problems);
        p.addAll(other.problems);
        return new SpecificationImport(i, p);
    }
}
