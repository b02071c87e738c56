package org.xenfusa.model.trace;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/** Links made in the web app, per repository. */
public interface TraceLinkRepository extends JpaRepository<TraceLink, Long> {
    List<TraceLink> findByRepositoryIdOrderByIdAsc(Long repositoryId);

    List<TraceLink> findByRepositoryIdAndRequirementStartingWithOrderByIdAsc(Long repositoryId, String requirementPrefix);
}
