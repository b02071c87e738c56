package org.xenfusa.model.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** API tokens, found by the SHA-256 of the token that a request presents. */
public interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {
    /** The token with its user, in one query: the API looks a token up on every request. */
    @Query("select t from ApiToken t join fetch t.user where t.tokenHash = :hash")
    Optional<ApiToken> findByTokenHash(@Param("hash") String hash);

    List<ApiToken> findByUserUsernameOrderByCreatedAtDesc(String username);

    Optional<ApiToken> findByIdAndUserUsername(long id, String username);

    /** Records a use; only when the last one recorded is older than {@code before}, so that busy CI writes rarely. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :at where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int markUsed(@Param("id") long id, @Param("at") Instant at, @Param("before") Instant before);
}
