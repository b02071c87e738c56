package org.xenfusa.trace.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * The trace of one configuration: its compiled code traced and untraced, the items its compiled code reaches, and per
 * requirement what its test results say.
 *
 * @param notInTree compiled files the build generates (not in the repository), which no link can reach: the difference
 *                  between the configuration's make-cloc file count and {@code coverage.compiledFiles()}
 * @param notApplicable requirements whose applicability condition fails here, with the reason
 * @param applies       requirements the trace policy makes apply here (a condition holds, or it applies unconditioned)
 */
public record ConfigurationTrace(String name, ConfigurationCoverage coverage,
        Map<SpecificationItemId, RequirementVerification> verification, List<TestResultFile> testResults,
        List<String> notInTree, Map<SpecificationItemId, String> notApplicable, Set<SpecificationItemId> applies) {
    public ConfigurationTrace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coverage, "coverage");
        // by requirement id, in every JVM: Map.copyOf's order changes from one JVM to the next, and the results page
        // of a configuration lists the verification in this order
        verification.forEach((id, v) -> Objects.requireNonNull(v, "the verification of " + id));
        verification = Collections.unmodifiableSortedMap(new TreeMap<>(verification));
        testResults = List.copyOf(testResults);
        notInTree = List.copyOf(notInTree);
        notApplicable.forEach((id, why) -> Objects.requireNonNull(why, "why " + id + " does not apply"));
        notApplicable = Collections.unmodifiableSortedMap(new TreeMap<>(notApplicable));
        applies = Collections.unmodifiableSortedSet(new TreeSet<>(applies));
    }
}
