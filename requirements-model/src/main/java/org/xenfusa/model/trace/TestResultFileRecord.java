package org.xenfusa.model.trace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An imported JUnit result file of one snapshot and configuration: its name and SHA-256, so every
 * verification verdict leads back to the file it came from. Never changed once imported.
 */
@Entity
@Table(name = "test_result_file")
public class TestResultFileRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "snapshot_id", nullable = false)
    private Long snapshotId;

    @Column(name = "configuration_id", nullable = false)
    private Long configurationId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "imported_by", nullable = false)
    private String importedBy;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    protected TestResultFileRecord() {
    }

    public TestResultFileRecord(Long snapshotId, Long configurationId, String fileName, String sha256,
            String importedBy) {
        this.snapshotId = snapshotId;
        this.configurationId = configurationId;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.importedBy = importedBy;
        this.importedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public Long getSnapshotId() {
        return snapshotId;
    }

    public Long getConfigurationId() {
        return configurationId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getSha256() {
        return sha256;
    }

    public String getImportedBy() {
        return importedBy;
    }

    public Instant getImportedAt() {
        return importedAt;
    }
}
