package org.xenfusa.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A bounded cache of open resources (Caffeine) that closes a value once it is evicted and no caller borrows it any more:
 * a value evicted while borrowed (a page that opens a second tree inside the first, or another thread) stays open until
 * its last lease is closed.
 *
 * <p>Caffeine evicts in a maintenance pass that may run on another thread; here every cache access and every eviction
 * runs in the calling thread under this object's monitor ({@code executor(Runnable::run)}, and the eviction listener is
 * synchronous), so the borrow count and the eviction mark never race.
 */
public final class ClosingCache<K, V extends AutoCloseable> {
    /** Opens the value of a key that is not (or no longer) cached. */
    @FunctionalInterface
    public interface Opener<V, E extends Exception> {
        V open() throws E;
    }

    /** What to do when closing an evicted value fails (it is dropped either way). */
    @FunctionalInterface
    public interface CloseFailureHandler {
        void failed(Exception e);
    }

    /** One borrowing of a value; closing the lease returns it (and closes the value if it was evicted meanwhile). */
    public final class Lease implements AutoCloseable {
        private final Slot<V> slot;
        private boolean returned;

        private Lease(Slot<V> slot) {
            this.slot = slot;
        }

        public V value() {
            return slot.value;
        }

        @Override
        public void close() {
            synchronized (ClosingCache.this) {
                if (returned) {
                    return;
                }
                returned = true;
                slot.borrowers--;
                if (slot.borrowers == 0 && slot.evicted) {
                    closeQuietly(slot);
                }
            }
        }
    }

    private static final class Slot<V extends AutoCloseable> {
        final V value;
        int borrowers;
        boolean evicted;
        boolean closed;

        Slot(V value) {
            this.value = value;
        }
    }

    private final Cache<K, Slot<V>> cache;
    private final CloseFailureHandler onCloseFailure;

    /** At most {@code maximumSize} values cached; evicted ones are closed once returned. */
    public ClosingCache(int maximumSize, CloseFailureHandler onCloseFailure) {
        this.onCloseFailure = onCloseFailure;
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run)
                .<K, Slot<V>>evictionListener((key, slot, cause) -> evicted(slot)).build();
    }

    /**
     * Borrows the value of {@code key}, opening it with {@code opener} when it is not cached; the value is not closed
     * before the lease is, even when the cache evicts it meanwhile. Use in try-with-resources.
     */
    public synchronized <E extends Exception> Lease borrow(K key, Opener<V, E> opener) throws E {
        Slot<V> slot = cache.getIfPresent(key);
        if (slot == null || slot.closed) {
            slot = new Slot<>(opener.open());
            // borrowed before it is cached: if the cache evicts it straight away, the lease still holds it open
            slot.borrowers = 1;
            cache.put(key, slot);
        } else {
            slot.borrowers++;
        }
        cache.cleanUp();
        return new Lease(slot);
    }

    /** True when {@code key} is cached now. */
    public synchronized boolean contains(K key) {
        return cache.getIfPresent(key) != null;
    }

    private synchronized void evicted(Slot<V> slot) {
        if (slot == null) {
            return;
        }
        slot.evicted = true;
        if (slot.borrowers == 0) {
            closeQuietly(slot);
        }
    }

    private void closeQuietly(Slot<V> slot) {
        if (slot.closed) {
            return;
        }
        slot.closed = true;
        try {
            slot.value.close();
        } catch (Exception e) {
            onCloseFailure.failed(e);
        }
    }
}
