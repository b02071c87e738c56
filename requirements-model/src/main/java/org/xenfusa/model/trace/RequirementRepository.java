package org.xenfusa.model.trace;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored requirements: a snapshot's imported ones in reading order, and those authored for a repository. */
public interface RequirementRepository extends JpaRepository<Requirement, Long> {
    List<Requirement> findBySnapshotIdOrderByPositionAscIdAsc(Long snapshotId);

    List<Requirement> findByRepositoryIdAndSnapshotIdIsNullOrderByItemTypeAscNameAsc(Long repositoryId);

    Optional<Requirement> findByRepositoryIdAndSnapshotIdIsNullAndItemTypeAndName(Long repositoryId, String itemType,
            String name);

    long countBySnapshotId(Long snapshotId);
}
