package org.xenfusa.model.ingest;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Ingest jobs; progress updates are single-row UPDATEs so workers never hold an entity open. */
public interface IngestJobRepository extends JpaRepository<IngestJob, Long> {
    List<IngestJob> findTop20ByRepositoryIdOrderByCreatedAtDesc(Long repositoryId);

    List<IngestJob> findTop20ByOrderByCreatedAtDesc();

    Optional<IngestJob> findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(
            Long repositoryId, IngestMode mode, String refSpec, Collection<IngestState> states);

    List<IngestJob> findByStateIn(Collection<IngestState> states);

    @Modifying
    @Transactional
    @Query("update IngestJob j set j.state = 'RUNNING', j.startedAt = :now, j.message = null where j.id = :id")
    int markRunning(@Param("id") Long id, @Param("now") Instant now);

    @Modifying
    @Transactional
    @Query("update IngestJob j set j.refsTotal = :refsTotal, j.refsDone = :refsDone, j.filesTotal = :filesTotal,"
            + " j.filesDone = :filesDone, j.filesCounted = :filesCounted, j.currentRef = :currentRef,"
            + " j.filesPerSecond = :filesPerSecond where j.id = :id")
    int progress(@Param("id") Long id, @Param("refsTotal") int refsTotal, @Param("refsDone") int refsDone,
            @Param("filesTotal") int filesTotal, @Param("filesDone") int filesDone,
            @Param("filesCounted") int filesCounted, @Param("currentRef") String currentRef,
            @Param("filesPerSecond") double filesPerSecond);

    @Modifying
    @Transactional
    @Query("update IngestJob j set j.state = :state, j.finishedAt = :now, j.message = :message where j.id = :id")
    int finish(@Param("id") Long id, @Param("state") IngestState state, @Param("now") Instant now,
            @Param("message") String message);

    @Modifying
    @Transactional
    @Query("update IngestJob j set j.cancelRequested = true where j.id = :id")
    int requestCancel(@Param("id") Long id);

    @Query("select j.cancelRequested from IngestJob j where j.id = :id")
    boolean isCancelRequested(@Param("id") Long id);

    /** Records which instance of the platform runs the job. */
    @Modifying
    @Transactional
    @Query("update IngestJob j set j.instanceId = :instance where j.id = :id")
    int ranOn(@Param("id") Long id, @Param("instance") String instance);

    /**
     * Hands an active job whose worker died back to the queue, at most {@code max} times: 1 when taken over, 0 when
     * it is no longer active or was taken over {@code max} times already.
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "update ingest_job set takeovers = takeovers + 1, message = :message"
            + " where id = :id and state in ('QUEUED', 'RUNNING') and takeovers < :max")
    int takeOver(@Param("id") Long id, @Param("max") int max, @Param("message") String message);

    /** Puts an active job back in the queue (its instance is stopping), saying why; 1 when it was active. */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "update ingest_job set state = 'QUEUED', message = :message"
            + " where id = :id and state in ('QUEUED', 'RUNNING')")
    int handBack(@Param("id") Long id, @Param("message") String message);

    /** How many times the job was taken over after its worker died. */
    @Query(nativeQuery = true, value = "select takeovers from ingest_job where id = :id")
    int takeovers(@Param("id") Long id);
}
