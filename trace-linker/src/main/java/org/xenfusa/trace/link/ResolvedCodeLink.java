package org.xenfusa.trace.link;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.spec.SpecificationItem;

/** A code link with the function(s) it names in one snapshot and the coverage item it adds to the trace. */
public record ResolvedCodeLink(CodeLink link, List<SourceFunction> functions, SpecificationItem item) {
    public ResolvedCodeLink {
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(item, "item");
        functions = List.copyOf(functions);
    }
}
