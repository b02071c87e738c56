package org.xenfusa.model.exports;

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
 * One export: who asked for which document from which inputs, and when; once done, the SHA-256 and size of the
 * file (kept in {@link ExportFile}). An export that runs as a job writes its progress here through
 * {@code ExportJobRepository} updates, so that any app instance can show it.
 */
@Entity
@Table(name = "export_job")
public class ExportJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Column(name = "ref_name", nullable = false)
    private String refName;

    @Column(name = "commit_sha")
    private String commitSha;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportFormat format;

    /** The inputs as JSON (configurations, boards, gate file, dashboard URL): enough to rebuild the export. */
    @Column(nullable = false)
    private String inputs;

    /** The canonical inputs: the database refuses a second active export with the same key. */
    @Column(name = "input_key", nullable = false)
    private String inputKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExportState state;

    private int percent;
    private String step;
    private String message;

    @Column(name = "requested_by", nullable = false)
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
    @Column(name = "file_name")
    private String fileName;
    private String sha256;
    @Column(name = "size_bytes")
    private Long sizeBytes;

    protected ExportJob() {
    }

    public ExportJob(Long repositoryId, String refName, ExportFormat format, String inputs, String inputKey,
            String requestedBy, Instant createdAt) {
        this.repositoryId = repositoryId;
        this.refName = refName;
        this.format = format;
        this.inputs = inputs;
        this.inputKey = inputKey;
        this.requestedBy = requestedBy;
        this.createdAt = createdAt;
        this.state = ExportState.QUEUED;
    }

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public String getRefName() {
        return refName;
    }

    public String getCommitSha() {
        return commitSha == null ? "" : commitSha;
    }

    public ExportFormat getFormat() {
        return format;
    }

    public String getInputs() {
        return inputs;
    }

    public String getInputKey() {
        return inputKey;
    }

    public ExportState getState() {
        return state;
    }

    public int getPercent() {
        return state == ExportState.SUCCEEDED ? 100 : percent;
    }

    public String getStep() {
        return step == null ? "" : step;
    }

    public String getMessage() {
        return message == null ? "" : message;
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

    public String getFileName() {
        return fileName == null ? "" : fileName;
    }

    public String getSha256() {
        return sha256 == null ? "" : sha256;
    }

    public long getSizeBytes() {
        return sizeBytes == null ? 0 : sizeBytes;
    }

    public String getInstanceId() {
        return instanceId;
    }
}
