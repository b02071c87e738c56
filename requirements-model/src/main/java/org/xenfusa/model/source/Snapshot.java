package org.xenfusa.model.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A repository's tree at one commit, reached through a ref. A snapshot row exists only once its
 * files are all stored: it is written in the same transaction as its file list, so a failed or
 * killed ingest never leaves a snapshot that looks complete.
 */
@Entity
@Table(name = "snapshot")
public class Snapshot {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "repository_id")
    private SourceRepository repository;

    @Column(name = "ref_name", nullable = false)
    private String refName;

    @Column(name = "commit_sha", nullable = false)
    private String commitSha;

    @Column(name = "commit_time", nullable = false)
    private Instant commitTime;

    @Column(name = "commit_subject")
    private String commitSubject;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "ingested_at", nullable = false)
    private Instant ingestedAt;

    @Column(name = "counter_version", nullable = false)
    private int counterVersion;

    protected Snapshot() {
    }

    public Long getId() {
        return id;
    }

    public SourceRepository getRepository() {
        return repository;
    }

    public String getRefName() {
        return refName;
    }

    public String getCommitSha() {
        return commitSha;
    }

    public Instant getCommitTime() {
        return commitTime;
    }

    public String getCommitSubject() {
        return commitSubject;
    }

    public int getFileCount() {
        return fileCount;
    }

    public Instant getIngestedAt() {
        return ingestedAt;
    }

    public int getCounterVersion() {
        return counterVersion;
    }

    public String getShortSha() {
        return commitSha.substring(0, 12);
    }
}
