package org.xenfusa.trace.evidence;

/** The result of one test case in a result file. */
public enum TestOutcome {
    PASSED, FAILED, ERROR, SKIPPED
}
