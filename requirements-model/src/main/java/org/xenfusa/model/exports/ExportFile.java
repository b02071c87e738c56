package org.xenfusa.model.exports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a finished export, kept for download. */
@Entity
@Table(name = "export_file")
public class ExportFile {
    @Id
    @Column(name = "export_id")
    private Long exportId;

    @Column(nullable = false)
    private byte[] content;

    protected ExportFile() {
    }

    public ExportFile(Long exportId, byte[] content) {
        this.exportId = exportId;
        this.content = content.clone();
    }

    public Long getExportId() {
        return exportId;
    }

    public byte[] getContent() {
        return content.clone();
    }
}
