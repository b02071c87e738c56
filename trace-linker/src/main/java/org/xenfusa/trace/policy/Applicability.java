package org.xenfusa.trace.policy;

import java.nio.file.PathMatcher;
import java.util.List;

/**
 * How a policy decides whether an item applies to a configuration.
 *
 * @param unconditioned what an item without any condition does: {@link Unconditioned#COMPILED_CODE} (OpenFastTrace mode:
 *                      it applies where code implementing it is compiled, and is "not applicable" where none is) or
 *                      {@link Unconditioned#APPLIES} (it applies everywhere; linked code not compiled is a defect)
 * @param tags          whether item tags {@code arch:X}, {@code config:CONFIG_X}, {@code board:B} are conditions
 * @param locations     conditions by the item's file (path glob from the repository root)
 * @param items         conditions by item id (glob over {@code type~name}, or {@code type~name~revision})
 */
public record Applicability(Unconditioned unconditioned, boolean tags, List<Rule> locations, List<Rule> items) {
    /** No condition anywhere: applicability from compiled code, as without a policy. */
    public static final Applicability NONE = new Applicability(Unconditioned.COMPILED_CODE, false, List.of(),
            List.of());

    public Applicability {
        locations = List.copyOf(locations);
        items = List.copyOf(items);
    }

    /** Whether anything beyond compiled code decides applicability. */
    public boolean isNone() {
        return unconditioned == Unconditioned.COMPILED_CODE && !tags && locations.isEmpty() && items.isEmpty();
    }

    public enum Unconditioned {
        COMPILED_CODE, APPLIES
    }

    /** A glob and the condition for what it matches. */
    public record Rule(String pattern, PathMatcher matcher, Condition condition) {
    }
}
