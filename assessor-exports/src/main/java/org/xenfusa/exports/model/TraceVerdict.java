package org.xenfusa.exports.model;

/** A requirement's trace verdict in one configuration, as OpenFastTrace 4.4.0 decides it on the same files. */
public enum TraceVerdict {
    /** Every needed coverage is there and no link is broken. */
    COVERED,
    /** Some needed coverage (code, test, lower-level item) is missing. */
    UNCOVERED,
    /** A broken, outdated or duplicate link, or another defect OpenFastTrace reports. */
    DEFECT,
    /** The requirement does not apply: it is scoped to other architectures or options. */
    EXCLUDED
}
