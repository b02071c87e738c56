package org.xenfusa.web.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.web.platform.InvalidInputException;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Priority;

import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis results computed once and stored: queued for the tracked configurations after an ingest and when a
 * configuration becomes tracked, computed by background jobs with {@link AnalysisComputer}, and read by the dashboard.
 * A page never computes: it reads what is stored under the current engine version and inputs, and queues what is
 * missing or outdated, answering at once with its state.
 */
// [impl->dsn~stored-results~1]
@Service
public class AnalysisResults {
    private static final Logger log = LoggerFactory.getLogger(AnalysisResults.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AnalysisResultStore store;
    private final AnalysisEngineVersion engine;
    private final AnalysisComputer computer;
    private final SnapshotRepository snapshots;
    private final SavedConfigurationRepository configurations;
    private final SchedulerClient scheduler;
    /**
     * Figures read back from their JSON, by row and the time they were stored (a row computed again is another key):
     * a stored result never changes, so the trend of a long history is not parsed again on every visit.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, Object> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(4096).build();

    public AnalysisResults(AnalysisResultStore store, AnalysisEngineVersion engine, AnalysisComputer computer,
            SnapshotRepository snapshots, SavedConfigurationRepository configurations, SchedulerClient scheduler) {
        this.store = store;
        this.engine = engine;
        this.computer = computer;
        this.snapshots = snapshots;
        this.configurations = configurations;
        this.scheduler = scheduler;
    }

    public String engineVersion() {
        return engine.value();
    }

    /**
     * One result as a page shows it: its state, what the worker is doing, why it failed, when it was computed, and
     * its figures once done ({@code null} otherwise).
     */
    public record View(AnalysisKind kind, long snapshotId, long configurationId, AnalysisState state, String step,
            String failure, Instant computedAt, Object figures, int queuePosition) {
        public boolean done() {
            return state == AnalysisState.DONE && figures != null;
        }

        public boolean failed() {
            return state == AnalysisState.FAILED;
        }

        public boolean pending() {
            return state.isActive();
        }

        public AnalysisFigures.Sloc sloc() {
            return (AnalysisFigures.Sloc) figures;
        }

        public AnalysisFigures.Trace trace() {
            return (AnalysisFigures.Trace) figures;
        }

        public AnalysisFigures.Readiness readiness() {
            return (AnalysisFigures.Readiness) figures;
        }

        public AnalysisFigures.Coverage coverage() {
            return (AnalysisFigures.Coverage) figures;
        }

        public AnalysisFigures.Misra misra() {
            return (AnalysisFigures.Misra) figures;
        }
    }

    /**
     * Queues every kind of result for these snapshots and configurations (failed ones too), newest release first so
     * that the dashboard's default release is ready soonest.
     *
     * @return how many results were queued
     */
    public int queue(List<Snapshot> forSnapshots, List<SavedConfiguration> forConfigurations) {
        return queue(forSnapshots, forConfigurations, true);
    }

    /** As {@link #queue(List, List)}; with {@code retryFailed} false a failed result stays failed. */
    private int queue(List<Snapshot> forSnapshots, List<SavedConfiguration> forConfigurations, boolean retryFailed) {
        if (forSnapshots.isEmpty() || forConfigurations.isEmpty()) {
            return 0;
        }
        AnalysisComputer.Inputs inputs = computer.inputs();
        Map<Long, List<Snapshot>> byRepository = new HashMap<>();
        Map<Long, QueueOrder> orders = new HashMap<>();
        List<AnalysisResultStore.Wanted> wanted = new ArrayList<>();
        List<Snapshot> newestFirst = forSnapshots.stream()
                .sorted(Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE.reversed())).toList();
        for (Snapshot s : newestFirst) {
            long repositoryId = s.getRepository().getId();
            List<Snapshot> all = byRepository.computeIfAbsent(repositoryId,
                    id -> snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(id));
            int priority = orders.computeIfAbsent(repositoryId, id -> QueueOrder.of(all)).priority(s);
            Optional<Snapshot> previous = computer.previous(s, all);
            for (SavedConfiguration c : forConfigurations) {
                if (!c.getRepositoryId().equals(repositoryId)) {
                    continue;
                }
                for (AnalysisKind kind : AnalysisKind.values()) {
                    wanted.add(new AnalysisResultStore.Wanted(s.getId(), c.getId(), kind,
                            computer.inputKey(kind, s, c, previous, inputs), priority));
                }
            }
        }
        return queueAll(wanted, retryFailed);
    }

    /**
     * Queues the tracked configurations' results for every snapshot of a repository (after an ingest): the new
     * snapshots' results, and those whose inputs changed. A failed one is not tried again on every ingest (a release
     * the engine does not support fails the same way each time): "Compute again" on the dashboard does that.
     */
    public int queueRepository(long repositoryId) {
        List<SavedConfiguration> tracked = configurations.findByRepositoryIdAndTrackedTrueOrderByNameAsc(repositoryId);
        if (tracked.isEmpty()) {
            return 0;
        }
        return queue(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId), tracked, false);
    }

    /** Queues a configuration's results for every snapshot of its repository (when it becomes tracked). */
    public int queueConfiguration(SavedConfiguration saved) {
        return queue(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(saved.getRepositoryId()), List.of(saved));
    }

    /** Queues these results in one statement and schedules a job for each one it queued; how many. */
    private int queueAll(List<AnalysisResultStore.Wanted> wanted, boolean retryFailed) {
        List<AnalysisResultStore.Queued> queued = store.queueAll(wanted, engine.value(), retryFailed);
        if (!queued.isEmpty()) {
            Instant now = Instant.now();
            // one execution per queueing: a row queued again after it ended gets a new instance id
            scheduler.scheduleBatch(queued.stream().<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>>map(
                    q -> com.github.kagkarlsson.scheduler.task.SchedulableInstance.of(AnalysisJobs.TASK
                            .instance("result-" + q.id() + "-" + System.nanoTime()).data(q.id()).build(), now))
                    .toList());
        }
        return queued.size();
    }

    /**
     * The order in which a repository's results are computed: newest release first, across configurations, so that
     * the dashboard's default release is complete before any older one is started, whatever order configurations
     * were tracked in. A result's priority: the newest release at {@link Priority#LOW}, each older release one lower.
     * Jobs are scheduled when their rows are queued (after the ingests and exports asked for before them: none is
     * delayed), and each job computes the queued row first in this order ({@link #runNext}), not its own.
     */
    record QueueOrder(Map<Long, Integer> rank, int size) {
        static QueueOrder of(List<Snapshot> ofRepository) {
            List<Snapshot> ordered = ofRepository.stream()
                    .sorted(Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE)).toList();
            Map<Long, Integer> rank = new HashMap<>();
            for (int i = 0; i < ordered.size(); i++) {
                rank.put(ordered.get(i).getId(), i);
            }
            return new QueueOrder(rank, ordered.size());
        }

        int priority(Snapshot s) {
            int below = size - 1 - rank.getOrDefault(s.getId(), size - 1);
            return Math.max(Short.MIN_VALUE, Priority.LOW - below);
        }
    }

    /**
     * The results of a snapshot for these configurations, every kind, as stored under the current engine version and
     * inputs: {@link #series} for one release, the repository's releases ({@code ofRepository}) deciding the release
     * before it and its place in the queue. One that is missing, of other inputs or of another engine is queued now
     * and shown as queued: a page never waits for a computation and never shows a result computed by another engine or
     * from other inputs.
     */
    public Map<Long, Map<AnalysisKind, View>> current(Snapshot snapshot, List<Snapshot> ofRepository,
            List<SavedConfiguration> forConfigurations) {
        Map<Long, Map<AnalysisKind, View>> out = new HashMap<>();
        if (forConfigurations.isEmpty()) {
            return out;
        }
        forConfigurations.forEach(c -> out.put(c.getId(), new EnumMap<>(AnalysisKind.class)));
        Series one = series(snapshot.getRepository().getId(), List.of(snapshot), ofRepository, forConfigurations,
                java.util.EnumSet.allOf(AnalysisKind.class), true);
        one.views().values().forEach(v -> out.get(v.configurationId()).put(v.kind(), v));
        return out;
    }

    /** The place in line of the queued ones among these rows (one query). */
    private Map<Long, Integer> positions(long repositoryId, java.util.Collection<AnalysisResultStore.Row> rows) {
        List<Long> queuedIds = rows.stream().filter(r -> r.state() == AnalysisState.QUEUED)
                .map(AnalysisResultStore.Row::id).toList();
        return queuedIds.isEmpty() ? Map.of() : store.queuePositions(repositoryId, engine.value(), queuedIds);
    }

    private View view(AnalysisResultStore.Row row, Map<Long, Integer> places) {
        return new View(row.kind(), row.snapshotId(), row.configurationId(), row.state(),
                row.step() == null ? "" : row.step(), row.failure() == null ? "" : row.failure(), row.computedAt(),
                row.state() == AnalysisState.DONE ? parsedFigures(row) : null, places.getOrDefault(row.id(), 1));
    }

    private Object parsedFigures(AnalysisResultStore.Row row) {
        String key = row.id() + "@" + row.computedAt();
        if (row.result() == null) {
            // read without its text: the figures read before, if any
            return parsed.getIfPresent(key);
        }
        return parsed.get(key, k -> figures(row));
    }

    /** The stored figures of a row, read back into their record. */
    public static Object figures(AnalysisResultStore.Row row) {
        if (row.result() == null) {
            return null;
        }
        Class<?> type = switch (row.kind()) {
            case SLOC -> AnalysisFigures.Sloc.class;
            case TRACE -> AnalysisFigures.Trace.class;
            case READINESS -> AnalysisFigures.Readiness.class;
            case COVERAGE -> AnalysisFigures.Coverage.class;
            case MISRA -> AnalysisFigures.Misra.class;
        };
        return JSON.readValue(row.result(), type);
    }

    /**
     * The results of many releases at once (trends, the readiness history), each as {@link #current} gives one: a
     * result is shown only when it was stored under the current engine version and inputs; a missing or outdated one
     * is queued now (newest release first) and shown as queued, a failed one with its reason. One query for the
     * rows, one for the figures not read before. With {@code queueMissing} false nothing is queued: what is missing
     * or outdated is simply absent (for a reader who may not start computations).
     */
    public Series series(long repositoryId, List<Snapshot> releases, List<SavedConfiguration> forConfigurations,
            java.util.Set<AnalysisKind> kinds, boolean queueMissing) {
        return series(repositoryId, releases, releases, forConfigurations, kinds, queueMissing);
    }

    /**
     * {@link #series} of the {@code releases} shown, the release before each and its place in the queue taken from
     * {@code context} (the releases of the repository the page considers; {@code releases} must be among them).
     */
    private Series series(long repositoryId, List<Snapshot> releases, List<Snapshot> context,
            List<SavedConfiguration> forConfigurations, java.util.Set<AnalysisKind> kinds, boolean queueMissing) {
        if (releases.isEmpty() || forConfigurations.isEmpty() || kinds.isEmpty()) {
            return new Series(Map.of(), 0);
        }
        List<Long> ids = forConfigurations.stream().map(SavedConfiguration::getId).toList();
        java.util.function.Supplier<List<AnalysisResultStore.Row>> read = () -> releases.size() == 1
                ? store.forSnapshot(releases.get(0).getId(), ids, engine.value()).stream()
                        .filter(r -> kinds.contains(r.kind())).toList()
                : store.forRepository(repositoryId, ids, kinds, engine.value());
        Map<String, AnalysisResultStore.Row> rows = byKey(read.get());
        AnalysisComputer.Inputs inputs = computer.inputs();
        java.util.Set<Long> shownIds = new java.util.HashSet<>();
        releases.forEach(r -> shownIds.add(r.getId()));
        Map<Long, Snapshot> all = new java.util.LinkedHashMap<>();
        context.forEach(c -> all.put(c.getId(), c));
        releases.forEach(r -> all.putIfAbsent(r.getId(), r));
        List<Snapshot> ordered = all.values().stream()
                .sorted(Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE)).toList();
        Map<String, String> keys = new HashMap<>();
        QueueOrder order = QueueOrder.of(ordered);
        List<AnalysisResultStore.Wanted> wanted = new ArrayList<>();
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Snapshot s = ordered.get(i);
            if (!shownIds.contains(s.getId())) {
                continue;
            }
            Optional<Snapshot> previous = previousInOrder(ordered, i);
            for (SavedConfiguration c : forConfigurations) {
                for (AnalysisKind kind : kinds) {
                    String key = computer.inputKey(kind, s, c, previous, inputs);
                    String at = key(s.getId(), c.getId(), kind);
                    keys.put(at, key);
                    AnalysisResultStore.Row row = rows.get(at);
                    if (queueMissing && (row == null || (!row.inputKey().equals(key) && !row.state().isActive()))) {
                        wanted.add(new AnalysisResultStore.Wanted(s.getId(), c.getId(), kind, key, order.priority(s)));
                    }
                }
            }
        }
        int queued = queueAll(wanted, false);
        if (queued > 0) {
            rows = byKey(read.get());
        }
        List<Long> unread = new ArrayList<>();
        for (AnalysisResultStore.Row r : rows.values()) {
            if (r.state() == AnalysisState.DONE && r.result() == null
                    && parsed.getIfPresent(r.id() + "@" + r.computedAt()) == null) {
                unread.add(r.id());
            }
        }
        Map<Long, String> texts = unread.isEmpty() ? Map.of() : store.results(unread);
        Map<Long, Integer> places = positions(repositoryId, rows.values());
        Map<String, View> views = new HashMap<>();
        for (Map.Entry<String, AnalysisResultStore.Row> e : rows.entrySet()) {
            AnalysisResultStore.Row r = e.getValue();
            String expected = keys.get(e.getKey());
            if (expected == null || (r.state() == AnalysisState.DONE && !r.inputKey().equals(expected))) {
                // not asked for, or done from other inputs and not queued again (never shown as current)
                continue;
            }
            String text = texts.get(r.id());
            AnalysisResultStore.Row full = text == null ? r : new AnalysisResultStore.Row(r.id(), r.snapshotId(),
                    r.configurationId(), r.kind(), r.engineVersion(), r.inputKey(), r.state(), r.step(), r.failure(),
                    r.queuedAt(), r.startedAt(), r.computedAt(), text);
            View v = view(full, places);
            if (r.state() == AnalysisState.DONE && v.figures() == null) {
                // its figures left the cache since they were looked for: read them now
                v = view(new AnalysisResultStore.Row(r.id(), r.snapshotId(), r.configurationId(), r.kind(),
                        r.engineVersion(), r.inputKey(), r.state(), r.step(), r.failure(), r.queuedAt(), r.startedAt(),
                        r.computedAt(), store.results(List.of(r.id())).get(r.id())), places);
            }
            views.put(e.getKey(), v);
        }
        return new Series(Map.copyOf(views), queued);
    }

    /** The results {@link #series} found, by release, configuration and kind. */
    public record Series(Map<String, View> views, int queued) {
        public Optional<View> at(long snapshotId, long configurationId, AnalysisKind kind) {
            return Optional.ofNullable(views.get(key(snapshotId, configurationId, kind)));
        }

        /** How many of the results are still waiting or being computed. */
        public long pending() {
            return views.values().stream().filter(View::pending).count();
        }
    }

    private static String key(long snapshotId, long configurationId, AnalysisKind kind) {
        return snapshotId + "|" + configurationId + "|" + kind;
    }

    private static Map<String, AnalysisResultStore.Row> byKey(List<AnalysisResultStore.Row> rows) {
        Map<String, AnalysisResultStore.Row> out = new HashMap<>();
        rows.forEach(r -> out.put(key(r.snapshotId(), r.configurationId(), r.kind()), r));
        return out;
    }

    /** The release before {@code ordered.get(i)} in a list in release order (as {@link AnalysisComputer#previous}). */
    private static Optional<Snapshot> previousInOrder(List<Snapshot> ordered, int i) {
        String ref = ordered.get(i).getRefName();
        for (int j = i - 1; j >= 0; j--) {
            if (ReleaseOrder.INSTANCE.compare(ordered.get(j).getRefName(), ref) < 0) {
                return Optional.of(ordered.get(j));
            }
        }
        return Optional.empty();
    }

    /** The stored rows of a snapshot for these configurations under the current engine, as they are (no queueing). */
    public List<AnalysisResultStore.Row> rows(long snapshotId, List<Long> configurationIds) {
        return store.forSnapshot(snapshotId, configurationIds, engine.value());
    }

    /** Queued and running results of a repository (current engine), the running ones first. */
    public List<AnalysisResultStore.Row> active(long repositoryId) {
        return store.activeForRepository(repositoryId, engine.value(), Integer.MAX_VALUE);
    }

    /** The first {@code limit} of {@link #active}: the running ones, then the queue in the workers' order. */
    public List<AnalysisResultStore.Row> active(long repositoryId, int limit) {
        return store.activeForRepository(repositoryId, engine.value(), limit);
    }

    /** The results of a repository that ended last. */
    public List<AnalysisResultStore.Row> recent(long repositoryId, int limit) {
        return store.recentForRepository(repositoryId, engine.value(), limit);
    }

    /**
     * Computes the first queued result in the queue's order (newest release first, {@link QueueOrder}) and stores it,
     * or its failure with the reason; never throws. Each queued row has a job; a job computes whichever row is first
     * when it runs, so the order is the table's ({@code worker} names the job, for {@link #workerDied}).
     */
    public void runNext(String worker) {
        Optional<AnalysisResultStore.Row> found = store.claimNext(worker);
        if (found.isEmpty()) {
            return;
        }
        AnalysisResultStore.Row row = found.get();
        long id = row.id();
        long t0 = System.nanoTime();
        try {
            Snapshot snapshot = snapshots.findWithRepository(row.snapshotId())
                    .orElseThrow(() -> new InvalidInputException("the snapshot was removed"));
            SavedConfiguration saved = configurations.findById(row.configurationId())
                    .orElseThrow(() -> new InvalidInputException("the configuration was removed"));
            List<Snapshot> all = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(
                    snapshot.getRepository().getId());
            Optional<Snapshot> previous = computer.previous(snapshot, all);
            // the key of the inputs read now: a change while this runs makes the stored result outdated at once
            String key = computer.inputKey(row.kind(), snapshot, saved, previous, computer.inputs());
            Object figures = computer.compute(row.kind(), snapshot, saved, previous, step -> store.step(id, step));
            store.done(id, key, JSON.writeValueAsString(figures));
            log.info("Analysis {} of '{}' at {} stored in {} ms", row.kind(), saved.getName(), snapshot.getRefName(),
                    (System.nanoTime() - t0) / 1_000_000);
        } catch (InvalidInputException | GateFileException e) {
            store.fail(id, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            log.error("Analysis result {} failed", id, e);
            store.fail(id, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Queued results beyond the analysis jobs waiting to take them. */
    public long queuedWithoutJobs() {
        return store.queuedWithoutJobs();
    }

    /**
     * Schedules a job for each queued result beyond the jobs waiting (a row queued by hand, or whose job was lost):
     * jobs take rows in the queue's order, so a row without one would otherwise wait for ever; how many.
     */
    public int topUp() {
        long missing = store.queuedWithoutJobs();
        if (missing <= 0) {
            return 0;
        }
        Instant now = Instant.now();
        List<com.github.kagkarlsson.scheduler.task.SchedulableInstance<?>> jobs = new ArrayList<>();
        for (long i = 0; i < missing; i++) {
            jobs.add(com.github.kagkarlsson.scheduler.task.SchedulableInstance.of(AnalysisJobs.TASK
                    .instance("topup-" + i + "-" + System.nanoTime()).data(-1L).build(), now));
        }
        scheduler.scheduleBatch(jobs);
        log.info("{} queued analysis result(s) had no job waiting: scheduled", missing);
        return (int) missing;
    }

    /** The job {@code worker} died (its instance killed or restarted): the result it was computing fails. */
    public void workerDied(String worker) {
        store.failWorker(worker, "The worker stopped while this result was computed (app killed or restarted):"
                + " \"Compute again\" on the dashboard queues it again.");
    }
}
