package org.xenfusa.trace.evidence;

import java.util.Objects;

import org.xenfusa.trace.spec.Location;

/** One {@code <testcase>} of a JUnit XML file, with where it was written down. */
public record TestCaseResult(String className, String name, TestOutcome outcome, double seconds, Location source) {
    public TestCaseResult {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(source, "source");
    }

    /** True when a link's test name names this case: {@code name}, {@code class.name} or {@code class#name}. */
    public boolean isNamed(String testName) {
        return testName.equals(name) || testName.equals(className + "." + name)
                || testName.equals(className + "#" + name);
    }
}
