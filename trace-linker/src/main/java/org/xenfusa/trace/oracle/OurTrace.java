package org.xenfusa.trace.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.xenfusa.trace.graph.TraceResult;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;

/** Reduces our trace to {@link ItemView}s, spelled as OFT spells them. */
public final class OurTrace {
    private OurTrace() {
    }

    public static List<ItemView> views(TraceResult trace) {
        return trace.items().stream().map(OurTrace::view).toList();
    }

    private static ItemView view(TracedItem t) {
        SpecificationItem i = t.item();
        Map<String, List<String>> links = new LinkedHashMap<>();
        t.links().forEach((status, ids) -> links.put(status.name(), ids.stream().map(OurTrace::id).toList()));
        return new ItemView(id(i.id()), i.title(), i.description(), i.rationale(), i.comment(),
                i.location().path() + ":" + i.location().line(), i.status().toString(),
                t.covers().stream().map(OurTrace::id).toList(), i.depends().stream().map(OurTrace::id).toList(),
                i.needs(), i.tags(), i.forwards(), links, t.coveredShallow(), t.uncoveredTypes(),
                t.deepCoverage().name().toLowerCase(Locale.ROOT), t.defect());
    }

    private static String id(SpecificationItemId id) {
        return id.toString();
    }
}
