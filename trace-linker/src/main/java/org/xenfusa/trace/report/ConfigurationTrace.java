package org.xenfusa.trace.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 */
public record ConfigurationTrace(String name, ConfigurationCoverage coverage,
        Map<SpecificationItemId, RequirementVerification> verification, List<TestResultFile> testResults,
        List<String> notInTree) {
    public ConfigurationTrace {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(coverage, "coverage");
        verification = Map.copyOf(verification);
        testResults = List.copyOf(testResults);
        notInTree = List.copyOf(notInTree);
    }
}
