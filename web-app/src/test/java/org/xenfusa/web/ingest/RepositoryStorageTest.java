package org.xenfusa.web.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.util.ReflectionTestUtils;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.GitServer;
import org.xenfusa.web.SyntheticRepository;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Each instance's own clone of a repository registered by URL (issue 18): made on first use from the URL, once however
 * many threads ask at once, fetched for a ref it lacks, replaced when its folder holds another URL's clone, an old
 * layout's clone moved into place; a URL that cannot be cloned or fetched is a clear error that leaves nothing behind
 * and loses no clone already made.
 */
class RepositoryStorageTest {
    /** How long a fetch counts as fresh here (5 s in the platform). */
    static final java.time.Duration FRESH = java.time.Duration.ofMillis(300);

    @TempDir Path temp;
    GitServer server;
    SyntheticRepository source;
    RepositoryStorage storage;
    FusaProperties properties;

    @BeforeEach
    void serve() throws Exception {
        server = GitServer.start(Files.createDirectories(temp.resolve("served")));
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("RELEASE-1.0", "xen/common/a.c");
        source = server.publishNew("xen", Files.createDirectories(temp.resolve("work")), tags);
        properties = new FusaProperties(temp.resolve("data"), List.of(temp), null, 10);
        storage = new RepositoryStorage(properties, FRESH);
    }

    @AfterEach
    void stop() {
        source.close();
        server.close();
    }

    private static SourceRepository url(long id, String name, String url) {
        SourceRepository r = new SourceRepository(name, url, RepositoryKind.URL, null, "tester");
        ReflectionTestUtils.setField(r, "id", id);
        return r;
    }

    private static String resolve(Path dir, String ref) throws Exception {
        try (Repository repo = GitRepositoryFolders.open(dir)) {
            var id = repo.resolve(ref + "^{commit}");
            return id == null ? null : id.name();
        }
    }

    @Test
    void aPageIsNeverHeldForAWholeCloneItIsToldHowFarAndTheCloneRunsInTheBackground() throws Exception {
        SourceRepository repo = url(8, "xen", server.url("xen"));
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            assertThatThrownBy(() -> storage.gitDir(repo)).isInstanceOf(CloneInProgressException.class)
                    .hasMessageStartingWith("This instance is cloning 'xen' from " + server.url("xen"))
                    .hasMessageContaining("it reloads itself");
            Path dir = null;
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (dir == null && System.nanoTime() < deadline) {
                try {
                    dir = storage.gitDir(repo);
                } catch (CloneInProgressException e) {
                    Thread.sleep(50);
                }
            }
            assertThat(dir).as("the background clone ended").isEqualTo(storage.cloneFolder(8));
            assertThat(resolve(dir, "RELEASE-1.0"))
                    .isEqualTo(source.git().getRepository().resolve("RELEASE-1.0^{commit}").name());
            assertThat(server.uploads()).as("one clone, however often the page was asked").isEqualTo(1);

            // a clone that fails is reported once with its reason; the next page starts another
            SourceRepository gone = url(9, "gone", server.url("no-such-repository"));
            assertThatThrownBy(() -> storage.gitDir(gone)).isInstanceOf(CloneInProgressException.class);
            InvalidInputException failed = null;
            deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
            while (failed == null && System.nanoTime() < deadline) {
                try {
                    storage.gitDir(gone);
                } catch (CloneInProgressException e) {
                    Thread.sleep(50);
                } catch (InvalidInputException e) {
                    failed = e;
                }
            }
            assertThat(failed).as("the failure reported").isNotNull();
            assertThat(failed.getMessage()).startsWith("Cannot clone " + server.url("no-such-repository"));
            assertThatThrownBy(() -> storage.gitDir(gone)).isInstanceOf(CloneInProgressException.class);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        // a job (no request) still waits for the clone it needs
        SourceRepository forJob = url(10, "xen", server.url("xen"));
        assertThat(storage.gitDir(forJob)).isEqualTo(storage.cloneFolder(10));
    }

    @Test
    void manyThreadsAskingFirstGetOneCloneInTheInstancesOwnFolder() throws Exception {
        SourceRepository repo = url(7, "xen", server.url("xen"));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Path>> asked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            asked.add(pool.submit((Callable<Path>) () -> {
                start.await();
                return storage.gitDir(repo, "RELEASE-1.0");
            }));
        }
        start.countDown();
        for (Future<Path> f : asked) {
            assertThat(f.get()).isEqualTo(properties.dataDir().resolve("repo-cache/by-id/7.git"));
        }
        pool.shutdown();
        assertThat(server.uploads()).as("one clone for six threads").isEqualTo(1);
        assertThat(resolve(storage.cloneFolder(7), "RELEASE-1.0"))
                .isEqualTo(source.git().getRepository().resolve("RELEASE-1.0^{commit}").name());
        try (Stream<Path> left = Files.list(storage.cloneFolder(7).getParent())) {
            assertThat(left).as("no temporary folder left").containsExactly(storage.cloneFolder(7));
        }
        // asked again: read as it is, the server not asked
        storage.gitDir(repo);
        assertThat(server.uploads()).isEqualTo(1);
    }

    @Test
    void aRefTheCloneLacksIsFetchedAndAnIngestFetchesFirst() throws Exception {
        SourceRepository repo = url(8, "xen", server.url("xen"));
        Path dir = storage.gitDir(repo);
        source.commit("two", "RELEASE-2.0", Map.of("xen/common/b.c", SyntheticRepository.cFile("b", 4)));
        server.publish("xen", source);
        assertThat(resolve(dir, "RELEASE-2.0")).as("not known here yet").isNull();

        // at once: the clone was made a moment ago, but before the tag was pushed (another instance ingested it)
        assertThat(storage.gitDir(repo, "RELEASE-2.0")).isEqualTo(dir);
        assertThat(resolve(dir, "RELEASE-2.0")).isEqualTo(source.git().getRepository().resolve("RELEASE-2.0^{commit}").name());
        int afterFetch = server.uploads();
        assertThat(afterFetch).isEqualTo(2);
        storage.gitDir(repo, "RELEASE-2.0");
        assertThat(server.uploads()).as("a ref it has: no fetch").isEqualTo(afterFetch);
        storage.gitDir(repo, "NO-SUCH-TAG");
        storage.gitDir(repo, "NO-SUCH-TAG");
        assertThat(server.uploads()).as("a ref the server lacks: one fetch, not one per page").isEqualTo(afterFetch + 1);
        afterFetch = server.uploads();

        source.commit("three", "RELEASE-3.0", Map.of("xen/common/c.c", SyntheticRepository.cFile("c", 5)));
        server.publish("xen", source);
        Thread.sleep(FRESH.toMillis() + 100);
        storage.refreshed(repo);
        assertThat(resolve(dir, "RELEASE-3.0")).as("an ingest reads the server's refs").isNotNull();
    }

    @Test
    void aFolderHoldingAnotherUrlsCloneIsClonedAgainAndAnOldLayoutCloneIsMovedIntoPlace() throws Exception {
        // a data folder kept across a database reset: id 9 was another repository then
        Path stale = storage.cloneFolder(9);
        Git.cloneRepository().setURI(source.dir().toUri().toString()).setBare(true).setDirectory(stale.toFile()).call()
                .close();
        storage.gitDir(url(9, "xen", server.url("xen")));
        assertThat(server.uploads()).as("cloned again from its own URL").isEqualTo(1);
        try (Repository r = GitRepositoryFolders.open(stale)) {
            assertThat(r.getConfig().getString("remote", "origin", "url")).isEqualTo(server.url("xen"));
        }

        // before V15 the clone was repo-cache/<name>.git and its path was stored: that clone is used, not made again
        Path old = properties.cacheDir().resolve("legacy.git");
        Git.cloneRepository().setURI(server.url("xen")).setBare(true).setDirectory(old.toFile()).call().close();
        int before = server.uploads();
        Path dir = storage.gitDir(url(10, "legacy", server.url("xen")));
        assertThat(dir).isEqualTo(storage.cloneFolder(10));
        assertThat(server.uploads()).isEqualTo(before);
        assertThat(old).doesNotExist();
        assertThat(resolve(dir, "RELEASE-1.0")).isNotNull();
    }

    @Test
    void aUrlThatCannotBeClonedIsAClearErrorAndLeavesNothing() {
        SourceRepository missing = url(11, "missing", server.url("missing"));
        assertThatThrownBy(() -> storage.gitDir(missing)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot clone " + server.url("missing") + ": ");
        assertThat(storage.cloneFolder(11).getParent()).isEmptyDirectory();

        SourceRepository failed = url(12, "failed", server.url("xen"));
        ReflectionTestUtils.setField(failed, "cloneState", SourceRepository.FAILED);
        ReflectionTestUtils.setField(failed, "cloneMessage", "Cannot clone it: refused");
        assertThatThrownBy(() -> storage.gitDir(failed)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("the clone of 'failed' failed (Cannot clone it: refused)");
    }

    @Test
    void aServerGoneKeepsTheCloneMadeAndSaysWhyItCannotFetch() throws Exception {
        SourceRepository repo = url(13, "xen", server.url("xen"));
        Path dir = storage.gitDir(repo);
        String commit = resolve(dir, "RELEASE-1.0");
        server.close();
        Thread.sleep(FRESH.toMillis() + 100);

        assertThatThrownBy(() -> storage.refreshed(repo)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot fetch " + server.url("xen") + " into this instance's clone");
        assertThat(resolve(dir, "RELEASE-1.0")).as("the clone is kept as it was").isEqualTo(commit);
        assertThat(storage.gitDir(repo, "RELEASE-1.0")).as("what it has is still read").isEqualTo(dir);

        // another instance (another data folder) that has no clone cannot read it, and says why
        RepositoryStorage other = new RepositoryStorage(new FusaProperties(temp.resolve("other-data"), List.of(temp),
                null, 10));
        assertThatThrownBy(() -> other.gitDir(repo)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot clone " + server.url("xen") + ": ");
        assertThat(other.cloneFolder(13)).doesNotExist();
    }
}
