package org.xenfusa.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins counted per account and per address, in memory: after {@value #ACCOUNT_FREE_FAILURES} failures for
 * one account (or {@value #ADDRESS_FREE_FAILURES} from one address, whichever accounts they named) every further
 * login of that account (from that address) is refused without looking at the password, for 30 s, doubled with each
 * further failure up to 15 minutes. A success clears its account's count; a count is forgotten an hour after its last
 * failure. Bounded in size, so that a flood of made-up names cannot exhaust the memory. Each instance of the platform
 * counts its own logins (a restart forgets them): good enough against guessing, which needs thousands of tries.
 */
public final class LoginThrottle {
    static final int ACCOUNT_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 30;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int MAX_ENTRIES = 100_000;

    /** The failures counted so far, and until when logins are refused. */
    record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Cache<String, Failures> accounts;
    private final Cache<String, Failures> addresses;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
        this.accounts = cache(clock);
        this.addresses = cache(clock);
    }

    private static Cache<String, Failures> cache(Clock clock) {
        return Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(FORGET_AFTER)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    /** How long logins of {@code username} from {@code address} are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant until = later(lockedUntil(accounts, account(username)), lockedUntil(addresses, address));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Counts a wrong password (or an unknown user name) given for {@code username} from {@code address}. */
    public void failed(String username, String address) {
        count(accounts, account(username), ACCOUNT_FREE_FAILURES);
        count(addresses, address, ADDRESS_FREE_FAILURES);
    }

    /** A right password clears the account's count (not the address's: one good account must not reset guessing). */
    public void succeeded(String username) {
        accounts.invalidate(account(username));
    }

    private void count(Cache<String, Failures> cache, String key, int free) {
        Instant now = clock.instant();
        cache.asMap().compute(key, (k, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            Instant until = count < free ? Instant.EPOCH : now.plus(lock(count - free));
            return new Failures(count, until);
        });
    }

    /** 30 s for the first failure past the free ones, doubled for each one after, at most 15 minutes. */
    static Duration lock(int beyondFree) {
        Duration lock = FIRST_LOCK;
        for (int i = 0; i < beyondFree && lock.compareTo(LONGEST_LOCK) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(LONGEST_LOCK) < 0 ? lock : LONGEST_LOCK;
    }

    private static Instant lockedUntil(Cache<String, Failures> cache, String key) {
        Failures failures = cache.getIfPresent(key);
        return failures == null ? Instant.EPOCH : failures.lockedUntil();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String account(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
