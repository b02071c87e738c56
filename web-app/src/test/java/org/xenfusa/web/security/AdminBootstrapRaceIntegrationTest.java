package org.xenfusa.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.xenfusa.web.IntegrationTest;
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.db.FreshDatabase;

/**
 * Issue 18: two instances starting together on an empty database both survive; one used to die with
 * {@code duplicate key ... app_user_username_key} from the first-ADMIN bootstrap's check-then-insert.
 */
@IntegrationTest
class AdminBootstrapRaceIntegrationTest {
    private static final int INSTANCES = 4;
    private static final int ROUNDS = 15;

    @Autowired EmbeddedDatabase server;

    @Test
    void instancesBootstrappingTogetherOnAnEmptyDatabaseAllStartAndMakeOneAdmin() throws Exception {
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        try (FreshDatabase db = FreshDatabase.create(server, "bootstrap_race")) {
            JdbcTemplate jdbc = db.jdbc();
            for (int round = 0; round < ROUNDS; round++) {
                jdbc.update("delete from app_user");
                CyclicBarrier together = new CyclicBarrier(INSTANCES);
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < INSTANCES; i++) {
                    AdminAccountBootstrap instance = new AdminAccountBootstrap(jdbc,
                            new JdbcTransactionManager(db.dataSource()), encoder, "correct horse battery staple", "admin");
                    starts.add(pool.submit(() -> {
                        together.await();
                        instance.run(null);
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(); // an instance whose bootstrap threw would fail its start
                }
                assertThat(jdbc.queryForList("select username, role from app_user"))
                        .as("round %d", round).hasSize(1)
                        .first().satisfies(row -> assertThat(row).containsEntry("username", "admin")
                                .containsEntry("role", "ADMIN"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void withoutAConfiguredPasswordTheAdminIsMadeOnceWithAGeneratedOne() {
        try (FreshDatabase db = FreshDatabase.create(server, "bootstrap_generated")) {
            JdbcTemplate jdbc = db.jdbc();
            BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(4);
            new AdminAccountBootstrap(jdbc, new JdbcTransactionManager(db.dataSource()), encoder, "", "admin").run(null);
            String hash = jdbc.queryForObject("select password_hash from app_user where username = 'admin'", String.class);
            new AdminAccountBootstrap(jdbc, new JdbcTransactionManager(db.dataSource()), encoder, "", "admin").run(null);
            assertThat(jdbc.queryForObject("select password_hash from app_user", String.class))
                    .as("a second start keeps the first ADMIN").isEqualTo(hash);
        }
    }
}
