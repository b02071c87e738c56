package org.xenfusa.exports.model;

import java.util.Objects;

import org.xenfusa.trace.evidence.TestOutcome;

/** One imported test result; {@code test} is the name requirements cite in their tests list. */
public record TestResult(String test, TestOutcome outcome) {
    public TestResult {
        test = Copies.required(test, "test name");
        Objects.requireNonNull(outcome, "outcome of " + test);
    }
}
