package org.xenfusa.trace.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.trace.spec.ImportProblem;

/**
 * The one answer to "does every requirement trace to code and tests, and every compiled line to a requirement": per
 * requirement its verdict overall and per configuration with the links that made it, per configuration its traced and
 * untraced code. Every page, command and document renders this object; none computes a verdict of its own.
 */
public record TraceReport(LinkedSpecification linked, List<RequirementTrace> requirements,
        List<ConfigurationTrace> configurations, List<ImportProblem> problems) {
    public TraceReport {
        Objects.requireNonNull(linked, "linked");
        requirements = List.copyOf(requirements);
        configurations = List.copyOf(configurations);
        problems = List.copyOf(problems);
    }

    public Optional<RequirementTrace> requirement(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<ConfigurationTrace> configuration(String name) {
        return configurations.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** How many requirements have each verdict in a configuration (every verdict present, zero or not). */
    public Map<Verdict, Long> counts(String configuration) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        requirements.forEach(r -> counts.merge(r.verdict(configuration), 1L, Long::sum));
        return counts;
    }

    /** How many requirements have each verdict over the whole tree. */
    public Map<Verdict, Long> overallCounts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        requirements.forEach(r -> counts.merge(r.overall(), 1L, Long::sum));
        return counts;
    }

    /** Tags and link items that are defects (orphaned, outdated, ...): see {@link LinkedSpecification#anchorDefects}. */
    public List<org.xenfusa.trace.graph.TracedItem> anchorDefects() {
        return linked.anchorDefects();
    }

    /** Requirements with a verdict of DEFECT overall: a trace that has any is not clean. */
    public long defects() {
        return requirements.stream().filter(r -> r.overall() == Verdict.DEFECT).count();
    }
}
