package org.xenfusa.trace.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.xenfusa.trace.config.TraceLevel;

/**
 * One requirement of the report: what it is, OpenFastTrace's verdict and defect kinds, the links that cover it (draft ones
 * included, marked as not counting), its verdict without a configuration and per configuration.
 *
 * @param oftVerdict     OpenFastTrace's one word for the item ({@code covered}, {@code unwanted coverage}, ...)
 * @param problems       every defect kind OpenFastTrace reports on it
 * @param overall        the verdict over the whole tree, whatever is compiled
 * @param overallReason  why it has that verdict (empty for covered)
 * @param configurations the verdict per configuration name, in the report's configuration order
 */
public record RequirementTrace(String id, String type, TraceLevel level, String title, String description,
        String location, String status, List<String> needs, List<String> covers, List<String> coveredBy,
        String oftVerdict, List<String> problems, Verdict overall, String overallReason, List<LinkView> links,
        Map<String, ConfigurationVerdict> configurations) {
    public RequirementTrace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(overallReason, "overallReason");
        needs = List.copyOf(needs);
        covers = List.copyOf(covers);
        coveredBy = List.copyOf(coveredBy);
        problems = List.copyOf(problems);
        links = List.copyOf(links);
        configurations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configurations));
    }

    /** The verdict in a configuration; the overall one for a configuration the report does not have. */
    public Verdict verdict(String configuration) {
        ConfigurationVerdict v = configurations.get(configuration);
        return v == null ? overall : v.verdict();
    }

    /** Why it has its verdict in a configuration (the overall reason for a configuration the report does not have). */
    public String reason(String configuration) {
        ConfigurationVerdict v = configurations.get(configuration);
        return v == null ? overallReason : v.reason();
    }

    /** The links that count as coverage, code anchors first. */
    public List<LinkView> countedLinks() {
        return links.stream().filter(LinkView::counts).toList();
    }
}
