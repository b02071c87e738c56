package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.internal.storage.file.FileRepository;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
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
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.platform.InstanceId;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Issue 18, work as many small tasks: two instances of the platform (this test's and a second Spring context in the
 * same JVM) on one database. One ingest of many tags runs as one task per tag on both instances' workers; the second
 * instance stops in the middle (as on SIGTERM) and hands its running tag back, which this one finishes; every tag is
 * stored once and no blob is counted twice, though neighbouring tags share half their blobs and ran at the same
 * moment. Overlapping requests sent to both instances at once store one snapshot per commit. (A second instance
 * killed with SIGKILL: {@link FailoverIntegrationTest}.)
 */
// [utest->dsn~ingest-tasks~1] [utest->err~job-lost~1]
@IntegrationTest
class ScaleOutIntegrationTest {
    private static final int FILES = 300;

    @Autowired EmbeddedDatabase database;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired Scheduler scheduler;
    @Autowired InstanceId instance;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theTasksOfOneIngestSpreadOverBothInstancesAndTheOneThatStopsHandsItsRefBack() throws Exception {
        int tags = 14;
        Path repo = repository(Files.createTempDirectory("fusa-scale-out"), "spread", tags);
        SourceRepository source = registrar.register("scale-out-spread", repo.toString(), "tester");
        IngestJob job;
        List<String> secondRan;
        // this instance's workers stand aside until the second has planned the job and started on its refs
        scheduler.pause();
        try (SecondInstance second = SecondInstance.start(database, "second-instance", Map.of())) {
            job = second.bean(IngestService.class).request(source.getId(), IngestMode.TAGS, "SPREAD-*", "tester");
            long id = job.getId();
            await(() -> count("select count(*) from ingest_task where job_id = ? and instance_id = 'second-instance'",
                    id) >= 1, "the second instance runs refs");
            // it takes no more refs (it finishes those it fetched already: its workers are quick), and stops in the
            // middle of the job as an operator stops an instance (SIGTERM closes the context): a ref still running
            // goes back to the queue at once, not left RUNNING for the dead-worker detection
            second.bean(Scheduler.class).pause();
            secondRan = jdbc.queryForList("select ref_name from ingest_task where job_id = ? and instance_id ="
                    + " 'second-instance'", String.class, id);
            second.close();
            assertThat(count("select count(*) from ingest_task where job_id = ? and instance_id = 'second-instance'"
                    + " and state = 'RUNNING'", id)).as("nothing left running on the stopped instance").isZero();
            assertThat(count("select count(*) from ingest_task where job_id = ? and state = 'QUEUED'", id))
                    .as("refs left for this instance").isPositive();
        } finally {
            scheduler.resume();
        }
        IngestJob ended = awaitEnd(job);
        assertThat(ended.getState()).as(ended.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(ended.getMessage()).startsWith(tags + " ref(s), " + tags + " new snapshot(s)")
                .doesNotContain("taken over");
        assertThat(secondRan).as("refs the second instance ran").isNotEmpty();
        assertThat(count("select count(*) from ingest_task where job_id = ? and instance_id = ?", job.getId(),
                instance.name())).as("refs this instance ran").isPositive();
        assertThat(ended.getInstanceId()).as("the job names both").contains("second-instance", instance.name());
        List<Snapshot> stored = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(source.getId());
        assertThat(stored).extracting(Snapshot::getRefName).as("every tag once").containsExactlyElementsOf(
                IntStream.rangeClosed(1, tags).mapToObj("SPREAD-%02d"::formatted).toList());
        assertThat(stored).as("each whole").allSatisfy(s -> assertThat(s.getFileCount()).isEqualTo(FILES));
        assertThat(count("select count(*) from snapshot_file f join snapshot s on s.id = f.snapshot_id"
                + " left join blob_count b on b.blob_id = f.blob_id and b.file_name = regexp_replace(f.path, '^.*/', '')"
                + " where s.repository_id = ? and b.blob_id is null", source.getId())).as("every file has its count")
                .isZero();
        // the blobs only this repository has (its contents name it): each counted by exactly one task
        long distinct = count("select count(distinct (f.blob_id, regexp_replace(f.path, '^.*/', ''))) from"
                + " snapshot_file f join snapshot s on s.id = f.snapshot_id where s.repository_id = ?", source.getId());
        assertThat(ended.getFilesCounted()).as("no blob counted twice").isEqualTo((int) distinct);
        assertThat(distinct).as("neighbouring tags share half their blobs").isEqualTo(FILES + (tags - 1) * FILES / 2);
        assertThat(count("select count(*) from blob_claim where lease_until <> 'infinity' and claimed_by like ?",
                "second-instance task %")).as("the stopped instance's open claims were given up").isZero();
    }

    @Test
    void overlappingRequestsSentToBothInstancesAtOnceStoreOneSnapshotPerCommit() throws Exception {
        int tags = 6;
        Path repo = repository(Files.createTempDirectory("fusa-scale-out"), "overlap", tags);
        SourceRepository source = registrar.register("scale-out-overlap", repo.toString(), "tester");
        String third;
        try (Repository r = new FileRepository(repo.resolve(".git").toFile())) {
            third = r.resolve("OVERLAP-03^{commit}").name();
        }
        try (SecondInstance second = SecondInstance.start(database, "overlap-instance", Map.of())) {
            IngestService other = second.bean(IngestService.class);
            List<Callable<IngestJob>> requests = List.of(
                    () -> ingest.request(source.getId(), IngestMode.TAGS, "OVERLAP-*", "tester"),
                    () -> other.request(source.getId(), IngestMode.TAGS, "OVERLAP-0*", "tester"),
                    () -> other.request(source.getId(), IngestMode.REF, "OVERLAP-03", "tester"),
                    () -> ingest.request(source.getId(), IngestMode.REF, third, "tester"));
            CyclicBarrier together = new CyclicBarrier(requests.size());
            ExecutorService pool = Executors.newFixedThreadPool(requests.size());
            List<Future<IngestJob>> sent = new ArrayList<>();
            try {
                for (Callable<IngestJob> request : requests) {
                    sent.add(pool.submit(() -> {
                        together.await();
                        return request.call();
                    }));
                }
                for (Future<IngestJob> f : sent) {
                    IngestJob ended = awaitEnd(f.get());
                    assertThat(ended.getState()).as(ended.getDescription() + ": " + ended.getMessage())
                            .isEqualTo(IngestState.SUCCEEDED);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        List<Snapshot> stored = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(source.getId());
        assertThat(stored).extracting(Snapshot::getCommitSha).as("one snapshot per commit").doesNotHaveDuplicates()
                .hasSize(tags);
        assertThat(stored).extracting(Snapshot::getRefName).as("named after a tag or the commit id that asked first")
                .allMatch(n -> n.startsWith("OVERLAP-") || n.equals(third));
        Snapshot s3 = stored.stream().filter(s -> s.getCommitSha().equals(third)).findFirst().orElseThrow();
        List<String> names = new ArrayList<>(snapshots.aliases(s3.getId()));
        names.add(s3.getRefName());
        assertThat(names).as("both spellings find the third commit").contains("OVERLAP-03", third);
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 120 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    private IngestJob awaitEnd(IngestJob job) throws InterruptedException {
        Predicate<IngestJob> ended = j -> !j.getState().isActive();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        IngestJob j = jobs.findById(job.getId()).orElseThrow();
        while (!ended.test(j) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            j = jobs.findById(job.getId()).orElseThrow();
        }
        return j;
    }

    /**
     * {@code tags} tags {@code PREFIX-nn} of {@value #FILES} C files each; every tag rewrites half the files (those of
     * its parity), so neighbouring tags share half their blobs. The contents name the repository: no other test's
     * blob is the same. Written straight into one pack (no working tree).
     */
    private static Path repository(Path dir, String name, int tags) throws Exception {
        String prefix = name.toUpperCase(java.util.Locale.ROOT);
        try (SyntheticRepository synthetic = SyntheticRepository.create(Files.createDirectories(dir))) {
            Repository r = synthetic.git().getRepository();
            ObjectId parent = null;
            Map<String, ObjectId> refs = new LinkedHashMap<>();
            int[] version = new int[FILES];
            try (ObjectInserter in = ((FileRepository) r).getObjectDatabase().newPackInserter()) {
                for (int v = 1; v <= tags; v++) {
                    DirCache index = DirCache.newInCore();
                    DirCacheBuilder tree = index.builder();
                    for (int i = 0; i < FILES; i++) {
                        if (v == 1 || i % 2 == v % 2) {
                            version[i] = v;
                        }
                        StringBuilder c = new StringBuilder("/* " + name + " " + dir.getFileName() + " file " + i
                                + ", version " + version[i] + " */\n");
                        for (int l = 0; l < 30; l++) {
                            c.append("int g").append(i).append('_').append(l).append(" = ").append(version[i])
                                    .append(";\n");
                        }
                        DirCacheEntry e = new DirCacheEntry("xen/common/g%03d.c".formatted(i));
                        e.setFileMode(FileMode.REGULAR_FILE);
                        e.setObjectId(in.insert(Constants.OBJ_BLOB, c.toString().getBytes(StandardCharsets.UTF_8)));
                        tree.add(e);
                    }
                    tree.finish();
                    PersonIdent who = new PersonIdent("Test", "test@example.org",
                            Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * v), ZoneOffset.UTC);
                    CommitBuilder commit = new CommitBuilder();
                    commit.setTreeId(index.writeTree(in));
                    if (parent != null) {
                        commit.setParentId(parent);
                    }
                    commit.setAuthor(who);
                    commit.setCommitter(who);
                    commit.setMessage(name + " " + v + "\n");
                    parent = in.insert(commit);
                    refs.put(Constants.R_TAGS + prefix + "-%02d".formatted(v), parent);
                }
                refs.put("refs/heads/main", parent);
                in.flush();
            }
            for (var ref : refs.entrySet()) {
                RefUpdate u = r.updateRef(ref.getKey());
                u.setNewObjectId(ref.getValue());
                assertThat(u.forceUpdate()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
            }
            return synthetic.dir();
        }
    }
}
