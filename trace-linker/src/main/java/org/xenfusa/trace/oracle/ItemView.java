package org.xenfusa.trace.oracle;

import java.util.List;
import java.util.Map;

/**
 * One traced item reduced to what both OpenFastTrace and our tracer state about it, for an item-by-item comparison
 * (with OFT itself in the oracle test, with OFT's recorded verdicts in {@link OftReference}).
 */
public record ItemView(String id, String title, String description, String rationale, String comment, String location,
        String status, List<String> covers, List<String> depends, List<String> needs, List<String> tags,
        boolean forwards, Map<String, List<String>> links, boolean coveredShallow, List<String> uncoveredTypes,
        String deepCoverage, boolean defect) {

    /** Identifies the item even among duplicates. */
    public String key() {
        return id + " @ " + location;
    }

    /** One line stating every field (backslashes, line breaks and tabs escaped): the recorded form of a verdict. */
    public String canonical() {
        return toString().replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
