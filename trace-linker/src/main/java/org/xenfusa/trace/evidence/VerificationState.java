package org.xenfusa.trace.evidence;

/** What the test results say of a requirement in one configuration. */
public enum VerificationState {
    /** Every linked test was found in the results and passed. */
    VERIFIED,
    /** A linked test failed or erred. */
    FAILED,
    /** A linked test is missing from the results or was skipped. */
    NOT_RUN,
    /** No test is linked to the requirement. */
    NO_TESTS
}
