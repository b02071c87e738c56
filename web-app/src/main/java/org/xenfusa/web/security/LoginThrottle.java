package org.xenfusa.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Failed logins counted per account and address, per address and per account, shared by every instance of the
 * platform when given the database's {@link LoginFailures} (in memory otherwise).
 * <ul>
 * <li>After {@value #PAIR_FREE_FAILURES} failures for one account from one address, that account is refused from that
 * address; after {@value #ADDRESS_FREE_FAILURES} from one address (whichever accounts they named), that address is
 * refused for every account. Refused without looking at the password, for 30 s, doubled with each further failure up
 * to 15 minutes.</li>
 * <li>The account itself is never locked: wrong passwords sent from elsewhere cannot lock its owner out of their own
 * address (the denial of service of the earlier per-account lock). Guessing one account from many addresses is still
 * slowed: once the account has had {@value #ACCOUNT_FREE_FAILURES} failures from all addresses together, every login
 * of it waits {@link #ACCOUNT_DELAY} before its password is checked.</li>
 * </ul>
 * A right password clears the count of its account at its address (not the address's: one good account must not reset
 * guessing); a count is forgotten an hour after its last failure.
 */
// [impl->dsn~login-throttle~1]
public final class LoginThrottle {
    static final int PAIR_FREE_FAILURES = 5;
    static final int ADDRESS_FREE_FAILURES = 30;
    static final int ACCOUNT_FREE_FAILURES = 20;
    static final Duration ACCOUNT_DELAY = Duration.ofSeconds(2);
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    /** The failures counted so far under one key, and until when logins are refused. */
    public record Failures(int count, Instant lockedUntil) {
    }

    /**
     * Where failures are counted: in the database for every instance ({@link JdbcLoginFailures}) or in this instance's
     * memory ({@link MemoryLoginFailures}).
     */
    public interface LoginFailures {
        /**
         * Counts one failure under {@code key} at {@code now} (a count whose last failure is older than
         * {@code forgetBefore} starts again at 1) and returns the new count.
         */
        int count(String key, Instant now, Instant forgetBefore);

        /** Sets how long logins under {@code key} are refused. */
        void lock(String key, Instant until);

        /** The failures under {@code key} still remembered (last failure at or after {@code forgetBefore}). */
        Optional<Failures> get(String key, Instant forgetBefore);

        void clear(String key);
    }

    private final Clock clock;
    private final LoginFailures failures;

    /** Counts in this instance's memory. */
    public LoginThrottle(Clock clock) {
        this(clock, new MemoryLoginFailures());
    }

    public LoginThrottle(Clock clock, LoginFailures failures) {
        this.clock = clock;
        this.failures = failures;
    }

    /** How long logins of {@code username} from {@code address} are still refused, if they are. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Instant forget = now.minus(FORGET_AFTER);
        Instant until = later(lockedUntil(pair(username, address), forget), lockedUntil(address(address), forget));
        return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** How long a login of {@code username} waits before its password is checked (zero unless under attack). */
    public Duration delayFor(String username) {
        Instant forget = clock.instant().minus(FORGET_AFTER);
        int count = failures.get(account(username), forget).map(Failures::count).orElse(0);
        return count >= ACCOUNT_FREE_FAILURES ? ACCOUNT_DELAY : Duration.ZERO;
    }

    /** Counts a wrong password (or an unknown user name) given for {@code username} from {@code address}. */
    public void failed(String username, String address) {
        count(pair(username, address), PAIR_FREE_FAILURES);
        count(address(address), ADDRESS_FREE_FAILURES);
        Instant now = clock.instant();
        failures.count(account(username), now, now.minus(FORGET_AFTER));
    }

    /** A right password clears the count of its account at its address (not the address's, nor the account's). */
    public void succeeded(String username, String address) {
        failures.clear(pair(username, address));
    }

    private void count(String key, int free) {
        Instant now = clock.instant();
        int count = failures.count(key, now, now.minus(FORGET_AFTER));
        if (count >= free) {
            failures.lock(key, now.plus(lock(count - free)));
        }
    }

    /** 30 s for the first failure past the free ones, doubled for each one after, at most 15 minutes. */
    static Duration lock(int beyondFree) {
        Duration lock = FIRST_LOCK;
        for (int i = 0; i < beyondFree && lock.compareTo(LONGEST_LOCK) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(LONGEST_LOCK) < 0 ? lock : LONGEST_LOCK;
    }

    private Instant lockedUntil(String key, Instant forgetBefore) {
        return failures.get(key, forgetBefore).map(Failures::lockedUntil).orElse(Instant.EPOCH);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static String account(String username) {
        return "account:" + normal(username);
    }

    private static String pair(String username, String address) {
        return "pair:" + normal(username) + "\n" + address;
    }

    private static String address(String address) {
        return "address:" + address;
    }

    private static String normal(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
