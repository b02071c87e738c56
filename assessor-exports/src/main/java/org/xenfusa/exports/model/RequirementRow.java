package org.xenfusa.exports.model;

import java.util.List;
import java.util.Map;

import org.xenfusa.trace.report.Verdict;

/**
 * One requirement (an OpenFastTrace item such as {@code dsn~sched-credit2~1}) as the trace report gives it: its links,
 * the code anchors and tests that count as its coverage, its verdict over the whole tree and per configuration name.
 *
 * @param links   every link of the requirement, draft ones included (marked as not counting)
 * @param reasons why it has its verdict, per configuration name (empty for covered)
 */
public record RequirementRow(String id, String type, String title, String description, List<String> covers,
        List<String> coveredBy, List<String> codeAnchors, List<String> tests, Verdict overall,
        Map<String, Verdict> verdicts, List<LinkRow> links, boolean suspect, String overallReason,
        Map<String, String> reasons) {
    public RequirementRow {
        id = Copies.required(id, "requirement id");
        type = Copies.required(type, "type of " + id);
        title = Copies.text(title);
        description = Copies.text(description);
        covers = Copies.list(covers);
        coveredBy = Copies.list(coveredBy);
        codeAnchors = Copies.list(codeAnchors);
        tests = Copies.list(tests);
        overall = overall == null ? Verdict.UNCOVERED : overall;
        verdicts = Copies.map(verdicts);
        links = Copies.list(links);
        overallReason = Copies.text(overallReason);
        reasons = reasons == null ? Map.of() : Copies.map(reasons);
    }

    /** A row without reasons (synthetic and older evidence). */
    public RequirementRow(String id, String type, String title, String description, List<String> covers,
            List<String> coveredBy, List<String> codeAnchors, List<String> tests, Verdict overall,
            Map<String, Verdict> verdicts, List<LinkRow> links, boolean suspect) {
        this(id, type, title, description, covers, coveredBy, codeAnchors, tests, overall, verdicts, links, suspect,
                "", Map.of());
    }

    /** Why it has its verdict in a configuration; the overall reason for a configuration the trace did not report. */
    public String reason(String configuration) {
        return reasons.getOrDefault(configuration, overallReason);
    }

    /** The verdict in a configuration; the overall verdict for a configuration the trace did not report. */
    public Verdict verdict(String configuration) {
        return verdicts.getOrDefault(configuration, overall);
    }
}
