package org.xenfusa.exports.readiness;

/**
 * A gate's outcome. NOT_EVALUATED (no requirements, no tests, no previous release, no coverage data) is not a pass: it
 * blocks readiness. NOT_APPLICABLE: the gate does not apply to the configuration (a coverage criterion its level does
 * not ask for); it neither passes nor blocks.
 */
public enum GateVerdict {
    PASSED, FAILED, NOT_EVALUATED, NOT_APPLICABLE
}
