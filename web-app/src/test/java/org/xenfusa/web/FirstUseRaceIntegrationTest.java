package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.readiness.ReadinessService;

/**
 * The board table and the gate file are stored at their first use. Two exports starting together (on two workers or
 * two instances) on a database that had neither both inserted them, and one export failed on the unique name (seen
 * when two exports were taken over at once). Now each is stored once and every first user reads it.
 */
@IntegrationTest
class FirstUseRaceIntegrationTest {
    private static final int THREADS = 4;
    private static final int ROUNDS = 5;

    @Autowired BoardTable boards;
    @Autowired ReadinessService readiness;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theBoardTableIsStoredOnceWhenSeveralUseItFirstAtOnce() throws Exception {
        firstUseRaces("board_catalog", () -> boards.catalog().boards().size());
    }

    @Test
    void theGateFileIsStoredOnceWhenSeveralUseItFirstAtOnce() throws Exception {
        firstUseRaces("readiness_gates", () -> readiness.stored().getText().length());
    }

    private void firstUseRaces(String table, Callable<Integer> firstUse) throws Exception {
        String kept = jdbc.queryForList("select text from " + table + " where name = 'default'", String.class).stream()
                .findFirst().orElse(null);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("delete from " + table + " where name = 'default'");
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> used = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    used.add(pool.submit(() -> {
                        start.await();
                        return firstUse.call();
                    }));
                }
                start.countDown();
                for (Future<Integer> f : used) {
                    assertThat(f.get()).as("round " + round).isPositive();
                }
                assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
            if (kept != null) {
                jdbc.update("update " + table + " set text = ? where name = 'default'", kept);
            }
        }
    }
}
