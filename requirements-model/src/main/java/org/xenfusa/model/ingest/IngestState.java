package org.xenfusa.model.ingest;

/** Life of an ingest job. QUEUED and RUNNING are active: at most one active job per repository and request. */
public enum IngestState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
