package org.xenfusa.model.effort;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored effort models (the platform uses the one named "default"). */
public interface EffortModelSettingsRepository extends JpaRepository<EffortModelSettings, Long> {
    Optional<EffortModelSettings> findByName(String name);
}
