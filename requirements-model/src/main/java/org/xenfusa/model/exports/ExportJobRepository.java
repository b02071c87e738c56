package org.xenfusa.model.exports;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Exports; progress and results are single-row UPDATEs so that workers never hold an entity open. */
public interface ExportJobRepository extends JpaRepository<ExportJob, Long> {
    List<ExportJob> findTop50ByOrderByCreatedAtDesc();

    Optional<ExportJob> findFirstByInputKeyAndStateIn(String inputKey, Collection<ExportState> states);

    @Modifying
    @Transactional
    @Query("update ExportJob j set j.state = 'RUNNING', j.startedAt = :now where j.id = :id and j.state = 'QUEUED'")
    int markRunning(@Param("id") Long id, @Param("now") Instant now);

    @Modifying
    @Transactional
    @Query("update ExportJob j set j.percent = :percent, j.step = :step where j.id = :id")
    int progress(@Param("id") Long id, @Param("percent") int percent, @Param("step") String step);

    @Modifying
    @Transactional
    @Query("update ExportJob j set j.state = 'SUCCEEDED', j.finishedAt = :now, j.commitSha = :commit,"
            + " j.fileName = :fileName, j.sha256 = :sha256, j.sizeBytes = :size, j.percent = 100, j.step = null"
            + " where j.id = :id and j.state = 'RUNNING'")
    int succeed(@Param("id") Long id, @Param("now") Instant now, @Param("commit") String commit,
            @Param("fileName") String fileName, @Param("sha256") String sha256, @Param("size") long size);

    @Modifying
    @Transactional
    @Query("update ExportJob j set j.state = 'FAILED', j.finishedAt = :now, j.message = :message where j.id = :id"
            + " and j.state in ('QUEUED', 'RUNNING')")
    int fail(@Param("id") Long id, @Param("now") Instant now, @Param("message") String message);

    /** Records which instance of the platform runs the job. */
    @Modifying
    @Transactional
    @Query("update ExportJob j set j.instanceId = :instance where j.id = :id")
    int ranOn(@Param("id") Long id, @Param("instance") String instance);

    /**
     * Puts a running export back in the queue (its worker died, or its instance is stopping): the next worker of any
     * instance makes it again from its stored inputs. With {@code max} (a dead worker), at most that many times: 1
     * when it was put back, 0 when it is no longer active or was taken over {@code max} times already.
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "update export_job set state = 'QUEUED', percent = 0, step = null,"
            + " takeovers = takeovers + :counted, message = :message"
            + " where id = :id and state in ('QUEUED', 'RUNNING') and (:counted = 0 or takeovers < :max)")
    int requeue(@Param("id") Long id, @Param("counted") int counted, @Param("max") int max,
            @Param("message") String message);

    /** How many times the export was taken over after its worker died. */
    @Query(nativeQuery = true, value = "select takeovers from export_job where id = :id")
    int takeovers(@Param("id") Long id);
}
