package org.xenfusa.model.source;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Complete snapshots (a snapshot row exists only when complete). */
public interface SnapshotRepository extends JpaRepository<Snapshot, Long> {
    List<Snapshot> findByRepositoryIdOrderByCommitTimeAscRefNameAsc(Long repositoryId);

    Optional<Snapshot> findByRepositoryIdAndRefNameAndCommitSha(Long repositoryId, String refName, String commitSha);

    /** The snapshot of a commit, whatever ref spelling asked for it (the first one, should older data hold several). */
    Optional<Snapshot> findFirstByRepositoryIdAndCommitShaOrderByIdAsc(Long repositoryId, String commitSha);

    Optional<Snapshot> findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(Long repositoryId, String refName);

    long countByRepositoryId(Long repositoryId);

    List<Snapshot> findByCommitShaOrderByIngestedAtDesc(String commitSha);

    @Query("select s from Snapshot s join fetch s.repository where s.id = :id")
    Optional<Snapshot> findWithRepository(@Param("id") Long id);
}
