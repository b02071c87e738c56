package org.xenfusa.exports.model;

/** What a test run reported for one test. */
public enum TestOutcome {
    PASSED, FAILED, ERROR, SKIPPED
}
