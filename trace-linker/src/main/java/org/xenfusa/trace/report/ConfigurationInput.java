package org.xenfusa.trace.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.policy.Target;

/**
 * One configuration to trace: its name as pages and documents show it ({@code x86_64-defconfig + HVM=n}), the files its
 * build compiles (paths from the tree's root, as {@code make cloc} lists them), the test results of its test run, and
 * what applicability conditions are decided on (architecture, Kconfig values, board).
 */
public record ConfigurationInput(String name, List<String> compiledFiles, List<TestResultFile> testResults,
        Target target) {
    public ConfigurationInput {
        Objects.requireNonNull(name, "name");
        compiledFiles = List.copyOf(compiledFiles);
        testResults = List.copyOf(testResults);
        Objects.requireNonNull(target, "target");
    }

    /** A configuration that states only its files: no applicability condition can fail on it. */
    public ConfigurationInput(String name, List<String> compiledFiles, List<TestResultFile> testResults) {
        this(name, compiledFiles, testResults, Target.UNKNOWN);
    }

    /** A configuration as the engine evaluated it: its cloc list, architecture and {@code .config} values. */
    public static ConfigurationInput of(String name, ConfigurationReport report, List<TestResultFile> testResults,
            Optional<String> board) {
        return new ConfigurationInput(name, report.compiledFiles(), testResults,
                new Target(Optional.of(report.arch().targetArch()), report.values(), board));
    }
}
