package org.xenfusa.model.trace;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Imported result files per snapshot and configuration. */
public interface TestResultFileRepository extends JpaRepository<TestResultFileRecord, Long> {
    List<TestResultFileRecord> findBySnapshotIdAndConfigurationIdOrderByIdAsc(Long snapshotId, Long configurationId);

    List<TestResultFileRecord> findBySnapshotIdOrderByIdAsc(Long snapshotId);
}
