package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenfusa.web.IntegrationTest;
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.db.FreshDatabase;

/**
 * Issue 18: the login throttle counted in each instance's memory, so an attacker spreading guesses over the instances
 * behind a load balancer got as many tries per instance. Now two instances count the same failures in the database.
 */
@IntegrationTest
class SharedLoginThrottleIntegrationTest {
    @Autowired EmbeddedDatabase server;

    private FreshDatabase db;
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private LoginThrottle one;
    private LoginThrottle two;

    @BeforeEach
    void twoInstances() {
        db = FreshDatabase.create(server, "login_throttle");
        one = new LoginThrottle(clock, new JdbcLoginFailures(db.jdbc()));
        two = new LoginThrottle(clock, new JdbcLoginFailures(db.jdbc()));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void failuresSpreadOverTwoInstancesLockTheAccountAtThatAddressOnBoth() {
        one.failed("alice", "10.0.0.1");
        two.failed("alice", "10.0.0.1");
        one.failed("ALICE", "10.0.0.1");
        two.failed("alice", "10.0.0.1");
        assertThat(one.lockedFor("alice", "10.0.0.1")).isEmpty();
        one.failed("alice", "10.0.0.1");
        assertThat(two.lockedFor("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(one.lockedFor("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(two.lockedFor("alice", "10.0.0.2")).as("not the account elsewhere").isEmpty();
        now = now.plusSeconds(31);
        two.failed("alice", "10.0.0.1");
        assertThat(one.lockedFor("alice", "10.0.0.1")).as("doubled").contains(Duration.ofSeconds(60));
        // a right password at that address, on either instance, clears it
        one.succeeded("alice", "10.0.0.1");
        assertThat(two.lockedFor("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void anAttackerOnManyAddressesAndBothInstancesSlowsTheAccountButNeverLocksItsOwnerOut() {
        for (int address = 0; address < 30; address++) {
            LoginThrottle instance = address % 2 == 0 ? one : two;
            for (int i = 0; i < 4; i++) {
                instance.failed("alice", "172.16.0." + address);
            }
        }
        assertThat(one.lockedFor("alice", "10.0.0.7")).isEmpty();
        assertThat(two.lockedFor("alice", "10.0.0.7")).isEmpty();
        assertThat(one.delayFor("alice")).isEqualTo(LoginThrottle.ACCOUNT_DELAY);
        assertThat(two.delayFor("alice")).isEqualTo(LoginThrottle.ACCOUNT_DELAY);
        assertThat(two.delayFor("bob")).isZero();
    }

    @Test
    void anAddressGuessingManyAccountsIsLockedOnEveryInstance() {
        for (int i = 0; i < LoginThrottle.ADDRESS_FREE_FAILURES; i++) {
            (i % 2 == 0 ? one : two).failed("user" + i, "10.9.0.1");
        }
        assertThat(one.lockedFor("anyone", "10.9.0.1")).contains(Duration.ofSeconds(30));
        assertThat(two.lockedFor("anyone", "10.9.0.1")).contains(Duration.ofSeconds(30));
        assertThat(two.lockedFor("anyone", "10.9.0.2")).isEmpty();
    }

    @Test
    void countsAreForgottenAnHourAfterTheLastFailureAndOldRowsAreDeleted() {
        for (int i = 0; i < 4; i++) {
            one.failed("carol", "10.0.0.4");
        }
        now = now.plus(Duration.ofMinutes(61));
        two.failed("carol", "10.0.0.4");
        assertThat(one.lockedFor("carol", "10.0.0.4")).isEmpty();
        now = now.plus(Duration.ofMinutes(61));
        one.failed("dave", "10.0.0.5");
        assertThat(db.jdbc().queryForList("select throttle_key from login_failure", String.class))
                .as("carol's rows are gone").noneMatch(k -> k.contains("carol") || k.contains("10.0.0.4"));
    }
}
