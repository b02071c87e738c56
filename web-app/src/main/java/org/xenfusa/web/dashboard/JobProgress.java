package org.xenfusa.web.dashboard;

import java.time.Instant;

import org.xenfusa.model.ingest.IngestJob;

/**
 * An ingest job's state and progress as JSON, for the live progress bar and the REST API; {@code instance} names the
 * instance of the platform that runs or ran it ("" while queued).
 */
public record JobProgress(long id, long repositoryId, String mode, String refSpec, String state, int percent,
        int refsDone, int refsTotal, int filesDone, int filesTotal, int filesCounted, double filesPerSecond,
        String currentRef, String message, Instant createdAt, Instant startedAt, Instant finishedAt, String instance) {

    public static JobProgress of(IngestJob j) {
        return new JobProgress(j.getId(), j.getRepositoryId(), j.getMode().name(), j.getRefSpec(), j.getState().name(),
                j.getPercent(), j.getRefsDone(), j.getRefsTotal(), j.getFilesDone(), j.getFilesTotal(),
                j.getFilesCounted(), j.getFilesPerSecond(), j.getCurrentRef() == null ? "" : j.getCurrentRef(),
                j.getMessage() == null ? "" : j.getMessage(), j.getCreatedAt(), j.getStartedAt(), j.getFinishedAt(),
                j.getInstanceId() == null ? "" : j.getInstanceId());
    }
}
