package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
import org.xenfusa.FusaApplication;
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
 * Issue 18, failover: two instances of the platform on one database (this test's and a second one in a child JVM).
 * The second runs an all-tags ingest and is killed with SIGKILL in the middle of it; this instance notices the dead
 * worker, takes the job over and completes it: every tag stored once and whole, the job SUCCEEDED, not FAILED.
 */
// [utest->dsn~ingest-tasks~1] [utest->err~job-lost~1]
@IntegrationTest
class FailoverIntegrationTest {
    private static final int TAGS = 16;
    private static final int FILES = 300;
    private static final String ADMIN_PASSWORD = "test-admin-password";

    @Autowired EmbeddedDatabase database;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired Scheduler scheduler;
    @Autowired InstanceId instance;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anIngestOfAnInstanceKilledMidJobIsFinishedByTheOther() throws Exception {
        Path tmp = Files.createTempDirectory("fusa-failover");
        Path repo = repository(tmp.resolve("repo"));
        SourceRepository source = registrar.register("failover-repo", repo.toString(), "tester");
        Process other = null;
        IngestJob job;
        // this instance's workers stand aside until the other has the job
        scheduler.pause();
        try {
            other = startOther(tmp, "doomed-instance");
            job = ingest.request(source.getId(), IngestMode.TAGS, "LOAD-*", "tester");
            IngestJob running = await(job, j -> j.getState() != IngestState.QUEUED
                    && (j.getState() != IngestState.RUNNING || j.getRefsDone() >= 2), Duration.ofSeconds(120));
            assertThat(running.getState()).as("caught running: " + running.getMessage() + tail(tmp))
                    .isEqualTo(IngestState.RUNNING);
            assertThat(running.getInstanceId()).isEqualTo("doomed-instance");
            other.destroyForcibly();
            assertThat(other.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            scheduler.resume();
            if (other != null && other.isAlive()) {
                other.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        IngestJob ended = await(job, j -> !j.getState().isActive(), Duration.ofSeconds(240));
        assertThat(ended.getState()).as(ended.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        // the refs the killed instance's workers were running (one per worker thread) were taken over
        assertThat(ended.getMessage()).containsPattern("taken over (once|\\d+ times) after its worker stopped");
        assertThat(jdbc.queryForObject("select count(*) from ingest_task where job_id = ? and takeovers > 0",
                Integer.class, job.getId())).isBetween(1, 2);
        assertThat(ended.getInstanceId()).as("its refs ran on both").contains("doomed-instance", instance.name());
        assertThat(jdbc.queryForList("select distinct instance_id from ingest_task where job_id = ?", String.class,
                job.getId())).as("finished here").contains(instance.name());
        // nothing counted twice: the counts the killed instance stored were read from the cache
        assertThat(ended.getFilesCounted()).isLessThanOrEqualTo(TAGS * FILES);
        List<Snapshot> stored = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(source.getId());
        assertThat(stored).extracting(Snapshot::getRefName).as("every tag once")
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, TAGS)
                        .mapToObj("LOAD-%02d"::formatted).toList());
        assertThat(stored).extracting(Snapshot::getCommitSha).doesNotHaveDuplicates();
        assertThat(stored).as("each whole").allSatisfy(s -> assertThat(s.getFileCount()).isEqualTo(FILES));
    }

    private IngestJob await(IngestJob job, java.util.function.Predicate<IngestJob> done, Duration limit)
            throws InterruptedException {
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

    /** The real application in a child JVM on this test's database, as a second host would run it. */
    private Process startOther(Path tmp, String id) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        // the quick compiler and the serial collector: less CPU to start it on a busy machine
        // with this instance's heartbeat settings (the test profile's), so that neither takes the other for dead
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), FusaApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + database.port() + "/" + EmbeddedDatabase.DATABASE,
                "--spring.datasource.username=" + EmbeddedDatabase.USER,
                "--spring.datasource.password=" + database.password(),
                "--fusa.instance-id=" + id, "--fusa.data-dir=" + tmp.resolve("data"),
                "--fusa.allowed-roots=" + System.getProperty("java.io.tmpdir"),
                "--fusa.submodule-ingest-on-start=false"));
        command.addAll(TestJobSettings.arguments());
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("other.log").toFile());
        b.environment().put("FUSA_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process p = b.start();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                fail("the other instance ended (exit " + p.exitValue() + ") instead of starting" + tail(tmp));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        fail("the other instance did not start within 180 s" + tail(tmp));
        return p;
    }

    private static String tail(Path tmp) {
        try {
            List<String> lines = Files.readAllLines(tmp.resolve("other.log"), StandardCharsets.UTF_8);
            return "\n--- the other instance's log:\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40),
                    lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * {@value #TAGS} tags LOAD-nn, each a tree of {@value #FILES} C files all rewritten (new blobs to count), written
     * straight into one pack (no working tree).
     */
    private static Path repository(Path dir) throws Exception {
        try (SyntheticRepository synthetic = SyntheticRepository.create(Files.createDirectories(dir))) {
            Repository r = synthetic.git().getRepository();
            ObjectId parent = null;
            java.util.Map<String, ObjectId> refs = new java.util.LinkedHashMap<>();
            try (ObjectInserter in = ((FileRepository) r).getObjectDatabase().newPackInserter()) {
                for (int v = 1; v <= TAGS; v++) {
                    DirCache index = DirCache.newInCore();
                    DirCacheBuilder tree = index.builder();
                    for (int i = 0; i < FILES; i++) {
                        StringBuilder c = new StringBuilder("/* file " + i + ", version " + v + " */\n");
                        for (int l = 0; l < 40; l++) {
                            c.append("int g").append(i).append('_').append(l).append(" = ").append(v).append(";\n");
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
                    commit.setMessage("load " + v + "\n");
                    parent = in.insert(commit);
                    refs.put(Constants.R_TAGS + "LOAD-%02d".formatted(v), parent);
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
