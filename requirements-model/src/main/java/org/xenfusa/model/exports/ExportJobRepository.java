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
            + " where j.id = :id")
    int succeed(@Param("id") Long id, @Param("now") Instant now, @Param("commit") String commit,
            @Param("fileName") String fileName, @Param("sha256") String sha256, @Param("size") long size);

    @Modifying
    @Transactional
    @Query("update ExportJob j set j.state = 'FAILED', j.finishedAt = :now, j.message = :message where j.id = :id")
    int fail(@Param("id") Long id, @Param("now") Instant now, @Param("message") String message);

    /** Records which instance of the platform runs the job. */
    @Modifying
    @Transactional
    @Query("update ExportJob j set j.instanceId = :instance where j.id = :id")
    int ranOn(@Param("id") Long id, @Param("instance") String instance);
}
