package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.trace.SnapshotTrees;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Issue 18: a repository registered by URL was cloned into the registering instance's data folder and that path
 * stored in the shared database, so another host could not ingest it. Now the database keeps the URL and each
 * instance clones it into its own cache when it first needs it: registered here (a git:// server of a synthetic bare
 * repository), ingested by a second instance with another data folder, read here at a tag only the second has seen.
 * A URL that cannot be cloned is a clear error and loses nothing.
 */
@IntegrationTest
class UrlRepositoryOnTwoInstancesIntegrationTest {
    @Autowired EmbeddedDatabase database;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired RepositoryStorage storage;
    @Autowired SnapshotTrees trees;
    @Autowired Scheduler scheduler;
    @Autowired FusaProperties properties;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @Test
    void aUrlRegisteredOnOneInstanceIsIngestedByAnotherWithItsOwnDataFolder() throws Exception {
        Path tmp = Files.createTempDirectory("fusa-url-two-instances");
        try (GitServer server = GitServer.start(Files.createDirectories(tmp.resolve("served")))) {
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("RELEASE-1.0", "xen/common/a.c");
            SyntheticRepository work = server.publishNew("shared", Files.createDirectories(tmp.resolve("work")), tags);

            SourceRepository repo = registrar.register("shared-by-url", server.url("shared"), "tester");
            repo = awaitClone(repo.getId());
            assertThat(repo.getCloneState()).as(repo.getCloneMessage()).isEqualTo(SourceRepository.READY);
            assertThat(jdbc.queryForObject("select git_dir from source_repository where id = ?", String.class,
                    repo.getId())).as("no instance's folder in the shared database").isNull();
            assertThat(storage.cloneFolder(repo.getId())).as("the registration's clone, here").isDirectory()
                    .startsWith(properties.dataDir());

            // pushed after this instance cloned it
            work.commit("two", "RELEASE-2.0", Map.of("xen/common/b.c", SyntheticRepository.cFile("b", 7)));
            server.publish("shared", work);
            String release2 = work.git().getRepository().resolve("RELEASE-2.0^{commit}").name();
            work.close();

            IngestJob job;
            try (SecondInstance second = SecondInstance.start(database, "url-second-instance", Map.of())) {
                Path secondData = second.bean(FusaProperties.class).dataDir();
                assertThat(secondData).isNotEqualTo(properties.dataDir());
                scheduler.pause(); // the second instance's workers take the job
                try {
                    job = ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
                    job = await(job, j -> !j.getState().isActive(), Duration.ofSeconds(120));
                } finally {
                    scheduler.resume();
                }
                assertThat(job.getState()).as(job.getMessage()).isEqualTo(IngestState.SUCCEEDED);
                assertThat(job.getInstanceId()).isEqualTo("url-second-instance");
                assertThat(second.bean(RepositoryStorage.class).cloneFolder(repo.getId()))
                        .as("cloned into the second instance's own cache").isDirectory().startsWith(secondData);
            }
            List<Snapshot> stored = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId());
            assertThat(stored).extracting(Snapshot::getRefName).containsExactly("RELEASE-1.0", "RELEASE-2.0");

            // this instance reads the tag only the second one had seen: its clone fetches it
            Snapshot two = stored.get(1);
            assertThat(trees.with(registered(repo.getId()), two.getCommitSha(), SnapshotTrees.OpenTree::commit)).isEqualTo(release2);
            WebSession admin = WebSession.login(port, "admin", "test-admin-password");
            assertThat(admin.get("/repositories/" + repo.getId()).body()).contains("this instance&#39;s clone, "
                    + storage.cloneFolder(repo.getId()));

            // the server gone: an ingest fails with the reason, and nothing stored is lost
            server.close();
            Thread.sleep(6_000); // past the freshness of the last fetch
            IngestJob failed = await(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-1.0", "tester"),
                    j -> !j.getState().isActive(), Duration.ofSeconds(60));
            assertThat(failed.getState()).isEqualTo(IngestState.FAILED);
            assertThat(failed.getMessage()).startsWith("Cannot fetch " + server.url("shared"));
            assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId())).hasSize(2);
            assertThat(repositories.findById(repo.getId()).orElseThrow().getCloneState())
                    .isEqualTo(SourceRepository.READY);
            assertThat(trees.with(registered(repo.getId()), two.getCommitSha(), SnapshotTrees.OpenTree::commit)).as("the clone still serves the pages").isEqualTo(release2);
        }
    }

    @Test
    void aUrlWithNoRepositoryBehindItFailsItsCloneWithTheReasonAndLeavesNothing() throws Exception {
        Path tmp = Files.createTempDirectory("fusa-url-missing");
        try (GitServer server = GitServer.start(Files.createDirectories(tmp.resolve("served")))) {
            SourceRepository repo = awaitClone(registrar.register("nothing-there", server.url("nothing-there"),
                    "tester").getId());
            assertThat(repo.getCloneState()).isEqualTo(SourceRepository.FAILED);
            assertThat(repo.getCloneMessage()).startsWith("Cannot clone " + server.url("nothing-there") + ": ");
            assertThat(storage.cloneFolder(repo.getId())).doesNotExist();
            try (var left = Files.list(storage.cloneFolder(repo.getId()).getParent())) {
                assertThat(left.map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.startsWith(repo.getId() + ".git"));
            }
            IngestJob job = await(ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester"),
                    j -> !j.getState().isActive(), Duration.ofSeconds(60));
            assertThat(job.getState()).isEqualTo(IngestState.FAILED);
            assertThat(job.getMessage()).contains("the clone of 'nothing-there' failed (Cannot clone");
        }
    }

    private SourceRepository registered(long id) {
        return repositories.findById(id).orElseThrow();
    }

    private SourceRepository awaitClone(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        SourceRepository r = repositories.findById(id).orElseThrow();
        while (System.nanoTime() < deadline && SourceRepository.CLONING.equals(r.getCloneState())) {
            Thread.sleep(100);
            r = repositories.findById(id).orElseThrow();
        }
        return r;
    }

    private IngestJob await(IngestJob job, Predicate<IngestJob> done, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        IngestJob j = job;
        while (System.nanoTime() < deadline) {
            j = jobs.findById(job.getId()).orElseThrow();
            if (done.test(j)) {
                return j;
            }
            Thread.sleep(100);
        }
        return j;
    }
}
