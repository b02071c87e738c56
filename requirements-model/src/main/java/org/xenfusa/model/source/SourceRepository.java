package org.xenfusa.model.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;
import org.hibernate.envers.NotAudited;

/** A git repository registered for analysis; its history of changes is kept by Envers. */
@Entity
@Table(name = "source_repository")
@Audited
public class SourceRepository {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true)
    private String name;

    /** What the user gave: a local path or a URL. */
    @Column(nullable = false)
    private String location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RepositoryKind kind;

    /**
     * The git directory of a local repository, read through JGit where it was registered (the same path on every
     * instance). Null for a URL: each instance clones it into its own cache (web.ingest.RepositoryStorage).
     */
    @Column(name = "git_dir")
    private String gitDir;

    /**
     * For a URL: the name of the credentials its clone and fetches use, which each instance resolves from its own
     * settings (the secret is never stored here); null for none.
     */
    @Column(name = "credentials_ref")
    private String credentialsRef;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    /** READY, or for a URL its clone's state: CLONING (a background job) or FAILED; not audited (progress). */
    @Column(name = "clone_state", nullable = false)
    @NotAudited
    private String cloneState = READY;

    @Column(name = "clone_percent", nullable = false)
    @NotAudited
    private int clonePercent;

    /** The clone's current step, or why it failed. */
    @Column(name = "clone_message")
    @NotAudited
    private String cloneMessage;

    public static final String READY = "READY";
    public static final String CLONING = "CLONING";
    public static final String FAILED = "FAILED";

    protected SourceRepository() {
    }

    public SourceRepository(String name, String location, RepositoryKind kind, String gitDir, String createdBy) {
        this.name = name;
        this.location = location;
        this.kind = kind;
        this.gitDir = gitDir;
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLocation() {
        return location;
    }

    public RepositoryKind getKind() {
        return kind;
    }

    public String getGitDir() {
        return gitDir;
    }

    public String getCredentialsRef() {
        return credentialsRef;
    }

    /** This repository with {@code reference} naming its credentials (a URL's; null for none). */
    public SourceRepository withCredentialsRef(String reference) {
        this.credentialsRef = reference;
        return this;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCloneState() {
        return cloneState;
    }

    public int getClonePercent() {
        return clonePercent;
    }

    public String getCloneMessage() {
        return cloneMessage;
    }

    /** True when its git directory may be read: a local repository, or a URL whose clone is done. */
    public boolean isReady() {
        return READY.equals(cloneState);
    }

    /** A URL registered now: its clone is queued. */
    public SourceRepository cloning() {
        this.cloneState = CLONING;
        this.clonePercent = 0;
        this.cloneMessage = "queued";
        return this;
    }
}
