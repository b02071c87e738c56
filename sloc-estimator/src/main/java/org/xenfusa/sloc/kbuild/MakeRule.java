package org.xenfusa.sloc.kbuild;

import java.util.List;
import java.util.Objects;

/**
 * A rule read from a Makefile after expansion: explicit (targets are paths) or a pattern rule
 * (targets contain {@code %}). Only what deciding "how is this file made" needs is kept.
 *
 * @param hasRecipe true when the rule says how to make its targets (a recipe line or {@code ; recipe})
 */
public record MakeRule(List<String> targets, List<String> prerequisites, boolean hasRecipe, String file, int line) {
    public MakeRule {
        targets = List.copyOf(targets);
        prerequisites = List.copyOf(prerequisites);
        Objects.requireNonNull(file, "file");
    }

    public boolean pattern() {
        return targets.stream().anyMatch(t -> t.contains("%"));
    }

    MakeRule withRecipe() {
        return new MakeRule(targets, prerequisites, true, file, line);
    }
}
