package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** Failed logins lock an account, then an address, for a time that doubles with each further failure. */
// [utest->dsn~login-throttle~1] [utest->err~access-beyond-role~1]
class LoginThrottleTest {
    private Instant now = Instant.parse("2026-03-01T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void fiveFailuresLockTheAccountAtThatAddressForThirtySecondsThenTheLockDoubles() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).contains(Duration.ofSeconds(30));
        // the account at that address, under any spelling of its name; not the account elsewhere (issue 18: five
        // wrong passwords from anywhere used to lock the account for everyone), nor another account there
        assertThat(throttle.lockedFor(" ALICE ", "10.0.0.1")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("alice", "10.9.9.9")).isEmpty();
        assertThat(throttle.lockedFor("bob", "10.0.0.1")).isEmpty();

        now = now.plusSeconds(31);
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void theLockGrowsToFifteenMinutesAtMost() {
        assertThat(LoginThrottle.lock(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LoginThrottle.lock(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(LoginThrottle.lock(5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LoginThrottle.lock(400)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aSuccessClearsTheAccountButNotTheAddress() {
        for (int i = 0; i < 29; i++) {
            throttle.failed("user" + (i % 7), "10.0.0.2");
        }
        throttle.succeeded("user0", "10.0.0.2");
        throttle.failed("someone", "10.0.0.2");
        assertThat(throttle.lockedFor("anyone", "10.0.0.2")).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockedFor("anyone", "10.0.0.3")).isEmpty();
    }

    @Test
    void countsAreForgottenAnHourAfterTheLastFailure() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("carol", "10.0.0.4");
        }
        now = now.plus(Duration.ofMinutes(61));
        throttle.failed("carol", "10.0.0.4");
        assertThat(throttle.lockedFor("carol", "10.0.0.4")).isEmpty();
    }

    @Test
    void failuresFromManyAddressesNeverLockTheOwnerOutOfTheirAddressButSlowTheAccount() {
        // an attacker guessing alice's password from 40 addresses, 4 tries each (never locked at any of them)
        for (int address = 0; address < 40; address++) {
            for (int i = 0; i < 4; i++) {
                throttle.failed("alice", "172.16.0." + address);
            }
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.7")).as("alice at her own address").isEmpty();
        assertThat(throttle.delayFor("alice")).as("but every login of alice is slowed").isEqualTo(LoginThrottle.ACCOUNT_DELAY);
        assertThat(throttle.delayFor("bob")).isZero();
        // the attacker's fifth try at one address locks that address for alice
        throttle.failed("alice", "172.16.0.1");
        assertThat(throttle.lockedFor("alice", "172.16.0.1")).contains(Duration.ofSeconds(30));
        // an hour later the account is no longer slowed
        now = now.plus(Duration.ofMinutes(61));
        assertThat(throttle.delayFor("alice")).isZero();
    }

    @Test
    void nineteenFailuresForAnAccountAddNoDelay() {
        for (int i = 0; i < LoginThrottle.ACCOUNT_FREE_FAILURES - 1; i++) {
            throttle.failed("dave", "10.1.0." + i);
        }
        assertThat(throttle.delayFor("dave")).isZero();
        throttle.failed("dave", "10.1.1.1");
        assertThat(throttle.delayFor(" Dave")).isEqualTo(LoginThrottle.ACCOUNT_DELAY);
    }
}
