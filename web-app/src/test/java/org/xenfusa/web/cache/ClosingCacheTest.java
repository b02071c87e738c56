package org.xenfusa.web.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** An open value is closed once evicted and returned, and never while a lease on it is open. */
class ClosingCacheTest {
    /** A resource that records being closed and refuses use afterwards, as a closed tree reader would fail. */
    private static final class Resource implements AutoCloseable {
        private static final AtomicInteger opened = new AtomicInteger();
        final String key;
        volatile boolean closed;
        volatile int closes;

        Resource(String key) {
            this.key = key;
            opened.incrementAndGet();
        }

        String use() {
            if (closed) {
                throw new IllegalStateException(key + " used after it was closed");
            }
            return key;
        }

        @Override
        public void close() {
            closes++;
            closed = true;
        }
    }

    private final List<Exception> closeFailures = new ArrayList<>();
    private final Queue<Resource> created = new ConcurrentLinkedQueue<>();

    private Resource open(String key) {
        Resource r = new Resource(key);
        created.add(r);
        return r;
    }

    @Test
    void aValueEvictedWhileBorrowedStaysOpenUntilItsLeaseIsClosed() {
        ClosingCache<String, Resource> cache = new ClosingCache<>(4, closeFailures::add);
        Resource outer;
        try (var lease = cache.borrow("outer", () -> open("outer"))) {
            outer = lease.value();
            // a page comparing commits opens more trees inside the first one than the cache keeps, and uses them
            // more often than the first (Caffeine keeps the more frequently used)
            for (int round = 0; round < 20 && cache.contains("outer"); round++) {
                for (int i = 0; i < 6; i++) {
                    String key = "inner-" + i;
                    try (var inner = cache.borrow(key, () -> open(key))) {
                        assertThat(inner.value().use()).isEqualTo(key);
                    }
                    assertThat(outer.use()).isEqualTo("outer");
                }
            }
            assertThat(cache.contains("outer")).as("evicted by keys used more often").isFalse();
            assertThat(outer.closed).isFalse();
            assertThat(outer.use()).isEqualTo("outer");
        }
        assertThat(outer.closed).as("closed when its lease is").isTrue();
        assertThat(outer.closes).isEqualTo(1);
    }

    @Test
    void evictedValuesAreClosedOnceAndTheCachedOnesStayOpen() {
        ClosingCache<String, Resource> cache = new ClosingCache<>(3, closeFailures::add);
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 12; i++) {
                String key = "k" + i;
                try (var lease = cache.borrow(key, () -> open(key))) {
                    lease.value().use();
                }
            }
        }
        long open = created.stream().filter(r -> !r.closed).count();
        assertThat(open).as("open values never exceed the bound once nothing is borrowed").isLessThanOrEqualTo(3);
        for (Resource r : created) {
            assertThat(r.closes).as(r.key).isLessThanOrEqualTo(1);
            if (!r.closed) {
                assertThat(cache.contains(r.key)).as(r.key + " is open, so it must still be cached").isTrue();
            }
        }
        assertThat(closeFailures).isEmpty();
    }

    @Test
    void aHitReusesTheOpenValue() {
        ClosingCache<String, Resource> cache = new ClosingCache<>(3, closeFailures::add);
        Resource first;
        try (var lease = cache.borrow("a", () -> open("a"))) {
            first = lease.value();
        }
        try (var lease = cache.borrow("a", () -> open("a"))) {
            assertThat(lease.value()).isSameAs(first);
        }
        assertThat(created).hasSize(1);
    }

    @Test
    void manyThreadsNeverUseAClosedValueAndLeaveNoEvictedValueOpen() throws Exception {
        ClosingCache<String, Resource> cache = new ClosingCache<>(4, closeFailures::add);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 2000; i++) {
                    String key = "k" + random.nextInt(16);
                    try (var lease = cache.borrow(key, () -> open(key))) {
                        Resource r = lease.value();
                        r.use();
                        if (random.nextInt(4) == 0) {
                            String other = "k" + random.nextInt(16);
                            try (var inner = cache.borrow(other, () -> open(other))) {
                                inner.value().use();
                            }
                        }
                        Thread.yield();
                        r.use();
                    } catch (IllegalStateException e) {
                        failures.add(e);
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("values used after they were closed").isEmpty();
        for (Resource r : created) {
            assertThat(r.closes).as(r.key).isLessThanOrEqualTo(1);
        }
        long open = created.stream().filter(r -> !r.closed).count();
        assertThat(open).as("only the cached values stay open").isLessThanOrEqualTo(4);
        assertThat(created.size()).as("the workload did evict").isGreaterThan(16);
        assertThat(closeFailures).isEmpty();
    }
}
