package org.xenfusa.model.source;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Registered repositories. */
public interface SourceRepositoryRepository extends JpaRepository<SourceRepository, Long> {
    Optional<SourceRepository> findByName(String name);

    Optional<SourceRepository> findByGitDir(String gitDir);

    List<SourceRepository> findAllByOrderByNameAsc();
}
