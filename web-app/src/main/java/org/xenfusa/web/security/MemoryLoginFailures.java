package org.xenfusa.web.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.xenfusa.web.security.LoginThrottle.Failures;
import org.xenfusa.web.security.LoginThrottle.LoginFailures;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Failed logins in this instance's memory (a restart forgets them), bounded in size so that a flood of made-up names
 * cannot exhaust the memory. Used where the platform has no database (web slices); the platform counts in the
 * database ({@link JdbcLoginFailures}).
 */
final class MemoryLoginFailures implements LoginFailures {
    private static final int MAX_ENTRIES = 100_000;

    /** A count and when its last failure was. */
    private record Entry(Failures failures, Instant last) {
    }

    private final Cache<String, Entry> entries = Caffeine.newBuilder().maximumSize(MAX_ENTRIES)
            .expireAfterAccess(Duration.ofHours(2)).build();

    @Override
    public int count(String key, Instant now, Instant forgetBefore) {
        return entries.asMap().compute(key, (k, old) -> {
            boolean fresh = old == null || old.last().isBefore(forgetBefore);
            int count = fresh ? 1 : old.failures().count() + 1;
            Instant until = fresh ? Instant.EPOCH : old.failures().lockedUntil();
            return new Entry(new Failures(count, until), now);
        }).failures().count();
    }

    @Override
    public void lock(String key, Instant until) {
        entries.asMap().computeIfPresent(key, (k, old) -> new Entry(new Failures(old.failures().count(),
                until.isAfter(old.failures().lockedUntil()) ? until : old.failures().lockedUntil()), old.last()));
    }

    @Override
    public Optional<Failures> get(String key, Instant forgetBefore) {
        Entry e = entries.getIfPresent(key);
        return e == null || e.last().isBefore(forgetBefore) ? Optional.empty() : Optional.of(e.failures());
    }

    @Override
    public void clear(String key) {
        entries.invalidate(key);
    }
}
