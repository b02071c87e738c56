package org.xenfusa.model.boards;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/** Stored board tables (the platform uses the one named "default"). */
public interface BoardCatalogTextRepository extends JpaRepository<BoardCatalogText, Long> {
    Optional<BoardCatalogText> findByName(String name);
}
