package org.xenfusa.exports.readiness;

/** A gate's outcome; NOT_EVALUATED (no previous release, nothing the gate applies to) never blocks but is shown. */
public enum GateVerdict {
    PASSED, FAILED, NOT_EVALUATED
}
