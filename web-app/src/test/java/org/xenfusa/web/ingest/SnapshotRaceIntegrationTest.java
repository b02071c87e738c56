package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.IntegrationTest;
import org.xenfusa.web.SyntheticRepository;
import org.xenfusa.web.ingest.BlobCountStore.SnapshotEntry;
import org.xenfusa.web.ingest.BlobCountStore.StoredSnapshot;

/**
 * Issue 18: two requests covering the same commit at the same moment (REF {@code RELEASE-4.12.0} and TAGS
 * {@code RELEASE-4.12.0}, or a tag and its commit id) used to fail one job with a duplicate key on {@code snapshot}
 * (and a TAGS job failing so skipped its remaining tags), or to store the commit twice under two names. Now the commit
 * is stored once, every job succeeds, and each spelling finds the snapshot by name.
 */
@IntegrationTest
class SnapshotRaceIntegrationTest {
    static Path root;
    static SyntheticRepository synthetic;
    static List<RevCommit> releases = new ArrayList<>();

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired BlobCountStore store;
    @Autowired JdbcTemplate jdbc;

    @BeforeAll
    static void buildRepository() throws Exception {
        root = Files.createTempDirectory("fusa-snapshot-race");
        synthetic = SyntheticRepository.create(root);
        for (int release = 1; release <= 4; release++) {
            Map<String, String> files = new HashMap<>();
            for (int f = 0; f < 300; f++) {
                files.put("xen/common/r" + release + "/f" + f + ".c", SyntheticRepository.cFile("f" + release + f, 3));
            }
            releases.add(synthetic.commit("release " + release, "RELEASE-4.1" + release + ".0", files));
        }
    }

    @AfterAll
    static void close() {
        synthetic.close();
    }

    @Test
    void jobsStoringOneCommitAtTheSameMomentKeepOneSnapshotAndEveryName() throws Exception {
        SourceRepository repo = registrar.register("snapshot-race-store", synthetic.dir().toString(), "tester");
        RevCommit commit = releases.get(0);
        List<SnapshotEntry> files = new ArrayList<>();
        for (int f = 0; f < 5000; f++) {
            files.add(new SnapshotEntry("xen/f" + f + ".c", "0".repeat(39) + (f % 10)));
        }
        List<String> names = List.of("RELEASE-4.11.0", "RELEASE-4.11.0", commit.name(), "RELEASE-4.11.0~0");
        CyclicBarrier together = new CyclicBarrier(names.size());
        ExecutorService pool = Executors.newFixedThreadPool(names.size());
        List<StoredSnapshot> stored = new ArrayList<>();
        try {
            List<Future<StoredSnapshot>> saves = new ArrayList<>();
            for (String name : names) {
                saves.add(pool.submit(() -> {
                    together.await();
                    return store.saveSnapshot(repo.getId(), name, commit.name(), Instant.ofEpochSecond(commit.getCommitTime()),
                            "release 1", files, 1);
                }));
            }
            for (Future<StoredSnapshot> save : saves) {
                stored.add(save.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored).filteredOn(StoredSnapshot::created).as("one of them writes the snapshot").hasSize(1);
        assertThat(stored).extracting(StoredSnapshot::id).as("the others reuse it").containsOnly(stored.get(0).id());
        assertThat(jdbc.queryForObject("select count(*) from snapshot where repository_id = ?", Long.class, repo.getId()))
                .isOne();
        assertThat(jdbc.queryForObject("select count(*) from snapshot_file where snapshot_id = ?", Long.class,
                stored.get(0).id())).isEqualTo(5000);
        for (String name : names) {
            assertThat(snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repo.getId(), name))
                    .as(name).map(Snapshot::getId).contains(stored.get(0).id());
        }
    }

    @Test
    void aRefATagPatternAndACommitIdRequestedAtOnceAllSucceedWithOneSnapshotPerCommit() throws Exception {
        for (int round = 0; round < 3; round++) {
            SourceRepository repo = registrar.register("snapshot-race-jobs-" + round, synthetic.dir().toString(), "tester");
            List<IngestJob> requested = List.of(
                    ingest.request(repo.getId(), IngestMode.REF, "RELEASE-4.11.0", "tester"),
                    ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester"),
                    ingest.request(repo.getId(), IngestMode.REF, releases.get(2).name(), "tester"),
                    ingest.request(repo.getId(), IngestMode.REF, "refs/tags/RELEASE-4.14.0", "tester"));
            for (IngestJob job : requested) {
                IngestJob ended = awaitEnd(job);
                assertThat(ended.getState()).as(ended.getRefSpec() + ": " + ended.getMessage())
                        .isEqualTo(IngestState.SUCCEEDED);
            }
            List<Snapshot> stored = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId());
            assertThat(stored).extracting(Snapshot::getCommitSha).as("one snapshot per commit, every tag stored")
                    .containsExactlyInAnyOrderElementsOf(releases.stream().map(RevCommit::name).toList());
            for (String name : List.of("RELEASE-4.11.0", "RELEASE-4.12.0", "RELEASE-4.13.0", "RELEASE-4.14.0",
                    releases.get(2).name())) {
                assertThat(snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repo.getId(), name))
                        .as("found by the name " + name).isPresent();
            }
        }
    }

    private IngestJob awaitEnd(IngestJob job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            IngestJob j = jobs.findById(job.getId()).orElseThrow();
            if (!j.getState().isActive()) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job.getId() + " did not end within 90 s");
    }
}
