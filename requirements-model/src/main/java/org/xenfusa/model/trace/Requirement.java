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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.envers.Audited;

/**
 * An OpenFastTrace specification item as stored: imported from a snapshot's specification file
 * (with its file and line), or authored in the web app or a spreadsheet (no snapshot: it joins the
 * trace of every snapshot). Lists (covers, depends, needs, tags) are kept one entry a line. Audited.
 */
@Entity
@Table(name = "requirement")
@Audited
public class Requirement {
    /** From the column's sequence 50 at a time (V16_10), so that an import's inserts go in JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requirement_ids")
    @SequenceGenerator(name = "requirement_ids", sequenceName = "requirement_id_seq", allocationSize = 50)
    private Long id;

    /** The repository the requirement belongs to: its snapshot's, or the one it was authored for. */
    @Column(name = "repository_id", nullable = false)
    private Long repositoryId;

    @Column(name = "snapshot_id")
    private Long snapshotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequirementOrigin origin;

    /** Reading order within the snapshot: OFT's verdicts on duplicates depend on it. */
    @Column(nullable = false)
    private int position;

    @Column(name = "item_type", nullable = false)
    private String itemType;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private String title = "";

    @Column(nullable = false)
    private String description = "";

    @Column(nullable = false)
    private String rationale = "";

    @Column(nullable = false)
    private String comment = "";

    @Column(nullable = false)
    private String status;

    @Column(nullable = false)
    private String covers = "";

    @Column(nullable = false)
    private String depends = "";

    @Column(nullable = false)
    private String needs = "";

    @Column(nullable = false)
    private String tags = "";

    @Column(nullable = false)
    private boolean forwards;

    @Column(name = "file_path", nullable = false)
    private String filePath = "";

    @Column(nullable = false)
    private int line;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Requirement() {
    }

    /**
     * A requirement of {@code repositoryId}: imported from one of its snapshots ({@code snapshotId} set), or authored
     * for it ({@code snapshotId} null), when it joins the trace of that repository's snapshots and no other's.
     */
    public Requirement(long repositoryId, Long snapshotId, RequirementOrigin origin, int position, String itemType,
            String name, int revision, String filePath, int line, String createdBy) {
        this.repositoryId = repositoryId;
        this.snapshotId = snapshotId;
        this.origin = origin;
        this.position = position;
        this.itemType = itemType;
        this.name = name;
        this.revision = revision;
        this.filePath = filePath;
        this.line = line;
        this.status = "approved";
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Sets the text and relations; lists are one entry a line. */
    public void setContent(int newRevision, String newTitle, String newDescription, String newRationale,
            String newComment, String newStatus, String newCovers, String newDepends, String newNeeds,
            String newTags, boolean newForwards) {
        this.revision = newRevision;
        this.title = text(newTitle);
        this.description = text(newDescription);
        this.rationale = text(newRationale);
        this.comment = text(newComment);
        this.status = newStatus;
        this.covers = text(newCovers);
        this.depends = text(newDepends);
        this.needs = text(newNeeds);
        this.tags = text(newTags);
        this.forwards = newForwards;
        this.updatedAt = Instant.now();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    public Long getId() {
        return id;
    }

    /** The snapshot whose files it was imported from; empty for an authored requirement. */
    public long getRepositoryId() {
        return repositoryId;
    }

    public Optional<Long> getSnapshotId() {
        return Optional.ofNullable(snapshotId);
    }

    public RequirementOrigin getOrigin() {
        return origin;
    }

    public int getPosition() {
        return position;
    }

    public String getItemType() {
        return itemType;
    }

    public String getName() {
        return name;
    }

    public int getRevision() {
        return revision;
    }

    /** The OFT id, {@code type~name~revision}. */
    public String getItemId() {
        return itemType + "~" + name + "~" + revision;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getRationale() {
        return rationale;
    }

    public String getComment() {
        return comment;
    }

    public String getStatus() {
        return status;
    }

    public String getCovers() {
        return covers;
    }

    public String getDepends() {
        return depends;
    }

    public String getNeeds() {
        return needs;
    }

    public String getTags() {
        return tags;
    }

    public boolean isForwards() {
        return forwards;
    }

    public String getFilePath() {
        return filePath;
    }

    public int getLine() {
        return line;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public boolean isAuthored() {
        return snapshotId == null;
    }
}
