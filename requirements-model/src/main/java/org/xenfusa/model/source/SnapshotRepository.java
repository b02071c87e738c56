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

    /** The snapshot a ref name reached: its own name, or one of its aliases (another spelling of its commit). */
    @Query(nativeQuery = true, value = """
            select s.* from snapshot s
            where s.repository_id = :repositoryId
              and (s.ref_name = :refName
                   or exists (select 1 from snapshot_alias a where a.snapshot_id = s.id and a.ref_name = :refName))
            order by s.ingested_at desc limit 1""")
    Optional<Snapshot> findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(@Param("repositoryId") Long repositoryId,
            @Param("refName") String refName);

    /** The other names of a snapshot (spellings of its commit other than its name), sorted. */
    @Query(nativeQuery = true, value = "select ref_name from snapshot_alias where snapshot_id = :id order by ref_name")
    List<String> aliases(@Param("id") Long snapshotId);

    long countByRepositoryId(Long repositoryId);

    List<Snapshot> findByCommitShaOrderByIngestedAtDesc(String commitSha);

    @Query("select s from Snapshot s join fetch s.repository where s.id = :id")
    Optional<Snapshot> findWithRepository(@Param("id") Long id);
}
