package org.xenfusa.exports.model;

import java.util.List;
import java.util.Map;

/**
 * One requirement (an OpenFastTrace item such as {@code dsn~sched-credit2~1}) with its links, the code anchors
 * and tests that cover it, and its verdict per configuration name.
 */
public record RequirementRow(String id, String type, String title, String description, List<String> covers,
        List<String> coveredBy, List<String> codeAnchors, List<String> tests, Map<String, TraceVerdict> verdicts,
        boolean suspect) {
    public RequirementRow {
        id = Copies.required(id, "requirement id");
        type = Copies.required(type, "type of " + id);
        title = Copies.text(title);
        description = Copies.text(description);
        covers = Copies.list(covers);
        coveredBy = Copies.list(coveredBy);
        codeAnchors = Copies.list(codeAnchors);
        tests = Copies.list(tests);
        verdicts = Copies.map(verdicts);
    }

    /** The verdict in a configuration; a configuration the trace did not report is {@link TraceVerdict#UNCOVERED}. */
    public TraceVerdict verdict(String configuration) {
        return verdicts.getOrDefault(configuration, TraceVerdict.UNCOVERED);
    }
}
