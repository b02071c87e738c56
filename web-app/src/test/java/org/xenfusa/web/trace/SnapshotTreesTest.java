package org.xenfusa.web.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.SyntheticRepository;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.FusaProperties;

/** Open trees stay usable while callers work on them, however many other commits are opened meanwhile. */
class SnapshotTreesTest {
    private static final int COMMITS = SnapshotTrees.OPEN_TREES + 3;

    @TempDir
    static Path temp;
    private static SourceRepository source;

    @BeforeAll
    static void repository() throws Exception {
        try (SyntheticRepository repo = SyntheticRepository.create(temp)) {
            for (int i = 0; i < COMMITS; i++) {
                repo.commit("release " + i, "v" + i, Map.of("xen/common/version.c",
                        "/* release " + i + " */\nint version(void)\n{\n    return " + i + ";\n}\n"));
            }
            source = new SourceRepository("synthetic", repo.dir().toString(), RepositoryKind.LOCAL, repo.dir().toString(),
                    "test");
        }
    }

    private static String version(SnapshotTrees.OpenTree t) {
        return t.tree().read("xen/common/version.c").map(b -> new String(b, StandardCharsets.UTF_8))
                .orElseThrow().lines().findFirst().orElseThrow();
    }

    @Test
    void aTreeOpenedBeforeMoreTreesThanTheCacheKeepsReadsItsOwnCommitAfterThem() throws Exception {
        SnapshotTrees trees = new SnapshotTrees(new RepositoryStorage(new FusaProperties(temp, List.of(temp), null, 0)));
        List<String> inner = new ArrayList<>();
        String outer = trees.with(source, "v0", first -> {
            for (int round = 0; round < 2; round++) {
                for (int i = 1; i < COMMITS; i++) {
                    String ref = "v" + i;
                    try {
                        inner.add(trees.with(source, ref, SnapshotTreesTest::version));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            assertThat(first.index().functions("xen/common/version.c")).isNotEmpty();
            return version(first);
        });
        assertThat(outer).isEqualTo("/* release 0 */");
        assertThat(inner).hasSize(2 * (COMMITS - 1)).contains("/* release 1 */", "/* release " + (COMMITS - 1) + " */");
        assertThat(trees.with(source, "v0", SnapshotTreesTest::version)).isEqualTo("/* release 0 */");
    }

    @Test
    void threadsReadingManyCommitsEachReadTheirOwn() throws Exception {
        SnapshotTrees trees = new SnapshotTrees(new RepositoryStorage(new FusaProperties(temp, List.of(temp), null, 0)));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    int n = (i * 7 + offset) % COMMITS;
                    assertThat(trees.with(source, "v" + n, SnapshotTreesTest::version)).isEqualTo("/* release " + n + " */");
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }
}
