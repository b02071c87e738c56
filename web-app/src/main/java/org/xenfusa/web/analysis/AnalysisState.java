package org.xenfusa.web.analysis;

/** Where a stored analysis result is: waiting for a worker, being computed, stored, or failed with its reason. */
public enum AnalysisState {
    QUEUED, RUNNING, DONE, FAILED;

    public boolean isActive() {
        return this == QUEUED || this == RUNNING;
    }
}
