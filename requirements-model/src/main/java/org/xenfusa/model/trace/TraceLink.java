package org.xenfusa.model.trace;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/**
 * A link made in the web app (or read from an imported link file) from a requirement to a function
 * of a repository's file, or to a test. It names the function, not lines, so it survives code
 * moving; the hash of the function it was reviewed against makes later edits visible. Audited.
 */
@Entity
@Table(name = "trace_link")
@Audited
public class TraceLink {
    /** The longest review comment stored (the column's width). */
    public static final int MAX_REVIEW_COMMENT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    /** The requirement's OFT id with the revision the link was made for. */
    @Column(nullable = false)
    private String requirement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkKind kind;

    @Column(name = "file_path", nullable = false)
    private String filePath;

    @Column(name = "function_name", nullable = false)
    private String functionName = "";

    @Column(name = "line_from")
    private Integer lineFrom;

    @Column(name = "line_to")
    private Integer lineTo;

    @Column(name = "test_name", nullable = false)
    private String testName = "";

    @Column(name = "artifact_type", nullable = false)
    private String artifactType;

    @Column(name = "reviewed_hash")
    private String reviewedHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LinkState state = LinkState.DRAFT;

    @Column(nullable = false)
    private String author;

    @Column
    private String reviewer;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    /** What the reviewer wrote when approving the link. */
    @Column(name = "review_comment", length = MAX_REVIEW_COMMENT)
    private String reviewComment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TraceLink() {
    }

    private TraceLink(Long repositoryId, String requirement, LinkKind kind, String filePath, String artifactType,
            String author) {
        this.repositoryId = repositoryId;
        this.requirement = requirement;
        this.kind = kind;
        this.filePath = filePath;
        this.artifactType = artifactType;
        this.author = author;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** A draft link to a function; {@code lineFrom..lineTo} picks one of same-named functions. */
    public static TraceLink toFunction(Long repositoryId, String requirement, String filePath, String function,
            Optional<int[]> lines, String artifactType, String author) {
        TraceLink l = new TraceLink(repositoryId, requirement, LinkKind.CODE, filePath, artifactType, author);
        l.functionName = function;
        lines.ifPresent(r -> {
            l.lineFrom = r[0];
            l.lineTo = r[1];
        });
        return l;
    }

    public static TraceLink toTest(Long repositoryId, String requirement, String filePath, String testName,
            String artifactType, String author) {
        TraceLink l = new TraceLink(repositoryId, requirement, LinkKind.TEST, filePath, artifactType, author);
        l.testName = testName;
        return l;
    }

    /**
     * A second engineer checked the link against the function with this content hash (empty for a test), and says why
     * in {@code comment}.
     */
    public void review(String reviewerName, Optional<String> functionHash, String comment) {
        this.reviewer = reviewerName;
        this.reviewedHash = functionHash.orElse(null);
        this.reviewComment = comment;
        this.state = LinkState.REVIEWED;
        this.updatedAt = Instant.now();
        this.reviewedAt = updatedAt;
    }

    /** The requirement got a new revision and the reviewer checked the link against it. */
    public void retarget(String newRequirement) {
        this.requirement = newRequirement;
        this.updatedAt = Instant.now();
    }

    /** State, people, review time and comment as a link file records them. */
    public void restore(LinkState newState, Optional<String> hash, Optional<String> reviewerName, Optional<Instant> at,
            Optional<String> comment) {
        this.state = newState;
        this.reviewedHash = hash.orElse(null);
        this.reviewer = reviewerName.orElse(null);
        this.reviewedAt = at.orElse(null);
        this.reviewComment = comment.map(c -> c.length() > MAX_REVIEW_COMMENT ? c.substring(0, MAX_REVIEW_COMMENT) : c)
                .orElse(null);
        this.updatedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getRepositoryId() {
        return repositoryId;
    }

    public String getRequirement() {
        return requirement;
    }

    public LinkKind getKind() {
        return kind;
    }

    public String getFilePath() {
        return filePath;
    }

    public String getFunctionName() {
        return functionName;
    }

    public Optional<int[]> getLines() {
        return lineFrom == null || lineTo == null ? Optional.empty() : Optional.of(new int[] {lineFrom, lineTo});
    }

    public String getTestName() {
        return testName;
    }

    public String getArtifactType() {
        return artifactType;
    }

    public Optional<String> getReviewedHash() {
        return Optional.ofNullable(reviewedHash);
    }

    public LinkState getState() {
        return state;
    }

    public String getAuthor() {
        return author;
    }

    public Optional<String> getReviewer() {
        return Optional.ofNullable(reviewer);
    }

    public Optional<Instant> getReviewedAt() {
        return Optional.ofNullable(reviewedAt);
    }

    public Optional<String> getReviewComment() {
        return Optional.ofNullable(reviewComment);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
