package org.xenfusa.trace.link;

/** Whether a second engineer has checked a link. */
public enum ReviewState {
    DRAFT, REVIEWED
}
