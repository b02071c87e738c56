package org.xenfusa.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.xenfusa.model.user.ApiToken;
import org.xenfusa.model.user.ApiTokenRepository;
import org.xenfusa.model.user.AppUser;
import org.xenfusa.model.user.Role;

/** API tokens: found by hash with their user, listed per user, and a use recorded at most once a minute. */
@ModelSliceTest
class ApiTokenRepositoryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    ApiTokenRepository tokens;

    @Autowired
    TestEntityManager em;

    @Test
    void aTokenIsFoundByItsHashWithItsUserAndItsUseIsRecordedRarely() {
        AppUser user = em.persistAndFlush(new AppUser("ci-" + System.nanoTime(), "{noop}x", Role.ENGINEER));
        String hash = "a".repeat(63) + (System.nanoTime() % 10);
        long id = em.persistAndFlush(new ApiToken(user, "nightly", hash, "fusa_abc", T0)).getId();
        em.clear();

        ApiToken found = tokens.findByTokenHash(hash).orElseThrow();
        assertThat(found.getUser().getUsername()).isEqualTo(user.getUsername());
        assertThat(tokens.findByTokenHash("b".repeat(64))).isEmpty();
        assertThat(tokens.findByUserUsernameOrderByCreatedAtDesc(user.getUsername())).extracting(ApiToken::getName)
                .containsExactly("nightly");
        assertThat(tokens.findByIdAndUserUsername(id, "someone-else")).isEmpty();

        assertThat(tokens.markUsed(id, T0.plusSeconds(10), T0.plusSeconds(10).minusSeconds(60))).isEqualTo(1);
        assertThat(tokens.markUsed(id, T0.plusSeconds(20), T0.plusSeconds(20).minusSeconds(60))).isZero();
        assertThat(tokens.markUsed(id, T0.plusSeconds(80), T0.plusSeconds(80).minusSeconds(60))).isEqualTo(1);
        em.clear();
        assertThat(em.find(ApiToken.class, id).getLastUsedAt()).isEqualTo(T0.plusSeconds(80));
    }
}
