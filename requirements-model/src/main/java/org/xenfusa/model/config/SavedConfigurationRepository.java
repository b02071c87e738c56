package org.xenfusa.model.config;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Saved configurations. */
public interface SavedConfigurationRepository extends JpaRepository<SavedConfiguration, Long> {
    List<SavedConfiguration> findAllByOrderByNameAsc();

    Optional<SavedConfiguration> findByName(String name);

    /** The configurations the FuSa SIG tracks in a repository, by name. */
    List<SavedConfiguration> findByRepositoryIdAndTrackedTrueOrderByNameAsc(Long repositoryId);

    long countByRepositoryId(Long repositoryId);
}
