package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
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
import org.xenfusa.sloc.report.SlocReport;
import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.report.SlocRow;
import org.xenfusa.web.ingest.IngestJobs;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.ingest.SnapshotIngester;
import org.xenfusa.web.sloc.SlocService;

/** Registration, ingestion, the blob cache and failure handling, through the real context and database. */
@IntegrationTest
class IngestIntegrationTest {
    static Path root;
    static SyntheticRepository synthetic;

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired SlocService sloc;
    @Autowired JdbcTemplate jdbc;
    @Autowired SnapshotIngester ingester;

    @BeforeAll
    static void buildRepository() throws Exception {
        root = Files.createTempDirectory("fusa-ingest-test");
        synthetic = SyntheticRepository.create(root);
        synthetic.commit("first", "RELEASE-4.0.0", Map.of(
                "xen/common/sched.c", SyntheticRepository.cFile("sched", 10),
                "xen/arch/arm/setup.c", SyntheticRepository.cFile("setup", 5),
                "xen/include/xen/lib.h", "#ifndef LIB_H\n#define LIB_H\n/* lib */\nint lib(void);\n#endif\n",
                "xen/Makefile", "# top\nobj-y += common/\n\nall:\n\techo done\n",
                "README", "plain text, not a language\n",
                "docs/odd\tname\\with back-slash.txt", "a path with a tab and a back-slash\n"));
        // second tag: one file changed, one added, the rest unchanged
        synthetic.commit("second", "RELEASE-4.1.0", Map.of(
                "xen/common/sched.c", SyntheticRepository.cFile("sched", 12),
                "xen/drivers/char/uart.c", SyntheticRepository.cFile("uart", 7)));
        // a copy of a file under another name: cloc counts identical content once
        synthetic.commit("third", "RELEASE-4.2.0", Map.of(
                "xen/arch/x86/setup.c", SyntheticRepository.cFile("setup", 5)));
        synthetic.commit("untagged work", null, Map.of("xen/common/new.c", SyntheticRepository.cFile("n", 1)));
    }

    @AfterAll
    static void close() {
        synthetic.close();
    }

    private SourceRepository register(String name) throws InvalidInputException {
        return registrar.register(name, synthetic.dir().toString(), "tester");
    }

    private IngestJob awaitEnd(IngestJob job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            IngestJob j = jobs.findById(job.getId()).orElseThrow();
            if (!j.getState().isActive()) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + job.getId() + " did not end within 60 s");
    }

    @Test
    void ingestsAllTagsCountingEachBlobOnce() throws Exception {
        SourceRepository repo = register("tags-repo");
        IngestJob job = awaitEnd(ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester"));

        assertThat(job.getState()).as(job.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        List<Snapshot> list = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId());
        assertThat(list).extracting(Snapshot::getRefName)
                .containsExactlyInAnyOrder("RELEASE-4.0.0", "RELEASE-4.1.0", "RELEASE-4.2.0");
        // a path that COPY's text format must escape comes back unchanged
        assertThat(jdbc.queryForList("select path from snapshot_file where path like 'docs/%'", String.class))
                .contains("docs/odd\tname\\with back-slash.txt");
        // 6 files in the first tag; the second adds a changed sched.c and uart.c; the third adds a
        // copy of setup.c whose blob and name (setup.c) are already cached: 8 counts in all.
        assertThat(job.getFilesCounted()).isEqualTo(8);
        assertThat(job.getMessage()).contains("8 file(s) counted");

        Snapshot third = list.stream().filter(s -> s.getRefName().equals("RELEASE-4.2.0")).findFirst().orElseThrow();
        SlocReport report = sloc.sloc(third.getId(), "xen/").orElseThrow();
        // sched.c 12, setup.c 5 (once: the x86 copy is identical), uart.c 7, lib.h 3, Makefile 3
        LanguageTotals c = report.languages().stream().filter(r -> r.language().equals("C")).findFirst().orElseThrow();
        assertThat(c.files()).isEqualTo(3);
        assertThat(c.code()).isEqualTo(12 + 5 + 7);
        assertThat(report.cloc().duplicates()).extracting(d -> d.path()).containsExactly("xen/arch/arm/setup.c");
        assertThat(report.directories()).extracting(SlocRow::name)
                .contains("xen/common", "xen/arch/x86", "xen/drivers", "xen/include");
        assertThat(report.toClocJson()).containsKeys("commit", "C", "SUM");

        // ingesting again creates nothing new and counts nothing
        IngestJob again = awaitEnd(ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester"));
        assertThat(again.getState()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(again.getFilesCounted()).isZero();
        assertThat(snapshots.countByRepositoryId(repo.getId())).isEqualTo(3);
    }

    @Test
    void aSnapshotCountedByOlderRulesIsCountedAgainOnTheNextIngest() throws Exception {
        SourceRepository repo = register("recount-repo");
        IngestJob first = awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-4.0.0", "tester"));
        assertThat(first.getState()).as(first.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        Snapshot s = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()).get(0);
        // as if counted by the previous counting rules, with a figure those rules got wrong
        jdbc.update("update snapshot set counter_version = counter_version - 1 where id = ?", s.getId());
        jdbc.update("update blob_count set counter_version = counter_version - 1, code = code + 100 where blob_id in"
                + " (select blob_id from snapshot_file where snapshot_id = ?)", s.getId());
        IngestJob again = awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-4.0.0", "tester"));
        assertThat(again.getState()).as(again.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(again.getMessage()).contains("1 snapshot(s) recounted with counting rules v"
                + org.xenfusa.sloc.count.ClocCounter.RULES_VERSION);
        assertThat(again.getFilesCounted()).isPositive();
        assertThat(snapshots.findById(s.getId()).orElseThrow().getCounterVersion())
                .isEqualTo(org.xenfusa.sloc.count.ClocCounter.RULES_VERSION);
        assertThat(snapshots.countByRepositoryId(repo.getId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from blob_count where code >= 100 and blob_id in"
                + " (select blob_id from snapshot_file where snapshot_id = ?)", Long.class, s.getId())).isZero();
    }

    @Test
    void ingestsTheDefaultBranch() throws Exception {
        SourceRepository repo = register("branch-repo");
        IngestJob job = awaitEnd(ingest.request(repo.getId(), IngestMode.DEFAULT_BRANCH, "", "tester"));
        assertThat(job.getState()).as(job.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                .extracting(Snapshot::getRefName).containsExactly("main");
    }

    @Test
    void anUnknownRefFailsWithItsNameAndKeepsEarlierSnapshots() throws Exception {
        SourceRepository repo = register("unknown-ref-repo");
        awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-4.0.0", "tester"));
        IngestJob failed = awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "no-such-tag", "tester"));
        assertThat(failed.getState()).isEqualTo(IngestState.FAILED);
        assertThat(failed.getMessage()).contains("unknown ref 'no-such-tag'");
        assertThat(snapshots.countByRepositoryId(repo.getId())).isEqualTo(1);

        IngestJob noTags = awaitEnd(ingest.request(repo.getId(), IngestMode.TAGS, "V-*", "tester"));
        assertThat(noTags.getState()).isEqualTo(IngestState.FAILED);
        assertThat(noTags.getMessage()).contains("no tag matches 'V-*'");
    }

    @Test
    void aMissingBlobFailsTheJobWithoutAHalfSnapshot() throws Exception {
        Path own = Files.createTempDirectory(root, "broken");
        try (SyntheticRepository broken = SyntheticRepository.create(own)) {
            broken.commit("one", "RELEASE-1", Map.of("xen/a.c", SyntheticRepository.cFile("a", 3)));
            RevCommit second = broken.commit("two", "RELEASE-2", Map.of("xen/b.c", SyntheticRepository.cFile("bbb", 4)));
            broken.commit("three", "RELEASE-3", Map.of("xen/b.c", SyntheticRepository.cFile("ccc", 5)));
            SourceRepository repo = registrar.register("broken-repo", broken.dir().toString(), "tester");
            assertThat(awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-1", "tester")).getState())
                    .isEqualTo(IngestState.SUCCEEDED);
            // remove b.c's blob from the object store: reading RELEASE-2 must fail
            ObjectId blob;
            try (TreeWalk tw = TreeWalk.forPath(broken.git().getRepository(), "xen/b.c", second.getTree())) {
                blob = tw.getObjectId(0);
            }
            Path object = broken.dir().resolve(".git/objects").resolve(blob.name().substring(0, 2))
                    .resolve(blob.name().substring(2));
            Files.delete(object);

            IngestJob failed = awaitEnd(ingest.request(repo.getId(), IngestMode.REF, "RELEASE-2", "tester"));
            assertThat(failed.getState()).isEqualTo(IngestState.FAILED);
            assertThat(failed.getMessage()).contains("RELEASE-2").contains("earlier snapshots are intact");
            assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                    .extracting(Snapshot::getRefName).containsExactly("RELEASE-1");
            // all tags, one task each: the broken one fails the job, naming it, and the others are stored
            IngestJob tags = awaitEnd(ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester"));
            assertThat(tags.getState()).isEqualTo(IngestState.FAILED);
            assertThat(tags.getMessage()).startsWith("Failed at ref RELEASE-2: ")
                    .contains("the other 2 of 3 ref(s) were stored");
            assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                    .extracting(Snapshot::getRefName).containsExactly("RELEASE-1", "RELEASE-3");
            assertThat(jdbc.queryForObject("select count(*) from snapshot s left join snapshot_file f on f.snapshot_id = s.id"
                    + " where s.repository_id = ? and f.path is null", Long.class, repo.getId())).isZero();
        }
    }

    @Test
    void anIdenticalActiveRequestReturnsTheSameJob() throws Exception {
        SourceRepository repo = register("dedup-repo");
        // queued directly in the table so that no worker can finish it between the two requests
        jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at) values (?, 'REF', 'RELEASE-4.0.0', 'QUEUED', now())",
                repo.getId());
        IngestJob first = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repo.getId(), IngestMode.REF,
                "RELEASE-4.0.0", List.of(IngestState.QUEUED)).orElseThrow();
        IngestJob second = ingest.request(repo.getId(), IngestMode.REF, " RELEASE-4.0.0 ", "tester");
        assertThat(second.getId()).isEqualTo(first.getId());
        // the database itself refuses a second active row for the same request
        assertThatThrownBy(() -> jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at)"
                + " values (?, 'REF', 'RELEASE-4.0.0', 'RUNNING', now())", repo.getId()))
                .hasMessageContaining("ingest_job_one_active");
        jdbc.update("update ingest_job set state = 'CANCELLED' where id = ?", first.getId());
    }

    @Test
    void aCancelledJobStopsAndSaysSo() throws Exception {
        SourceRepository repo = register("cancel-repo");
        jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at, cancel_requested)"
                + " values (?, 'TAGS', 'RELEASE-*', 'QUEUED', now(), true)", repo.getId());
        IngestJob job = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repo.getId(), IngestMode.TAGS,
                "RELEASE-*", List.of(IngestState.QUEUED)).orElseThrow();
        // plan it directly: the cancel flag is seen once its refs are known, and no task is left to run
        assertThat(ingester.plan(job.getId())).isEmpty();
        IngestJob ended = jobs.findById(job.getId()).orElseThrow();
        assertThat(ended.getState()).isEqualTo(IngestState.CANCELLED);
        assertThat(ended.getMessage()).contains("Cancelled after 0 of 3 ref(s)");
        assertThat(snapshots.countByRepositoryId(repo.getId())).isZero();
    }

    @Test
    void aRepositoryWithThousandsOfTagsIngestsOnlyTheMatchingOnes() throws Exception {
        Path own = Files.createTempDirectory(root, "many-tags");
        try (SyntheticRepository many = SyntheticRepository.create(own)) {
            RevCommit c = many.commit("one", "RELEASE-9.0", Map.of("xen/a.c", SyntheticRepository.cFile("a", 2)));
            var repo = many.git().getRepository();
            var batch = repo.getRefDatabase().newBatchUpdate();
            for (int i = 0; i < 3000; i++) {
                batch.addCommand(new org.eclipse.jgit.transport.ReceiveCommand(ObjectId.zeroId(), c.getId(),
                        "refs/tags/nightly-" + i));
            }
            try (var walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
                batch.execute(walk, org.eclipse.jgit.lib.NullProgressMonitor.INSTANCE);
            }
            assertThat(repo.getRefDatabase().getRefsByPrefix("refs/tags/")).hasSize(3001);
            SourceRepository r = registrar.register("many-tags-repo", many.dir().toString(), "tester");
            IngestJob job = awaitEnd(ingest.request(r.getId(), IngestMode.TAGS, "RELEASE-*", "tester"));
            assertThat(job.getState()).as(job.getMessage()).isEqualTo(IngestState.SUCCEEDED);
            assertThat(job.getRefsTotal()).isEqualTo(1);
            assertThat(snapshots.countByRepositoryId(r.getId())).isEqualTo(1);
        }
    }

    @Test
    void anInstanceThatStopsHandsItsTaskBackToTheQueueAndTheNextWorkerFinishesIt() throws Exception {
        SourceRepository repo = register("handed-back-repo");
        // a job row only: this test is the planner and the workers (the scheduler does not know the job)
        jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at) values (?, 'TAGS',"
                + " 'RELEASE-4.*', 'QUEUED', now())", repo.getId());
        IngestJob job = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repo.getId(), IngestMode.TAGS,
                "RELEASE-4.*", List.of(IngestState.QUEUED)).orElseThrow();
        List<Long> tasks = ingester.plan(job.getId());
        assertThat(tasks).as("one task per tag").hasSize(3);
        assertThat(jobs.findById(job.getId()).orElseThrow().getRefsTotal()).isEqualTo(3);
        assertThat(ingester.runTask(tasks.get(0), () -> false)).isFalse();
        // the instance starts stopping while the second tag runs
        boolean handedBack = ingester.runTask(tasks.get(1), () -> true);
        assertThat(handedBack).isTrue();
        IngestJob back = jobs.findById(job.getId()).orElseThrow();
        assertThat(back.getState()).as("no task of it runs").isEqualTo(IngestState.QUEUED);
        assertThat(back.getMessage()).startsWith("Ref RELEASE-4.1.0 handed back to the queue when ")
                .contains("the next worker resumes it");
        assertThat(back.getRefsDone()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select state from ingest_task where id = ?", String.class, tasks.get(1)))
                .isEqualTo("QUEUED");
        assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                .extracting(Snapshot::getRefName).containsExactly("RELEASE-4.0.0");

        // planning again (after a takeover of the planner) keeps the tasks and returns those left
        assertThat(ingester.plan(job.getId())).containsExactly(tasks.get(1), tasks.get(2));
        // the next workers (here the same, no longer stopping) resume: every tag once
        assertThat(ingester.runTask(tasks.get(2), () -> false)).isFalse();
        assertThat(jobs.findById(job.getId()).orElseThrow().getState()).as("a ref is left").isEqualTo(IngestState.RUNNING);
        assertThat(ingester.runTask(tasks.get(1), () -> false)).isFalse();
        IngestJob done = jobs.findById(job.getId()).orElseThrow();
        assertThat(done.getState()).as(done.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(done.getMessage()).startsWith("3 ref(s), 3 new snapshot(s)").doesNotContain("taken over");
        assertThat(done.getRefsDone()).isEqualTo(3);
        assertThat(done.getPercent()).isEqualTo(100);
        assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                .extracting(Snapshot::getRefName).containsExactly("RELEASE-4.0.0", "RELEASE-4.1.0", "RELEASE-4.2.0");
        for (long task : tasks) {
            assertThat(jdbc.queryForObject("select count(*) from blob_claim where claimed_by like ?", Long.class,
                    "% task " + task + " %")).as("no claim left").isZero();
        }
    }

    @Test
    void aCancelOfARunningJobCancelsItsTasksNotStartedAndEndsWhenTheRunningOneStops() throws Exception {
        SourceRepository repo = register("cancel-running-repo");
        jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at) values (?, 'TAGS',"
                + " 'RELEASE-4.*', 'QUEUED', now())", repo.getId());
        IngestJob job = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repo.getId(), IngestMode.TAGS,
                "RELEASE-4.*", List.of(IngestState.QUEUED)).orElseThrow();
        List<Long> tasks = ingester.plan(job.getId());
        assertThat(ingester.runTask(tasks.get(0), () -> false)).isFalse();
        // the second tag is running (on some worker) when the user cancels
        jdbc.update("update ingest_task set state = 'RUNNING' where id = ?", tasks.get(1));
        ingest.cancel(job.getId());
        assertThat(jdbc.queryForObject("select state from ingest_task where id = ?", String.class, tasks.get(2)))
                .as("not started: cancelled at once").isEqualTo("CANCELLED");
        assertThat(jobs.findById(job.getId()).orElseThrow().getState()).as("a task still runs")
                .isEqualTo(IngestState.RUNNING);
        // its worker sees the cancel at its first progress write, and ends the job
        assertThat(ingester.runTask(tasks.get(1), () -> false)).isFalse();
        IngestJob ended = jobs.findById(job.getId()).orElseThrow();
        assertThat(ended.getState()).isEqualTo(IngestState.CANCELLED);
        assertThat(ended.getMessage()).contains("Cancelled after 1 of 3 ref(s)");
        assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repo.getId()))
                .extracting(Snapshot::getRefName).containsExactly("RELEASE-4.0.0");
    }

    @Test
    void aJobWhoseWorkerDiedAgainAfterBeingTakenOverTwiceIsMarkedFailedWithTheReason() throws Exception {
        SourceRepository repo = register("dead-worker-repo");
        // taken over twice already (issue 18's failover): a job that kills every worker must end
        jdbc.update("insert into ingest_job (repository_id, mode, ref_spec, state, created_at, started_at, takeovers)"
                + " values (?, 'REF', 'RELEASE-4.0.0', 'RUNNING', now(), now() - interval '1 hour', ?)", repo.getId(),
                IngestJobs.MAX_TAKEOVERS);
        IngestJob job = jobs.findFirstByRepositoryIdAndModeAndRefSpecAndStateIn(repo.getId(), IngestMode.REF,
                "RELEASE-4.0.0", List.of(IngestState.RUNNING)).orElseThrow();
        // the queue row of an instance that was killed an hour ago: picked, its heartbeat long stopped
        java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(data)) {
            out.writeObject(job.getId());
        }
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, picked_by,"
                + " last_heartbeat, version) values ('ingest', ?, ?, now() - interval '1 hour', true, 'killed-instance',"
                + " now() - interval '1 hour', 1)", "job-" + job.getId(), data.toByteArray());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        IngestJob ended = job;
        while (System.nanoTime() < deadline && ended.getState().isActive()) {
            Thread.sleep(500);
            ended = jobs.findById(job.getId()).orElseThrow();
        }
        assertThat(ended.getState()).isEqualTo(IngestState.FAILED);
        assertThat(ended.getMessage()).contains("worker stopped while this job ran").contains("taken over 2 times")
                .contains("earlier snapshots are intact");
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_instance = ?", Long.class,
                "job-" + job.getId())).isZero();
    }

    @Test
    void registrationRejectsBadLocationsWithClearMessages() throws Exception {
        assertThatThrownBy(() -> registrar.register("x1", root.resolve("does-not-exist").toString(), "t"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("does not exist");
        Path plain = Files.createTempDirectory(root, "plain");
        assertThatThrownBy(() -> registrar.register("x2", plain.toString(), "t"))
                .hasMessageContaining("is not a git repository");
        assertThatThrownBy(() -> registrar.register("x3", "/etc", "t"))
                .hasMessageContaining("outside the allowed roots");
        assertThatThrownBy(() -> registrar.register("x4", "file:///etc/passwd", "t"))
                .hasMessageContaining("scheme 'file' is not accepted");
        // a URL is accepted at once and cloned by a job (its failure: CloneJobIntegrationTest)
        assertThat(registrar.register("x5", "https://127.0.0.1:9/nothing.git", "t").getCloneState())
                .isEqualTo(SourceRepository.CLONING);
        assertThatThrownBy(() -> registrar.register("bad name!", synthetic.dir().toString(), "t"))
                .hasMessageContaining("is not valid");
        registrar.register("twice", synthetic.dir().toString(), "t");
        assertThatThrownBy(() -> registrar.register("twice", synthetic.dir().toString(), "t"))
                .hasMessageContaining("already registered");
    }

    @Test
    void registrationRefusesAGitFileThatLeadsOutsideTheAllowedRoots() throws Exception {
        // a folder outside the test's allowed root (the temporary folder): the build folder, unless the project
        // itself lies in the temporary folder (a CI clone in /tmp), then the home folder
        Path allowed = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
        Path outsideParent = java.util.stream.Stream.of(Path.of("target").toAbsolutePath(),
                        Path.of(System.getProperty("user.home")).toAbsolutePath())
                .filter(p -> !p.normalize().startsWith(allowed) && !p.normalize().startsWith(root)).findFirst()
                .orElseThrow(() -> new AssertionError("no folder outside " + allowed + " to test with"));
        Path outside = Files.createDirectories(outsideParent.resolve("fusa-outside-roots"));
        Path secret = Files.createTempDirectory(outside, "secret");
        org.eclipse.jgit.api.Git.init().setBare(true).setDirectory(secret.toFile()).call().close();
        Path workTree = Files.createTempDirectory(root, "innocent");
        Files.writeString(workTree.resolve(".git"), "gitdir: " + secret + "\n");
        assertThatThrownBy(() -> registrar.register("via-git-file", workTree.toString(), "t"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reads git data from '" + secret.toRealPath() + "'")
                .hasMessageContaining("outside the allowed roots");
        org.eclipse.jgit.util.FileUtils.delete(secret.toFile(), org.eclipse.jgit.util.FileUtils.RECURSIVE);
        try {
            Files.deleteIfExists(outside);
        } catch (java.nio.file.DirectoryNotEmptyException another) {
            // another run's folder is still there: leave it
        }
    }
}
