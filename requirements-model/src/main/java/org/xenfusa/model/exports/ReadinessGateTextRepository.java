package org.xenfusa.model.exports;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored gate files by name. */
public interface ReadinessGateTextRepository extends JpaRepository<ReadinessGateText, Long> {
    Optional<ReadinessGateText> findByName(String name);
}
