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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.eclipse.jgit.lib.TagBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.FusaApplication;
import org.xenfusa.exports.evidence.EvidenceVerifier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Crash safety of the whole platform: its JVM (the real application, in a child process on a data folder of its own)
 * is killed with SIGKILL while an ingest runs, and again while an export runs. Each time the embedded PostgreSQL
 * outlives it, and the next start must come up by itself (stopping that orphaned server and saying so), take the
 * interrupted ingest over and complete it (every tag stored once and whole), take the interrupted export over and make
 * it again, keep every earlier snapshot and its figures, offer nothing half-written as a download, and run new jobs.
 * Stopped with SIGTERM during an ingest, it hands the ingest back to the queue and the next start finishes it.
 *
 * <p>It runs beside the other test classes (junit-platform.properties): the platforms it kills are child processes
 * on a data folder and port of their own, logging to files of their own (this class writes nothing to the console,
 * which the command-line tests capture), so nothing it does is seen by, or sees, the tests in this JVM, and the
 * minute it spends starting and killing them overlaps theirs.
 */
// [utest->dsn~crash-recovery~1] [utest->err~job-lost~1]
@Execution(ExecutionMode.CONCURRENT)
class KilledPlatformRecoveryTest {
    /** The embedded server's binaries, unpacked once for all tests (as application-test.properties does). */
    private static final Path BINARIES = Path.of(System.getProperty("java.io.tmpdir"), "fusa-test-postgres-binaries");
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "crash-Test-admin-7391";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TOKEN = Pattern.compile("id=\"new-token-secret\">([^<]+)<");
    private static final Pattern EXPORT_ID = Pattern.compile("Export #(\\d+) is running");
    private static final Pattern CONFIGURATION_ID = Pattern.compile("/configurations/(\\d+)$");
    /** The end of "taken over once/N times after its worker stopped": one task a worker thread runs at the kill. */
    private static final String INGEST_TAKEN_OVER = " after its worker stopped";
    private static final String EXPORT_TAKEN_OVER = "Taken over: the worker on ";
    private static final String ORPHAN_STOPPED = "Stopped the orphaned database server (PID ";

    /** Generated C files in xen/common, all compiled: each LOAD tag rewrites every one (new blobs to count). */
    private static final int FILES = 300;
    private static final int LINES = 60;
    private static final int LOAD_TAGS = 40;
    /** The tags of the repository ingested when the platform is stopped (step 5). */
    private static final int STOP_TAGS = 2;

    @TempDir Path tmp;

    private final List<Platform> started = new ArrayList<>();

    @Test
    void theFirstStartAfterAKillDuringAnIngestOrAnExportRecoversByItself() throws Exception {
        Path repo = syntheticRepository(0, LOAD_TAGS, FILES);
        Path data = tmp.resolve("data");
        try {
            // --- 1. earlier data, then a second ingest killed while it runs
            Platform first = start(data, "first");
            String token = first.apiToken();
            long repositoryId = first.api("POST", "/api/repositories", token,
                    Map.of("name", "crash-repo", "location", repo.toString())).path("id").asLong();
            JsonNode base = first.awaitJob(token, first.api("POST", "/api/repositories/" + repositoryId + "/ingest", token,
                    Map.of("mode", "REF", "ref", "BASE-1")).path("id").asLong(), j -> !j.path("state").asString()
                            .matches("QUEUED|RUNNING"), Duration.ofSeconds(60));
            assertThat(base.path("state").asString()).as(base.toString()).isEqualTo("SUCCEEDED");
            JsonNode baseSnapshot = single(first.api("GET", "/api/repositories/" + repositoryId + "/snapshots", token, null),
                    "BASE-1");
            long baseId = baseSnapshot.path("id").asLong();
            JsonNode baseSloc = first.api("GET", "/api/snapshots/" + baseId + "/sloc", token, null);
            assertThat(baseSloc.path("SUM").path("code").asLong()).as(baseSloc.toString()).isPositive();
            long configurationId = first.createConfiguration(repositoryId, "BASE-1");

            long loadJob = first.api("POST", "/api/repositories/" + repositoryId + "/ingest", token,
                    Map.of("mode", "TAGS", "ref", "LOAD-*")).path("id").asLong();
            // running, with snapshots made and more to go: killed in the middle of its work
            JsonNode running = first.catchJob(token, loadJob, j -> !j.path("state").asString().equals("QUEUED")
                    && (!j.path("state").asString().equals("RUNNING") || j.path("refsDone").asInt() >= 2),
                    Duration.ofSeconds(60));
            assertThat(running.path("state").asString()).as("the ingest was caught running: " + running + first.tail())
                    .isEqualTo("RUNNING");
            long orphan = first.kill();

            // --- 2. the first start after the kill: comes up, takes the killed ingest over (issue 18: it used to be
            // failed) and completes it, the earlier data intact
            Platform second = start(data, "second");
            assertThat(second.log()).as("the start stopped the server the killed platform left").contains(ORPHAN_STOPPED
                    + orphan + ")");
            JsonNode resumed = second.awaitJob(token, loadJob, j -> !j.path("state").asString().equals("RUNNING"),
                    Duration.ofSeconds(240));
            assertThat(resumed.path("state").asString()).as(resumed + second.tail()).isEqualTo("SUCCEEDED");
            assertThat(resumed.path("message").asString()).contains(INGEST_TAKEN_OVER).containsPattern(
                    "taken over (once|\\d+ times) after");
            assertThat(resumed.path("instance").asString()).as("finished by the new start").isNotEmpty()
                    .isNotEqualTo(running.path("instance").asString());
            WebSession web = second.login();
            assertThat(web.get("/jobs").body()).as("the jobs page says so").contains(INGEST_TAKEN_OVER);
            JsonNode snapshots = second.api("GET", "/api/repositories/" + repositoryId + "/snapshots", token, null);
            JsonNode baseAgain = single(snapshots, "BASE-1");
            assertThat(baseAgain).isEqualTo(baseSnapshot);
            assertThat(second.api("GET", "/api/snapshots/" + baseId + "/sloc", token, null)).isEqualTo(baseSloc);
            // every tag stored once and whole: those the killed job completed, the one it was in the middle of (its
            // half was never committed) and the rest
            List<JsonNode> loads = new ArrayList<>();
            snapshots.forEach(s -> {
                if (s.path("ref").asString().startsWith("LOAD-")) {
                    loads.add(s);
                }
            });
            assertThat(loads).as("snapshots of the killed ingest").hasSize(LOAD_TAGS);
            assertThat(loads).allSatisfy(s -> assertThat(s.path("files").asInt()).isEqualTo(baseSnapshot.path("files").asInt()));
            // a new ingest works
            String last = "LOAD-%02d".formatted(LOAD_TAGS);
            JsonNode again = second.awaitJob(token, second.api("POST", "/api/repositories/" + repositoryId + "/ingest",
                    token, Map.of("mode", "REF", "ref", last)).path("id").asLong(),
                    j -> !j.path("state").asString().matches("QUEUED|RUNNING"), Duration.ofSeconds(60));
            assertThat(again.path("state").asString()).as(again.toString()).isEqualTo("SUCCEEDED");
            JsonNode lastSnapshot = single(second.api("GET", "/api/repositories/" + repositoryId + "/snapshots", token,
                    null), last);
            assertThat(lastSnapshot.path("files").asInt()).isEqualTo(baseSnapshot.path("files").asInt());

            // --- 3. an evidence package killed while it is being made
            long exportId = web.export(repositoryId, "BASE-1", configurationId);
            JsonNode export = second.await(() -> web.json("/exports/" + exportId + "/progress"),
                    j -> !j.path("state").asString().equals("QUEUED"), Duration.ofSeconds(60), 50);
            assertThat(export.path("state").asString()).as("the export was caught running: " + export + second.tail())
                    .isEqualTo("RUNNING");
            orphan = second.kill();

            // --- 4. the first start after that kill: the export is taken over and made again, whole; nothing was
            // offered while it was not
            Platform third = start(data, "third");
            assertThat(third.log()).contains(ORPHAN_STOPPED + orphan + ")");
            WebSession after = third.login();
            JsonNode redone = third.await(() -> after.json("/exports/" + exportId + "/progress"),
                    j -> !j.path("state").asString().matches("QUEUED|RUNNING"), Duration.ofSeconds(120));
            assertThat(redone.path("state").asString()).as(redone + third.tail()).isEqualTo("SUCCEEDED");
            assertThat(redone.path("message").asString()).contains(EXPORT_TAKEN_OVER);
            assertThat(third.api("GET", "/api/snapshots/" + baseId + "/sloc", token, null)).isEqualTo(baseSloc);
            Path zip = tmp.resolve("evidence.zip");
            HttpResponse<byte[]> download = after.bytes("/exports/" + exportId + "/download");
            assertThat(download.statusCode()).isEqualTo(200);
            Files.write(zip, download.body());
            assertThat(EvidenceVerifier.verify(zip).intactPackage()).isTrue();
            assertThat(redone.path("sha256").asString()).isEqualTo(org.xenfusa.exports.model.Sha256.hex(download.body()));

            // --- 5. stopped as an operator stops it (SIGTERM) while an ingest runs: the ingest is handed back to the
            // queue at once (its database still up to record it) and the next start finishes it
            // a repository of its own contents, counted afresh, with 40 times the files a tag: each ref takes a second
            // or more, so that the stop lands in one (the first repository's refs took 50-75 ms each: a stop landed
            // between two, with nothing running to hand back)
            Path other2 = syntheticRepository(LOAD_TAGS + 1, STOP_TAGS, FILES * 40);
            long other = third.api("POST", "/api/repositories", token,
                    Map.of("name", "crash-repo-2", "location", other2.toString())).path("id").asLong();
            long stoppedJob = third.api("POST", "/api/repositories/" + other + "/ingest", token,
                    Map.of("mode", "TAGS", "ref", "LOAD-*")).path("id").asLong();
            // caught counting, less than half through its refs' files: the stop lands while a ref task runs (a stop
            // between two ref tasks has nothing running to hand back; the tasks left simply stay queued)
            JsonNode beforeStop = third.catchJob(token, stoppedJob, j -> !j.path("state").asString().equals("QUEUED")
                    && (!j.path("state").asString().equals("RUNNING") || (j.path("filesDone").asInt() > 0
                            && j.path("filesDone").asInt() * 2 < j.path("filesTotal").asInt())),
                    Duration.ofSeconds(60));
            assertThat(beforeStop.path("state").asString()).as("the ingest was caught running: " + beforeStop
                    + third.tail()).isEqualTo("RUNNING");
            third.stop();
            assertThat(third.log()).as("caught running as " + beforeStop).contains("Ingest job " + stoppedJob + " handed back to the queue: this instance is"
                    + " stopping");
            Platform fourth = start(data, "fourth");
            assertThat(fourth.log()).as("a clean stop leaves no orphan").doesNotContain(ORPHAN_STOPPED);
            JsonNode finished = fourth.awaitJob(token, stoppedJob, j -> !j.path("state").asString()
                    .matches("QUEUED|RUNNING"), Duration.ofSeconds(240));
            assertThat(finished.path("state").asString()).as(finished + fourth.tail()).isEqualTo("SUCCEEDED");
            assertThat(finished.path("message").asString()).as("handed back, not taken over as after a kill")
                    .doesNotContain("taken over");
            List<JsonNode> resumedLoads = new ArrayList<>();
            fourth.api("GET", "/api/repositories/" + other + "/snapshots", token, null).forEach(s -> {
                if (s.path("ref").asString().startsWith("LOAD-")) {
                    resumedLoads.add(s);
                }
            });
            assertThat(resumedLoads).as("every tag stored once").hasSize(STOP_TAGS);
            fourth.stop();
        } finally {
            for (Platform p : started) {
                p.destroy();
            }
            stopOrphan(data.resolve("postgres"));
        }
    }

    // ------------------------------------------------------------------ the synthetic repository

    /**
     * The synthetic Kconfig/Kbuild tree with {@value #FILES} more compiled C files; tag BASE-1, then
     * {@value #LOAD_TAGS} tags LOAD-nn that each rewrite every generated file, so that an ingest of them counts
     * thousands of new files and runs for a few seconds ({@code first} numbers BASE-1's files: another number, other
     * contents; {@code tags} LOAD tags, {@code count} generated files, of which the first {@value #FILES} compiled). The commits are written straight into the object database (no working tree: writing and adding the
     * files took half a minute).
     */
    private Path syntheticRepository(int first, int tags, int count) throws Exception {
        try (SyntheticRepository repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repos")))) {
            Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
            files.putAll(SyntheticKconfig.BUILD);
            StringBuilder makefile = new StringBuilder(SyntheticKconfig.BUILD.get("xen/common/Makefile"));
            for (int i = 0; i < FILES; i++) {
                makefile.append("obj-y += g").append(i).append(".o\n");
            }
            files.put("xen/common/Makefile", makefile.toString());
            files.putAll(generated(first, count));
            Repository r = repo.git().getRepository();
            Map<String, ObjectId> refs = new java.util.LinkedHashMap<>();
            // one pack for all objects (thousands of loose objects took seconds to write), the refs after it
            try (ObjectInserter pack = ((FileRepository) r).getObjectDatabase().newPackInserter()) {
                ObjectId parent = commit(pack, null, 0, "BASE-1", files, refs);
                for (int v = 1; v <= tags; v++) {
                    files.putAll(generated(first + v, count));
                    parent = commit(pack, parent, v, "LOAD-%02d".formatted(v), files, refs);
                }
                refs.put("refs/heads/main", parent);
                pack.flush();
            }
            for (var ref : refs.entrySet()) {
                RefUpdate u = r.updateRef(ref.getKey());
                u.setNewObjectId(ref.getValue());
                assertThat(u.forceUpdate()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
            }
            return repo.dir();
        }
    }

    /**
     * Writes a commit of the whole tree {@code files} (path to content), one minute after its parent, and an
     * annotated tag of it (its ref into {@code refs}); returns the commit.
     */
    private static ObjectId commit(ObjectInserter in, ObjectId parent, int minute, String tag,
            Map<String, String> files, Map<String, ObjectId> refs) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder tree = index.builder();
        for (var f : files.entrySet()) {
            DirCacheEntry e = new DirCacheEntry(f.getKey());
            e.setFileMode(FileMode.REGULAR_FILE);
            e.setObjectId(in.insert(Constants.OBJ_BLOB, f.getValue().getBytes(StandardCharsets.UTF_8)));
            tree.add(e);
        }
        tree.finish();
        PersonIdent who = new PersonIdent("Test", "test@example.org",
                Instant.parse("2024-01-01T00:00:00Z").plusSeconds(60L * minute), ZoneOffset.UTC);
        CommitBuilder c = new CommitBuilder();
        c.setTreeId(index.writeTree(in));
        if (parent != null) {
            c.setParentId(parent);
        }
        c.setAuthor(who);
        c.setCommitter(who);
        c.setMessage(tag.toLowerCase() + "\n");
        ObjectId commit = in.insert(c);
        TagBuilder t = new TagBuilder();
        t.setObjectId(commit, Constants.OBJ_COMMIT);
        t.setTag(tag);
        t.setTagger(who);
        t.setMessage(tag + "\n");
        refs.put(Constants.R_TAGS + tag, in.insert(t));
        return commit;
    }

    private static Map<String, String> generated(int version, int count) {
        Map<String, String> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            StringBuilder c = new StringBuilder("#include <xen/lib.h>\n/* generated file " + i + ", version " + version
                    + " */\n\n");
            for (int l = 0; l < LINES; l++) {
                c.append("int g").append(i).append('_').append(l).append(" = ").append(version).append(";\n");
            }
            c.append("#ifdef CONFIG_FEATURE_B\nint g").append(i).append("_b;\n#endif\n");
            files.put("xen/common/g" + i + ".c", c.toString());
        }
        return files;
    }

    private static JsonNode single(JsonNode snapshots, String ref) {
        List<JsonNode> found = new ArrayList<>();
        snapshots.forEach(s -> {
            if (s.path("ref").asString().equals(ref)) {
                found.add(s);
            }
        });
        assertThat(found).as("one snapshot of " + ref + " in " + snapshots).hasSize(1);
        return found.get(0);
    }

    // ------------------------------------------------------------------ the platform process

    private Platform start(Path data, String name) throws Exception {
        Platform p = new Platform(data, tmp.resolve(name + ".log"));
        started.add(p);
        p.awaitUp();
        return p;
    }

    /** Stops a database server still running on {@code pgData} (a failed test's, or one the platform left). */
    private static void stopOrphan(Path pgData) throws Exception {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> server = serverOf(pgData);
        if (server.isPresent()) {
            new ProcessBuilder("kill", "-INT", Long.toString(server.get().pid())).inheritIO().start().waitFor(10,
                    TimeUnit.SECONDS);
            try {
                server.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                server.get().destroyForcibly();
            }
        }
    }

    /** The live database server that {@code postmaster.pid} of {@code pgData} names, when it runs on that folder. */
    private static Optional<ProcessHandle> serverOf(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !Path.of(lines.get(1).strip()).equals(pgData.toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    /** The real application ({@link FusaApplication}) in a child JVM, as {@code ./fusa} starts it. */
    private final class Platform {
        private final Path data;
        private final Path log;
        private final int port;
        private final Process process;
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        Platform(Path data, Path log) throws IOException {
            this.data = data;
            this.log = log;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            // the quick compiler starts the platform sooner on a busy machine (its jobs run a little slower, which
            // only widens the window in which they are caught running), and the serial collector spends no CPU in
            // concurrent collector threads (a 512 MB heap); the test's classpath holds the platform's
            // the test profile's heartbeat: the next start takes a killed platform's job over within 8 s, not 16 s
            List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Xmx512m", "-cp", System.getProperty("java.class.path"), FusaApplication.class.getName(),
                    "--server.port=" + port, "--fusa.data-dir=" + data, "--fusa.allowed-roots=" + tmp.resolve("repos"),
                    "--fusa.embedded-postgres.binaries=" + BINARIES, "--fusa.submodule-ingest-on-start=false"));
            command.addAll(TestJobSettings.arguments());
            ProcessBuilder b = new ProcessBuilder(command).directory(tmp.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            b.environment().put("FUSA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            process = b.start();
        }

        /** Waits until the platform answers its health check, failing at once when its process ends. */
        void awaitUp() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("the platform ended (exit " + process.exitValue() + ") instead of starting" + tail());
                }
                try {
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200 && r.body().contains("UP")) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            fail("the platform did not start within 180 s" + tail());
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        String log() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        /** The end of the platform's log, for failure messages. */
        String tail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                return "\n--- last lines of " + log + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
            } catch (IOException e) {
                return "\n(no log: " + e + ")";
            }
        }

        /** Kills the JVM with SIGKILL; returns the process id of its database server, which outlives it. */
        long kill() throws Exception {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the killed platform ended").isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            ProcessHandle server = serverOf(data.resolve("postgres")).orElseThrow(() -> new AssertionError(
                    "the database server should have outlived its platform" + tail()));
            return server.pid();
        }

        /** Stops the platform as an operator would (SIGTERM: it stops its database server itself). */
        void stop() throws Exception {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the platform stopped" + tail()).isTrue();
            assertThat(serverOf(data.resolve("postgres"))).as("its database server stopped with it").isEmpty();
        }

        void destroy() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            }
        }

        /** A REST API call with an API token; the answer's JSON, failing on any status but 2xx. */
        JsonNode api(String method, String path, String token, Object body) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json");
            if (body == null) {
                r.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                r.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode() / 100).as(method + " " + path + ": " + response.statusCode() + " "
                    + response.body() + tail()).isEqualTo(2);
            return JSON.readTree(response.body());
        }

        JsonNode awaitJob(String token, long id, Predicate<JsonNode> done, Duration timeout) throws Exception {
            return await(() -> api("GET", "/api/jobs/" + id, token, null), done, timeout);
        }

        /** {@link #await(Read, Predicate, Duration, long)} polling every 250 ms: for a job's end, which nothing races. */
        JsonNode await(Read read, Predicate<JsonNode> done, Duration timeout) throws Exception {
            return await(read, done, timeout, 250);
        }

        /** {@link #awaitJob} polling every 50 ms: to catch a job while it runs, before it ends. */
        JsonNode catchJob(String token, long id, Predicate<JsonNode> done, Duration timeout) throws Exception {
            return await(() -> api("GET", "/api/jobs/" + id, token, null), done, timeout, 50);
        }

        /**
         * Polls {@code read} every {@code pollMillis} until {@code done} holds; fails with the last answer and the log's
         * tail after the timeout. Each poll is a request the platform serves (authentication, a query, JSON): a quick
         * poll only while a job must be caught running, which saves the platform's CPU through a minute of waiting.
         */
        JsonNode await(Read read, Predicate<JsonNode> done, Duration timeout, long pollMillis) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            JsonNode last = read.get();
            while (!done.test(last)) {
                if (System.nanoTime() > deadline) {
                    fail("waited " + timeout.toSeconds() + " s in vain; last answer " + last + tail());
                }
                if (!process.isAlive()) {
                    fail("the platform ended (exit " + process.exitValue() + ")" + tail());
                }
                Thread.sleep(pollMillis);
                last = read.get();
            }
            return last;
        }

        WebSession login() throws Exception {
            return new WebSession(this, ExportSession.login(port, ADMIN, ADMIN_PASSWORD));
        }

        /** A new API token of the ADMIN, made on the account page as a person would. */
        String apiToken() throws Exception {
            ExportSession web = ExportSession.login(port, ADMIN, ADMIN_PASSWORD);
            HttpResponse<String> made = web.post("/account/tokens", "name=crash-test", "/account/tokens");
            assertThat(made.statusCode()).isEqualTo(302);
            Matcher m = TOKEN.matcher(web.get("/account/tokens").body());
            assertThat(m.find()).as("the new token is shown once").isTrue();
            return m.group(1).strip();
        }

        /** A saved configuration (the default defconfig) made on the configurations page. */
        long createConfiguration(long repositoryId, String ref) throws Exception {
            ExportSession web = ExportSession.login(port, ADMIN, ADMIN_PASSWORD);
            HttpResponse<String> r = web.post("/configurations", "name=crash-config&repositoryId=" + repositoryId
                    + "&ref=" + ref + "&arch=x86_64&startKind=DEFCONFIG&startValue=&overrides=&toolchain=&description=",
                    "/configurations");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            Matcher m = CONFIGURATION_ID.matcher(r.headers().firstValue("Location").orElse(""));
            assertThat(m.find()).as("redirected to the new configuration: " + r.headers().map()).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    @FunctionalInterface
    private interface Read {
        JsonNode get() throws Exception;
    }

    /** A person's session on the exports page. */
    private record WebSession(Platform platform, ExportSession session) {
        /** Requests an evidence package; returns its export id (the page's notice names it). */
        long export(long repositoryId, String ref, long configurationId) throws Exception {
            HttpResponse<String> r = session.post("/exports", "repositoryId=" + repositoryId + "&ref=" + ref + "&c="
                    + configurationId + "&format=EVIDENCE", "/exports");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            Matcher m = EXPORT_ID.matcher(session.get("/exports").body());
            assertThat(m.find()).as("the page says the export runs" + platform.tail()).isTrue();
            return Long.parseLong(m.group(1));
        }

        JsonNode json(String path) throws Exception {
            HttpResponse<String> r = session.get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body() + platform.tail()).isEqualTo(200);
            return JSON.readTree(r.body());
        }

        HttpResponse<String> get(String path) throws Exception {
            return session.get(path);
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return session.bytes(path);
        }
    }
}
