package org.xenfusa.trace.report;

import java.util.List;
import java.util.Objects;

import org.xenfusa.trace.evidence.TestResultFile;

/**
 * One configuration to trace: its name as pages and documents show it ({@code x86_64-defconfig + HVM=n}), the files its
 * build compiles (paths from the tree's root, as {@code make cloc} lists them) and the test results of its test run.
 */
public record ConfigurationInput(String name, List<String> compiledFiles, List<TestResultFile> testResults) {
    public ConfigurationInput {
        Objects.requireNonNull(name, "name");
        compiledFiles = List.copyOf(compiledFiles);
        testResults = List.copyOf(testResults);
    }
}
