package org.xenfusa.model.trace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored requirements: a snapshot's imported ones in reading order, and the authored ones. */
public interface RequirementRepository extends JpaRepository<Requirement, Long> {
    List<Requirement> findBySnapshotIdOrderByPositionAscIdAsc(Long snapshotId);

    List<Requirement> findBySnapshotIdIsNullOrderByItemTypeAscNameAsc();

    Optional<Requirement> findBySnapshotIdIsNullAndItemTypeAndName(String itemType, String name);

    long countBySnapshotId(Long snapshotId);
}
