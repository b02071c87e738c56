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

    /** The git directory read through JGit (the repository itself, or the bare clone in the cache). */
    @Column(name = "git_dir", nullable = false)
    private String gitDir;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
