package org.xenfusa.model.source;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

/** Registered repositories. */
public interface SourceRepositoryRepository extends JpaRepository<SourceRepository, Long> {
    Optional<SourceRepository> findByName(String name);

    Optional<SourceRepository> findByGitDir(String gitDir);

    List<SourceRepository> findAllByOrderByNameAsc();

    /** A clone's progress: a single-row UPDATE, so that the clone job never holds an entity or a transaction open. */
    @Modifying
    @Transactional
    @Query("update SourceRepository r set r.clonePercent = :percent, r.cloneMessage = :message"
            + " where r.id = :id and r.cloneState = 'CLONING'")
    int cloneProgress(@Param("id") Long id, @Param("percent") int percent, @Param("message") String message);

    /** A clone's end: READY (message cleared) or FAILED with the reason. */
    @Modifying
    @Transactional
    @Query("update SourceRepository r set r.cloneState = :state, r.clonePercent = :percent, r.cloneMessage = :message"
            + " where r.id = :id")
    int cloneEnded(@Param("id") Long id, @Param("state") String state, @Param("percent") int percent,
            @Param("message") String message);

    /** A URL registered again after its clone failed: queued, with its takeovers counted from 0 again. */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "update source_repository set clone_state = 'CLONING', clone_percent = 0,"
            + " clone_message = 'queued', clone_takeovers = 0 where id = :id")
    int cloneQueuedAgain(@Param("id") Long id);

    /**
     * Puts a clone whose worker died (or whose instance is stopping) back in the queue, saying why. With {@code max}
     * (a dead worker), at most that many times: 1 when it was put back, 0 when it is no longer cloning or was taken
     * over {@code max} times already.
     */
    @Modifying
    @Transactional
    @Query(nativeQuery = true, value = "update source_repository set clone_percent = 0,"
            + " clone_takeovers = clone_takeovers + :counted, clone_message = :message"
            + " where id = :id and clone_state = 'CLONING' and (:counted = 0 or clone_takeovers < :max)")
    int cloneRequeued(@Param("id") Long id, @Param("counted") int counted, @Param("max") int max,
            @Param("message") String message);
}
