package org.xenfusa.model.exports;

/** Life of an export. QUEUED and RUNNING are active: the same inputs never run twice at once. */
public enum ExportState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
