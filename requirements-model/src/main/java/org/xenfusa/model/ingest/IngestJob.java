package org.xenfusa.model.ingest;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A request to ingest refs of a repository and its live progress. Progress columns are written by
 * the worker through {@code IngestJobRepository} updates so that any app instance can show them.
 */
@Entity
@Table(name = "ingest_job")
public class IngestJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IngestMode mode;

    /** The ref (REF), the tag pattern (TAGS) or empty (DEFAULT_BRANCH). */
    @Column(name = "ref_spec", nullable = false)
    private String refSpec;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private IngestState state;

    @Column(name = "refs_total")
    private int refsTotal;
    @Column(name = "refs_done")
    private int refsDone;
    /** Refs being ingested at this moment (one task each, on any instance); files_total/done are their sums. */
    @Column(name = "refs_running")
    private int refsRunning;
    @Column(name = "files_total")
    private int filesTotal;
    @Column(name = "files_done")
    private int filesDone;
    @Column(name = "files_counted")
    private int filesCounted;
    @Column(name = "current_ref")
    private String currentRef;
    private String message;
    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "started_at")
    private Instant startedAt;

    /** The instance of the platform whose worker ran the job (fusa.instance-id). */
    @Column(name = "instance_id")
    private String instanceId;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "files_per_second")
    private double filesPerSecond;

    protected IngestJob() {
    }

    public IngestJob(Long repositoryId, IngestMode mode, String refSpec, String requestedBy) {
        this.repositoryId = repositoryId;
        this.mode = mode;
        this.refSpec = refSpec;
        this.requestedBy = requestedBy;
        this.state = IngestState.QUEUED;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public IngestMode getMode() {
        return mode;
    }

    public String getRefSpec() {
        return refSpec;
    }

    public IngestState getState() {
        return state;
    }

    public int getRefsTotal() {
        return refsTotal;
    }

    public int getRefsDone() {
        return refsDone;
    }

    public int getRefsRunning() {
        return refsRunning;
    }

    public int getFilesTotal() {
        return filesTotal;
    }

    public int getFilesDone() {
        return filesDone;
    }

    public int getFilesCounted() {
        return filesCounted;
    }

    public String getCurrentRef() {
        return currentRef;
    }

    public String getMessage() {
        return message;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public double getFilesPerSecond() {
        return filesPerSecond;
    }

    /**
     * Percentage done: whole refs, plus the part of the running refs' files ({@code filesDone} of {@code filesTotal}
     * summed over the refs running at once; a job from before tasks ran one ref at a time).
     */
    public int getPercent() {
        if (state == IngestState.SUCCEEDED) {
            return 100;
        }
        if (refsTotal == 0) {
            return 0;
        }
        double current = filesTotal == 0 || refsDone >= refsTotal ? 0
                : Math.max(1, refsRunning) * (double) filesDone / filesTotal;
        return (int) Math.min(100, Math.floor(100 * (refsDone + current) / refsTotal));
    }

    public String getDescription() {
        return switch (mode) {
            case REF -> "ref " + refSpec;
            case DEFAULT_BRANCH -> "default branch";
            case TAGS -> "tags matching " + refSpec;
        };
    }

    public Duration getElapsed() {
        if (startedAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(startedAt, finishedAt == null ? Instant.now() : finishedAt);
    }

    public String getInstanceId() {
        return instanceId;
    }
}
