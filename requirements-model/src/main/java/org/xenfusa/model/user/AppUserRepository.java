package org.xenfusa.model.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Users. */
public interface AppUserRepository extends JpaRepository<AppUser, Long> {
    Optional<AppUser> findByUsername(String username);

    boolean existsByRole(Role role);

    long countByRoleAndEnabledTrue(Role role);

    java.util.List<AppUser> findAllByOrderByUsernameAsc();
}
