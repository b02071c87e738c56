package org.xenfusa.trace.oracle;

import java.util.List;
import java.util.Map;

/** One traced item reduced to what both OFT and our tracer state about it, for an item-by-item comparison. */
record ItemView(String id, String title, String description, String rationale, String comment, String location,
        String status, List<String> covers, List<String> depends, List<String> needs, List<String> tags,
        boolean forwards, Map<String, List<String>> links, boolean coveredShallow, List<String> uncoveredTypes,
        String deepCoverage, boolean defect) {

    /** Identifies the item even among duplicates. */
    String key() {
        return id + " @ " + location;
    }
}
