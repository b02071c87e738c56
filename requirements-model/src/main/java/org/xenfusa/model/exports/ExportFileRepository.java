package org.xenfusa.model.exports;

import org.springframework.data.jpa.repository.JpaRepository;

/** Exported files by export id. */
public interface ExportFileRepository extends JpaRepository<ExportFile, Long> {
}
