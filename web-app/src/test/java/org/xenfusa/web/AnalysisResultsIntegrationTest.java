package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.web.analysis.AnalysisComputer;
import org.xenfusa.web.analysis.AnalysisEngineVersion;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResultStore;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.analysis.AnalysisState;
import org.xenfusa.web.analysis.TrackedConfigurations;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

import com.github.kagkarlsson.scheduler.SchedulerClient;

/**
 * Analysis results are computed once by background jobs and stored: read again without computing, computed again
 * under another engine version (never shown as current before), and when their inputs change; queued when a
 * configuration becomes tracked and after an ingest.
 */
// [utest->dsn~stored-results~1] [utest->err~outdated-result-shown~1]
@IntegrationTest
class AnalysisResultsIntegrationTest {
    static SyntheticRepository repo;

    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired ConfigurationService configurationService;
    @Autowired SavedConfigurationRepository configurations;
    @Autowired ConfigurationReports reports;
    @Autowired SnapshotRepository snapshots;
    @Autowired TrackedConfigurations tracking;
    @Autowired AnalysisResults results;
    @Autowired AnalysisComputer computer;
    @Autowired AnalysisResultStore store;
    @Autowired SchedulerClient scheduler;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-analysis"));
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        repo.commit("first", "RELEASE-3.0", files);
        repo.commit("second", "RELEASE-3.1", Map.of("xen/common/a.c", SyntheticRepository.cFile("a", 12)));
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private void ingested(long repositoryId) throws InterruptedException {
        var job = ingest.request(repositoryId, IngestMode.TAGS, "RELEASE-*", "tester");
        awaitUntil(() -> !jobs.findById(job.getId()).orElseThrow().getState().isActive(), "ingest job " + job.getId());
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not end within 120 s");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until no result of the snapshot is queued or running under {@code engine}, and returns them. */
    private List<AnalysisResultStore.Row> settled(Snapshot s, SavedConfiguration c, String engine)
            throws InterruptedException {
        awaitUntil(() -> {
            List<AnalysisResultStore.Row> rows = store.forSnapshot(s.getId(), List.of(c.getId()), engine);
            return rows.size() == AnalysisKind.values().length && rows.stream().noneMatch(r -> r.state().isActive());
        }, "the results of " + s.getRefName());
        return store.forSnapshot(s.getId(), List.of(c.getId()), engine);
    }

    private Snapshot snapshot(long repositoryId, String ref) {
        return snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId).stream()
                .filter(s -> s.getRefName().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void aStoredResultIsReusedAndComputedAgainUnderAnotherEngineVersionOrOtherInputs() throws Exception {
        SourceRepository r = registrar.register("analysis-repo", repo.dir().toString(), "tester");
        SavedConfiguration saved = configurationService.create(new ConfigurationForm("analysis-default", r.getId(),
                "RELEASE-3.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        ingested(r.getId());
        Snapshot first = snapshot(r.getId(), "RELEASE-3.0");
        Snapshot second = snapshot(r.getId(), "RELEASE-3.1");
        String engine = results.engineVersion();
        // not tracked: nothing is computed for it
        assertThat(store.forSnapshot(second.getId(), List.of(saved.getId()), engine)).isEmpty();

        tracking.track(saved.getId(), true);
        assertThat(configurations.findById(saved.getId()).orElseThrow().isTracked()).isTrue();
        List<AnalysisResultStore.Row> rows = settled(second, saved, engine);
        settled(first, saved, engine);
        assertThat(rows).allSatisfy(row -> assertThat(row.state()).as(row.failure()).isEqualTo(AnalysisState.DONE));

        // the stored SLOC figures are those of the configuration's SLOC page (the same service)
        SavedConfiguration tracked = configurations.findById(saved.getId()).orElseThrow();
        ConfigurationReport report = reports.report(tracked, second.getCommitSha(), List.of());
        Map<AnalysisKind, AnalysisResults.View> views = results.current(second,
                snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()), List.of(tracked)).get(saved.getId());
        assertThat(views.get(AnalysisKind.SLOC).done()).isTrue();
        assertThat(views.get(AnalysisKind.SLOC).sloc().makeCloc()).isEqualTo(report.makeCloc());
        assertThat(views.get(AnalysisKind.SLOC).sloc().directories()).isEqualTo(report.directories());
        assertThat(views.get(AnalysisKind.TRACE).trace().previousRef()).isEqualTo("RELEASE-3.0");
        assertThat(views.get(AnalysisKind.READINESS).readiness().previousRef()).isEqualTo("RELEASE-3.0");

        // read again and asked again: nothing is computed
        long computed = computer.computations();
        List<Snapshot> all = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId());
        results.current(second, all, List.of(tracked));
        // the pages across releases (trend, history) show the very results the dashboard shows for one release
        AnalysisResults.Series across = results.series(r.getId(), all, List.of(tracked),
                java.util.EnumSet.allOf(AnalysisKind.class), false);
        for (AnalysisKind kind : AnalysisKind.values()) {
            assertThat(across.at(second.getId(), saved.getId(), kind)).as(kind.name()).hasValueSatisfying(v ->
                    assertThat(v.figures()).isEqualTo(views.get(kind).figures()));
        }
        assertThat(tracking.track(saved.getId(), true).isTracked()).isTrue();
        assertThat(results.queueConfiguration(tracked)).isZero();
        assertThat(computer.computations()).isEqualTo(computed);
        assertThat(store.forSnapshot(second.getId(), List.of(saved.getId()), engine))
                .extracting(AnalysisResultStore.Row::id).containsExactlyInAnyOrderElementsOf(
                        rows.stream().map(AnalysisResultStore.Row::id).toList());

        // another engine version: the stored results are not current; shown as queued at once, then computed again
        AnalysisResults next = new AnalysisResults(store, new AnalysisEngineVersion(engine + " next"), computer,
                snapshots, configurations, scheduler);
        Map<AnalysisKind, AnalysisResults.View> fresh = next.current(second, all, List.of(tracked)).get(saved.getId());
        assertThat(fresh.values()).allSatisfy(v -> assertThat(v.done()).isFalse());
        assertThat(fresh.values()).allSatisfy(v -> assertThat(v.figures()).isNull());
        settled(second, saved, engine + " next");
        assertThat(computer.computations()).isEqualTo(computed + AnalysisKind.values().length);
        Map<AnalysisKind, AnalysisResults.View> recomputed = next.current(second, all, List.of(tracked))
                .get(saved.getId());
        assertThat(recomputed.get(AnalysisKind.SLOC).sloc()).isEqualTo(views.get(AnalysisKind.SLOC).sloc());
        assertThat(computer.computations()).isEqualTo(computed + AnalysisKind.values().length);

        // an input changed (an override): the stored SLOC result is outdated, queued and computed again
        configurationService.setValue(saved.getId(), "FEATURE_A", "n");
        SavedConfiguration changed = configurations.findById(saved.getId()).orElseThrow();
        Map<AnalysisKind, AnalysisResults.View> outdated = results.current(second, all, List.of(changed))
                .get(saved.getId());
        assertThat(outdated.get(AnalysisKind.SLOC).done()).isFalse();
        settled(second, saved, engine);
        long without = results.current(second, all, List.of(changed)).get(saved.getId()).get(AnalysisKind.SLOC).sloc()
                .makeCloc().code();
        assertThat(without).isEqualTo(reports.report(changed, second.getCommitSha(), List.of()).makeCloc().code())
                .isLessThan(report.makeCloc().code());

        // an ingest of a new release queues the tracked configuration's results for it
        repo.commit("third", "RELEASE-3.2", Map.of("xen/common/b.c", SyntheticRepository.cFile("b", 3)));
        ingested(r.getId());
        Snapshot third = snapshot(r.getId(), "RELEASE-3.2");
        assertThat(settled(third, saved, engine)).allSatisfy(row -> assertThat(row.state()).isEqualTo(AnalysisState.DONE));
    }
}
