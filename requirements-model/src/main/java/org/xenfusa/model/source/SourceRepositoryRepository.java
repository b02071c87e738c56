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
}
