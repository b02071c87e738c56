package org.xenfusa.web.security;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.web.security.LoginThrottle.Failures;
import org.xenfusa.web.security.LoginThrottle.LoginFailures;

/**
 * Failed logins in the database (table {@code login_failure}), so that every instance of the platform counts the same
 * failures and a restart forgets none. Each count is one atomic upsert; rows whose last failure is more than an hour
 * old are deleted at most once a minute per instance, so that a flood of made-up names does not grow the table.
 */
final class JdbcLoginFailures implements LoginFailures {
    private static final Duration CLEAN_EVERY = Duration.ofMinutes(1);
    /** The column's size: a longer key (an absurd user name) is cut, which only merges absurd names. */
    private static final int MAX_KEY = 700;

    private final JdbcTemplate jdbc;
    private final AtomicReference<Instant> lastClean = new AtomicReference<>(Instant.EPOCH);

    JdbcLoginFailures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int count(String key, Instant now, Instant forgetBefore) {
        cleanUp(now, forgetBefore);
        Integer count = jdbc.queryForObject("""
                insert into login_failure (throttle_key, failures, locked_until, last_failure)
                values (?, 1, ?, ?)
                on conflict (throttle_key) do update set
                    failures = case when login_failure.last_failure < ? then 1 else login_failure.failures + 1 end,
                    locked_until = case when login_failure.last_failure < ? then excluded.locked_until
                                        else login_failure.locked_until end,
                    last_failure = excluded.last_failure
                returning failures""", Integer.class, key(key), Timestamp.from(Instant.EPOCH), Timestamp.from(now),
                Timestamp.from(forgetBefore), Timestamp.from(forgetBefore));
        return count == null ? 1 : count;
    }

    @Override
    public void lock(String key, Instant until) {
        // never shortens a lock another instance set meanwhile
        jdbc.update("update login_failure set locked_until = greatest(locked_until, ?) where throttle_key = ?",
                Timestamp.from(until), key(key));
    }

    @Override
    public Optional<Failures> get(String key, Instant forgetBefore) {
        List<Failures> found = jdbc.query("select failures, locked_until from login_failure where throttle_key = ?"
                + " and last_failure >= ?", (rs, i) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant()),
                key(key), Timestamp.from(forgetBefore));
        return found.stream().findFirst();
    }

    @Override
    public void clear(String key) {
        jdbc.update("delete from login_failure where throttle_key = ?", key(key));
    }

    private void cleanUp(Instant now, Instant forgetBefore) {
        Instant last = lastClean.get();
        if (now.isAfter(last.plus(CLEAN_EVERY)) && lastClean.compareAndSet(last, now)) {
            jdbc.update("delete from login_failure where last_failure < ?", Timestamp.from(forgetBefore));
        }
    }

    private static String key(String key) {
        return key.length() <= MAX_KEY ? key : key.substring(0, MAX_KEY);
    }
}
