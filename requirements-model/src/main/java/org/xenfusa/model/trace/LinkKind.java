package org.xenfusa.model.trace;

/** What a link points at: a function of a source file, or a test. */
public enum LinkKind {
    CODE, TEST
}
