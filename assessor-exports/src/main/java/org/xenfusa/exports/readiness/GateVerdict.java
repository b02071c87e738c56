package org.xenfusa.exports.readiness;

/** A gate's outcome; NOT_EVALUATED (no requirements, no tests, no previous release) is not a pass: it blocks readiness. */
public enum GateVerdict {
    PASSED, FAILED, NOT_EVALUATED
}
