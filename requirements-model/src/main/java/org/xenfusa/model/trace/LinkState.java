package org.xenfusa.model.trace;

/** Whether a second engineer has checked a link. */
public enum LinkState {
    DRAFT, REVIEWED
}
