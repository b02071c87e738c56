package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.platform.FusaProperties;

/**
 * Registering a URL clones in a background job, outside any request and transaction: against a server that accepts
 * and never answers (the issue: a connection of a pool of 10 held for 600 s), the request returns at once, no
 * database session sits in a transaction while the clone waits, the pages show "cloning", and the job fails with
 * its reason after the network timeout.
 */
@IntegrationTest
class CloneJobIntegrationTest {
    @LocalServerPort int port;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired FusaProperties properties;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aServerThatNeverAnswersHoldsNeitherTheRequestNorAConnection() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "https://127.0.0.1:" + silent.getLocalPort() + "/never.git";

            WebSession admin = WebSession.login(port, "admin", "test-admin-password");
            long t0 = System.nanoTime();
            HttpResponse<String> r = admin.post("/repositories", "name=silent&location=" + WebSession.enc(url), "/repositories");
            Duration request = Duration.ofNanos(System.nanoTime() - t0);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(request).as("the request returns at once").isLessThan(Duration.ofSeconds(2));
            SourceRepository repo = repositories.findByName("silent").orElseThrow();
            assertThat(repo.getCloneState()).isEqualTo(SourceRepository.CLONING);

            // while the job waits on the silent server: it got the connection, and no session is in a transaction
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (accepted.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(accepted).as("the clone job connected").isNotEmpty();
            assertThat(repositories.findById(repo.getId()).orElseThrow().getCloneState())
                    .isEqualTo(SourceRepository.CLONING);
            assertThat(jdbc.queryForObject("select count(*) from pg_stat_activity where datname = current_database()"
                    + " and state like 'idle in transaction%'", Long.class)).as("sessions idle in a transaction")
                    .isZero();
            assertThat(admin.get("/repositories").body()).contains("cloning");

            // then the network timeout ends it, with the reason on the pages
            deadline = System.nanoTime() + Duration.ofSeconds(properties.cloneTimeoutSeconds() + 30L).toNanos();
            SourceRepository ended = repo;
            while (System.nanoTime() < deadline && SourceRepository.CLONING.equals(ended.getCloneState())) {
                Thread.sleep(200);
                ended = repositories.findById(repo.getId()).orElseThrow();
            }
            assertThat(ended.getCloneState()).isEqualTo(SourceRepository.FAILED);
            assertThat(ended.getCloneMessage()).startsWith("Cannot clone " + url);
            assertThat(admin.get("/repositories/" + repo.getId()).body()).contains("The clone failed: Cannot clone");
            assertThat(admin.get("/repositories").body()).contains("clone failed");
        } finally {
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aRefusedConnectionFailsTheCloneWithItsReason() throws Exception {
        SourceRepository repo = registered("refused", "https://127.0.0.1:9/nothing.git");
        assertThat(repo.getCloneMessage()).startsWith("Cannot clone https://127.0.0.1:9/nothing.git");
    }

    private SourceRepository registered(String name, String url) throws Exception {
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        admin.post("/repositories", "name=" + name + "&location=" + WebSession.enc(url), "/repositories");
        SourceRepository repo = repositories.findByName(name).orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && SourceRepository.CLONING.equals(repo.getCloneState())) {
            Thread.sleep(200);
            repo = repositories.findById(repo.getId()).orElseThrow();
        }
        assertThat(repo.getCloneState()).isEqualTo(SourceRepository.FAILED);
        return repo;
    }
}
