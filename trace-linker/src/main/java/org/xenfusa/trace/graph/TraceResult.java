package org.xenfusa.trace.graph;

import java.util.List;

/** The traced items, in input order, and how many of them are defects (OFT's exit code is 1 when any). */
public record TraceResult(List<TracedItem> items) {
    public TraceResult {
        items = List.copyOf(items);
    }

    public long defects() {
        return items.stream().filter(TracedItem::defect).count();
    }

    public boolean hasNoDefects() {
        return defects() == 0;
    }
}
