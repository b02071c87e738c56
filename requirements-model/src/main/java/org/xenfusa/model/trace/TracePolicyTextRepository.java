package org.xenfusa.model.trace;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored trace policies, one per repository. */
public interface TracePolicyTextRepository extends JpaRepository<TracePolicyText, Long> {
    Optional<TracePolicyText> findByRepositoryId(long repositoryId);
}
