package org.xenfusa.web.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache (Caffeine) whose values are computed once per key: a request that asks for a key
 * while another request computes it waits for that computation and shares its result instead of
 * starting its own, so that any number of identical requests cost the server one computation.
 * The computation runs in the thread of the first request (inside its transaction, if any); a
 * failed computation is not kept, and every request that waited for it gets its exception.
 */
public final class SharedComputations<V> {
    /** A computation that may fail with the checked exception {@code E}. */
    @FunctionalInterface
    public interface Computation<V, E extends Exception> {
        V compute() throws E;
    }

    private final AsyncCache<String, V> cache;
    private final AtomicLong computed = new AtomicLong();

    public SharedComputations(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).buildAsync();
    }

    /**
     * Keeps values up to a total {@code weight} as {@code weigher} weighs each (e.g. by the items a value holds), for
     * values whose size varies by orders of magnitude: a count of entries would let a few big ones fill the memory.
     */
    public SharedComputations(long maximumWeight, java.util.function.ToIntFunction<V> weigher) {
        this.cache = Caffeine.newBuilder().maximumWeight(maximumWeight)
                .weigher((String key, V value) -> weigher.applyAsInt(value)).buildAsync();
    }

    /** The value for {@code key}: kept, being computed by another request (then waited for), or computed now. */
    public <E extends Exception> V get(String key, Computation<V, E> work) throws E {
        return compute(key, work, true);
    }

    /**
     * The value for {@code key} computed now, or by the request already computing it (then waited for); unlike
     * {@link #get} the value is not kept once computed, for results that must follow every change of their data.
     */
    public <E extends Exception> V share(String key, Computation<V, E> work) throws E {
        return compute(key, work, false);
    }

    private <E extends Exception> V compute(String key, Computation<V, E> work, boolean keep) throws E {
        ConcurrentMap<String, CompletableFuture<V>> map = cache.asMap();
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = map.putIfAbsent(key, mine);
        if (theirs == null) {
            computed.incrementAndGet();
            boolean done = false;
            try {
                V value = work.compute();
                mine.complete(value);
                done = true;
                return value;
            } catch (Exception | Error e) {
                mine.completeExceptionally(e);
                throw e;
            } finally {
                if (!done || !keep) {
                    map.remove(key, mine);
                }
            }
        }
        try {
            return theirs.join();
        } catch (CompletionException e) {
            throw SharedComputations.<E>rethrow(e.getCause() == null ? e : e.getCause());
        }
    }

    /** The value kept for {@code key}, if it is computed (never waits, never computes). */
    public java.util.Optional<V> ifComputed(String key) {
        CompletableFuture<V> f = cache.asMap().get(key);
        return f != null && f.isDone() && !f.isCompletedExceptionally() ? java.util.Optional.ofNullable(f.join())
                : java.util.Optional.empty();
    }

    /** How many computations were started since the platform started (a figure for tests and monitoring). */
    public long computations() {
        return computed.get();
    }

    /** Forgets every kept value (computations under way finish for those that wait on them). */
    public void clear() {
        cache.synchronous().invalidateAll();
    }

    /** The waiting request fails as the computing one did: with the computation's own exception. */
    @SuppressWarnings("unchecked")
    private static <E extends Exception> E rethrow(Throwable t) throws E {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error r) {
            throw r;
        }
        throw (E) t;
    }
}
