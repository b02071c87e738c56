package org.xenfusa.model.trace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/**
 * The trace policy of one repository (YAML, the format of {@code fusa trace --policy FILE}): ADMIN stores it after it
 * parses, Envers keeps every version with who and when. A repository without one follows the shipped {@code oft}.
 */
@Entity
@Table(name = "trace_policy")
@Audited
public class TracePolicyText {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false, unique = true)
    private Long repositoryId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String text;

    @Column(nullable = false)
    private String sha256;

    @Column(nullable = false)
    private String author;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TracePolicyText() {
    }

    public TracePolicyText(long repositoryId) {
        this.repositoryId = repositoryId;
    }

    // not final: Hibernate proxies entities by overriding their methods
    public void set(String name, String text, String sha256, String author) {
        this.name = name;
        this.text = text;
        this.sha256 = sha256;
        this.author = author;
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public String getName() {
        return name;
    }

    public String getText() {
        return text;
    }

    public String getSha256() {
        return sha256;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
