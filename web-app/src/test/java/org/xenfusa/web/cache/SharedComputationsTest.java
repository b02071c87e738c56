package org.xenfusa.web.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Identical requests at the same time share one computation; a failure is shared, never kept. */
class SharedComputationsTest {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Waits until a request thread parks waiting for another's computation (the first one waits on its latch). */
    private static void awaitWaiting(ExecutorService pool, int parkedInJoin) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            long parked = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getName().startsWith("request-"))
                    .filter(e -> java.util.Arrays.stream(e.getValue())
                            .anyMatch(f -> f.getClassName().equals(java.util.concurrent.CompletableFuture.class.getName())
                                    && f.getMethodName().equals("join")))
                    .count();
            if (parked >= parkedInJoin) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no request waits for the shared computation");
    }

    @Test
    void twoConcurrentIdenticalRequestsRunTheComputationOnce() throws Exception {
        SharedComputations<String> shared = new SharedComputations<>(10);
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "request-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> first = pool.submit(() -> shared.get("k", () -> {
                runs.incrementAndGet();
                started.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                return "value";
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            // the second request arrives while the first computes: it must wait for it, not compute again
            Future<String> second = pool.submit(() -> shared.get("k", () -> {
                runs.incrementAndGet();
                return "another value";
            }));
            awaitWaiting(pool, 1);
            assertThat(second.isDone()).as("the second request waits for the first computation").isFalse();
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("value");
            assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("value");
            assertThat(runs).hasValue(1);
            assertThat(shared.computations()).isEqualTo(1);
            // a later request is answered from the cache
            assertThat(shared.get("k", () -> "again")).isEqualTo("value");
            assertThat(shared.computations()).isEqualTo(1);
            // another key is another computation
            assertThat(shared.get("other", () -> "other")).isEqualTo("other");
            assertThat(shared.computations()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotKept() throws Exception {
        SharedComputations<String> shared = new SharedComputations<>(10);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "request-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            Future<String> first = pool.submit(() -> shared.get("k", () -> {
                started.countDown();
                assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
                throw new IOException("disk gone");
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> shared.get("k", () -> "not computed"));
            awaitWaiting(pool, 1);
            release.countDown();
            assertThatThrownBy(first::get).hasCauseInstanceOf(IOException.class).hasMessageContaining("disk gone");
            assertThatThrownBy(second::get).hasCauseInstanceOf(IOException.class).hasMessageContaining("disk gone");
            // the failure is not kept: the next request computes again
            assertThat(shared.get("k", () -> "recovered")).isEqualTo("recovered");
        } finally {
            pool.shutdownNow();
        }
    }
}
