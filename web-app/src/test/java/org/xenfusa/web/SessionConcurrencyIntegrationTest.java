package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first requests of a new session arriving at once (a page and the requests it starts, several tabs) each store
 * the session's CSRF token in the database: they all answer 200. Before the PostgreSQL upsert, all but one of them
 * could fail with a duplicate key on the session's attributes and answer 500.
 */
@IntegrationTest
class SessionConcurrencyIntegrationTest {
    private static final int AT_ONCE = 16;

    @LocalServerPort int port;

    @Test
    void theFirstRequestsOfANewSessionAtOnceAllAnswer200() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < 4; round++) {
                WebSession session = WebSession.login(port, "admin", "test-admin-password");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpResponse<String>>> answers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return session.get("/jobs");
                    }));
                }
                start.countDown();
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                    assertThat(r.statusCode()).as("round %d: %s", round, r.body().lines().findFirst().orElse(""))
                            .isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
