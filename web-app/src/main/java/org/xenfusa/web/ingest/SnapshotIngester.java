package org.xenfusa.web.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.report.TreeCounter;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.web.ingest.BlobCountStore.BlobKey;
import org.xenfusa.web.ingest.BlobCountStore.CountedBlob;
import org.xenfusa.web.ingest.BlobCountStore.SnapshotEntry;
import org.xenfusa.web.ingest.BlobCountStore.StoredSnapshot;
import org.xenfusa.web.ingest.IngestTaskStore.Task;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InstanceId;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Runs ingest jobs as many small tasks: a job is planned into one task per selected ref ({@link #plan}), and each
 * task ({@link #runTask}), on any instance's worker, reads its commit's tree through JGit, counts every blob not yet
 * counted (by blob id and file name), then stores the snapshot and its file list in one transaction. Counts are
 * committed as they are made and shared through the blob cache, where a task claims the blobs it counts so that tasks
 * running at the same moment (on one instance or several) never count one content twice. The job's progress is the
 * sum of its tasks'; the task that ends last ends the job. A cancelled or failed ref keeps the work done, and every
 * other snapshot is untouched.
 */
@Service
public class SnapshotIngester {
    private static final Logger log = LoggerFactory.getLogger(SnapshotIngester.class);
    private static final int BATCH = 256;
    private static final long PROGRESS_EVERY_MS = 250;
    /** How long a claim on blobs holds (it covers counting one batch); a dead worker's claims lapse after it. */
    static final Duration CLAIM_LEASE = Duration.ofSeconds(30);
    /** How often a task waiting for blobs other workers count looks again. */
    private static final long WAIT_MS = 100;
    /** An open repository no task used for this long is closed. */
    private static final long REPOSITORY_IDLE_MS = 60_000;
    /**
     * Version of the counting rules stored with each count (the counter's own, raised with its
     * rules), so that cached counts of older rules are counted again.
     */
    public static final int COUNTER_VERSION = ClocCounter.RULES_VERSION;

    private final IngestJobRepository jobs;
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final BlobCountStore store;
    private final IngestTaskStore tasks;
    private final FusaProperties properties;
    private final InstanceId instance;
    private final RepositoryStorage storage;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TreeCounter counter = new TreeCounter(new ClocCounter());
    /** Repositories open for the tasks of this instance, by git folder: a task per ref need not load the pack index again. */
    private final Map<Path, SharedRepository> open = new HashMap<>();
    /**
     * Cache keys ({@code blobId + '\0' + fileName}) this instance knows to be counted, per job of the last few: the
     * tags of one job share most of their blobs, so a task asks the database only about the keys the job's earlier
     * tasks here have not seen (a new job asks again: its counts may have been rewritten meanwhile).
     */
    private final Map<Long, Set<String>> knownCounted = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Set<String>> eldest) {
                    return size() > 4;
                }
            });

    public SnapshotIngester(IngestJobRepository jobs, SourceRepositoryRepository repositories,
            SnapshotRepository snapshots, BlobCountStore store, IngestTaskStore tasks, FusaProperties properties,
            InstanceId instance, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            RepositoryStorage storage) {
        this.storage = storage;
        this.jobs = jobs;
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.store = store;
        this.tasks = tasks;
        this.properties = properties;
        this.instance = instance;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Raised inside a task when the user asked to stop the job. */
    static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    /** The platform is stopping: the task goes back to the queue where it stands. */
    static final class HandedBackException extends RuntimeException {
        HandedBackException() {
            super("handed back", null, false, false);
        }
    }

    /**
     * Plans a job: resolves its refs once and records one task per ref (a job planned already, e.g. planned again
     * after its planner's worker died, keeps its tasks). A job that cannot be planned (unknown ref, no tag matching,
     * repository not ready) ends FAILED with the reason; a job cancelled meanwhile ends CANCELLED.
     *
     * @return the tasks not ended yet, to be queued for the workers of every instance
     */
    public List<Long> plan(long jobId) {
        IngestJob job = jobs.findById(jobId).orElse(null);
        if (job == null || !job.getState().isActive()) {
            return List.of();
        }
        tasks.jobRunning(jobId, instance.name());
        if (!tasks.planned(jobId)) {
            try {
                SourceRepository source = source(job.getRepositoryId());
                // a URL: this instance's own clone, made or fetched now (the refs resolved are the server's)
                Path gitDir = storage.refreshed(source);
                Repository repo = acquire(gitDir);
                try {
                    tasks.plan(jobId, RefSelection.resolve(repo, job.getMode(), job.getRefSpec()));
                } finally {
                    release(gitDir);
                }
            } catch (InvalidInputException e) {
                endJob(job, IngestState.FAILED, e.getMessage());
                return List.of();
            } catch (Exception | OutOfMemoryError e) {
                log.error("Ingest job {} could not be planned", jobId, e);
                endJob(job, IngestState.FAILED, "Failed while listing the refs: " + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + " (earlier snapshots are intact)");
                return List.of();
            }
        }
        if (jobs.isCancelRequested(jobId)) {
            tasks.cancelQueued(jobId);
        }
        List<Long> left = tasks.open(jobId);
        if (left.isEmpty()) {
            finishIfDone(jobId);
        }
        return left;
    }

    private SourceRepository source(long repositoryId) throws InvalidInputException {
        SourceRepository source = repositories.findById(repositoryId)
                .orElseThrow(() -> new InvalidInputException("the repository was removed"));
        if (!source.isReady()) {
            throw new InvalidInputException(RepositoryRegistrar.notReady(source));
        }
        if (source.getKind() == RepositoryKind.LOCAL) {
            // a .git file or alternates may have been pointed elsewhere since registration
            properties.checkFoldersRead(Path.of(source.getGitDir()));
        }
        return source;
    }

    /**
     * Runs one task (one ref) to its end, or until {@code stopping} says this instance is shutting down: then, at the
     * next progress write (every {@value #PROGRESS_EVERY_MS} ms), the task is handed back to the queue with what it
     * has stored kept, and any instance's next worker resumes it (as after a takeover). Never throws; the task that
     * ends a job's last ref ends the job.
     *
     * @return true when the task was handed back and must be scheduled again
     */
    public boolean runTask(long taskId, BooleanSupplier stopping) {
        Task task = tasks.find(taskId).orElse(null);
        if (task == null || !task.isOpen()) {
            return false;
        }
        long jobId = task.jobId();
        IngestJob job = jobs.findById(jobId).orElse(null);
        if (job == null || !job.getState().isActive()) {
            tasks.end(taskId, "CANCELLED", null, null, "The job ended before this ref was ingested");
            return false;
        }
        if (job.isCancelRequested()) {
            tasks.end(taskId, "CANCELLED", null, null, "Cancelled before it started");
            finishIfDone(jobId);
            return false;
        }
        if (!tasks.start(taskId, instance.name())) {
            return false;
        }
        tasks.jobRunning(jobId, null);
        Progress progress = new Progress(task, stopping);
        try {
            SourceRepository source = source(job.getRepositoryId());
            // a URL: this instance's clone, fetched if it lacks the commit the task was planned with
            Path gitDir = storage.gitDir(source, task.commitSha());
            Repository repo = acquire(gitDir);
            try {
                ingestRef(repo, source, task, progress);
            } finally {
                release(gitDir);
            }
            progress.write();
            tasks.end(taskId, "SUCCEEDED", progress.outcome, progress.reusedAs, null);
        } catch (HandedBackException e) {
            store.releaseClaims(progress.claimer);
            progress.write();
            tasks.handBack(taskId, "Handed back to the queue when " + instance.name() + " stopped");
            tasks.handedBack(jobId, "Ref " + task.refName() + " handed back to the queue when " + instance.name()
                    + " stopped; the next worker resumes it (stored snapshots are kept)");
            log.info("Ingest job {} handed back to the queue: this instance is stopping (ref {})", jobId,
                    task.refName());
            return true;
        } catch (CancelledException e) {
            store.releaseClaims(progress.claimer);
            progress.write();
            tasks.end(taskId, "CANCELLED", null, null, "Cancelled while it ran; its counts are kept");
        } catch (InvalidInputException e) {
            store.releaseClaims(progress.claimer);
            tasks.end(taskId, "FAILED", null, null, e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            log.error("Ingest job {} failed at ref {}", jobId, task.refName(), e);
            store.releaseClaims(progress.claimer);
            progress.write();
            tasks.end(taskId, "FAILED", null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        finishIfDone(jobId);
        return false;
    }

    /**
     * A task whose worker died (its heartbeat stopped): handed back to the queue at most {@code max} times, then
     * failed (a ref that kills its worker each time must not go round the instances for ever).
     *
     * @return true when the task was handed back and must be scheduled again
     */
    public boolean takeOverTask(long taskId, String deadWorker, int max) {
        Task task = tasks.find(taskId).orElse(null);
        if (task == null || !task.isOpen()) {
            return false;
        }
        if (tasks.takeOver(taskId, max, "Taken over: the worker on " + deadWorker + " stopped while it ran")) {
            tasks.handedBack(task.jobId(), "Ref " + task.refName() + " taken over: the worker on " + deadWorker
                    + " stopped while it ran; resuming (snapshots already stored are kept)");
            log.warn("Ingest job {}: the worker on {} stopped during ref {}; handed back to the queue", task.jobId(),
                    deadWorker, task.refName());
            return true;
        }
        tasks.end(taskId, "FAILED", null, null, "The worker stopped while this ref was ingested (app killed or"
                + " restarted), also after being taken over " + max + " times");
        finishIfDone(task.jobId());
        return false;
    }

    /**
     * Asks a job to stop: its tasks not started yet are cancelled at once, the running ones at their next progress
     * write; the job ends CANCELLED when the last one has stopped.
     */
    public void cancel(long jobId) {
        jobs.requestCancel(jobId);
        tasks.cancelQueued(jobId);
        finishIfDone(jobId);
    }

    /** Ends a job that could not run (its planner died too often): its tasks not ended are cancelled. */
    public void fail(long jobId, String message) {
        jobs.findById(jobId).ifPresent(job -> {
            tasks.closeOpen(jobId, "The job ended without this ref: " + message);
            endJob(job, IngestState.FAILED, message);
        });
    }

    /**
     * Ends the job when none of its tasks is left: SUCCEEDED with what was stored, FAILED naming each ref that failed
     * and why (the other refs' snapshots stored all the same), or CANCELLED. Under a lock on the job's row, so that
     * of two tasks ending at the same moment on two instances exactly one ends the job.
     *
     * @return true when this call ended the job
     */
    boolean finishIfDone(long jobId) {
        IngestJob ended = transaction.execute(status -> {
            Optional<String> state = tasks.lockJob(jobId);
            if (state.isEmpty() || !(state.get().equals("QUEUED") || state.get().equals("RUNNING"))) {
                return null;
            }
            tasks.refreshJob(jobId);
            List<Task> all = tasks.ofJob(jobId);
            if (all.isEmpty() || all.stream().anyMatch(Task::isOpen)) {
                return null; // not planned yet (its planner ends it), or refs left
            }
            IngestJob job = jobs.findById(jobId).orElseThrow();
            int takeovers = jobs.takeovers(jobId) + all.stream().mapToInt(Task::takeovers).sum();
            String takenOver = takeovers == 0 ? "" : "; taken over " + (takeovers == 1 ? "once" : takeovers + " times")
                    + " after its worker stopped";
            List<Task> stored = all.stream().filter(t -> t.state().equals("SUCCEEDED")).toList();
            List<Task> failed = all.stream().filter(t -> t.state().equals("FAILED")).toList();
            if (job.isCancelRequested()) {
                jobs.finish(jobId, IngestState.CANCELLED, Instant.now(), "Cancelled after %d of %d ref(s); complete"
                        .formatted(stored.size(), all.size()) + " snapshots are kept" + takenOver);
            } else if (!failed.isEmpty()) {
                Task first = failed.get(0);
                jobs.finish(jobId, IngestState.FAILED, Instant.now(), "Failed at ref " + first.refName() + ": "
                        + first.message() + (failed.size() == 1 ? "" : "; also failed: " + failed.stream().skip(1)
                                .limit(10).map(t -> t.refName() + " (" + t.message() + ")")
                                .collect(Collectors.joining(", ")) + (failed.size() > 11 ? " and "
                                        + (failed.size() - 11) + " more" : ""))
                        + "; the other %d of %d ref(s) were stored (earlier snapshots are intact)"
                                .formatted(stored.size(), all.size()) + takenOver);
            } else {
                int counted = all.stream().mapToInt(Task::filesCounted).sum();
                int seen = all.stream().mapToInt(Task::filesSeen).sum();
                long created = all.stream().filter(t -> "NEW".equals(t.outcome())).count();
                long recounted = all.stream().filter(t -> "RECOUNTED".equals(t.outcome())).count();
                List<String> reused = all.stream().filter(t -> t.reusedAs() != null)
                        .map(t -> t.refName() + " is " + t.reusedAs()).toList();
                jobs.finish(jobId, IngestState.SUCCEEDED, Instant.now(), ("%d ref(s), %d new snapshot(s), %d file(s)"
                        + " counted, %d reused from the cache" + (recounted > 0 ? ", %d snapshot(s) recounted with"
                                + " counting rules v" + COUNTER_VERSION : ""))
                        .formatted(all.size(), created, counted, seen - counted, recounted)
                        + (reused.isEmpty() ? "" : "; the same commit as an earlier snapshot: "
                                + String.join(", ", reused.stream().limit(10).toList())
                                + (reused.size() > 10 ? " and " + (reused.size() - 10) + " more" : ""))
                        + takenOver);
            }
            return job;
        });
        if (ended == null) {
            return false;
        }
        // whatever the job's end, the snapshots it stored get their analysis results queued
        events.publishEvent(new IngestJobs.SnapshotsIngested(jobId, ended.getRepositoryId()));
        return true;
    }

    private void endJob(IngestJob job, IngestState state, String message) {
        jobs.finish(job.getId(), state, Instant.now(), message);
        events.publishEvent(new IngestJobs.SnapshotsIngested(job.getId(), job.getRepositoryId()));
    }

    private void ingestRef(Repository repo, SourceRepository source, Task task, Progress progress) throws IOException {
        // one snapshot per commit: X, refs/tags/X, X~0, X^{commit} and its id all read the same tree
        var existing = snapshots.findFirstByRepositoryIdAndCommitShaOrderByIdAsc(source.getId(), task.commitSha());
        if (existing.isPresent() && !existing.get().getRefName().equals(task.refName())) {
            progress.reusedAs = existing.get().getRefName();
            store.addAlias(existing.get().getId(), task.refName());
        }
        if (existing.isPresent() && existing.get().getCounterVersion() >= COUNTER_VERSION) {
            progress.outcome = "REUSED";
            progress.flush(true);
            return;
        }
        // a snapshot counted under older counting rules: its files are counted again (the counts of its blobs
        // are replaced for every snapshot that shares them) and it is marked as counted by the current rules
        try (GitSourceTree tree = GitSourceTree.open(repo, task.commitSha())) {
            List<SourceFile> files = tree.files();
            progress.filesTotal = files.size();
            progress.flush(true);
            Set<String> known = knownCounted.computeIfAbsent(task.jobId(), j -> ConcurrentHashMap.newKeySet());
            Set<String> cached = store.cachedKeys(files.stream()
                    .filter(f -> !known.contains(f.blobId() + '\0' + f.name())).map(SourceFile::blobId)
                    .collect(Collectors.toSet()), COUNTER_VERSION);
            known.addAll(cached);
            Map<BlobKey, SourceFile> fresh = new LinkedHashMap<>();
            for (SourceFile f : files) {
                String key = f.blobId() + '\0' + f.name();
                if (!known.contains(key)) {
                    fresh.putIfAbsent(new BlobKey(f.blobId(), f.name()), f);
                }
            }
            progress.seen(files.size() - fresh.size());
            // each batch: claim, count what was won, store; what another worker claimed is waited for below, so
            // that two tasks on neighbouring tags share the blobs they have in common instead of counting them twice
            List<BlobKey> keys = new ArrayList<>(fresh.keySet());
            List<BlobKey> othersCount = new ArrayList<>();
            for (int start = 0; start < keys.size(); start += BATCH) {
                List<BlobKey> batch = keys.subList(start, Math.min(keys.size(), start + BATCH));
                Set<BlobKey> won = store.claim(batch, COUNTER_VERSION, progress.claimer, CLAIM_LEASE);
                batch.stream().filter(k -> !won.contains(k)).forEach(othersCount::add);
                count(tree, batch.stream().filter(won::contains).map(fresh::get).toList(), progress, known);
            }
            // the blobs other workers claimed: their counts arrive, or their claims lapse (a worker died) and are won
            while (!othersCount.isEmpty()) {
                Set<String> arrived = store.cachedKeys(othersCount.stream().map(BlobKey::blobId)
                        .collect(Collectors.toSet()), COUNTER_VERSION);
                int before = othersCount.size();
                othersCount.removeIf(k -> arrived.contains(k.blobId() + '\0' + k.fileName()));
                known.addAll(arrived);
                progress.seen(before - othersCount.size());
                if (othersCount.isEmpty()) {
                    break;
                }
                List<BlobKey> batch = othersCount.subList(0, Math.min(othersCount.size(), BATCH));
                Set<BlobKey> won = store.claim(batch, COUNTER_VERSION, progress.claimer, CLAIM_LEASE);
                if (won.isEmpty()) {
                    progress.flush(false);
                    pause();
                    continue;
                }
                count(tree, won.stream().map(fresh::get).toList(), progress, known);
                othersCount.removeAll(won);
            }
            if (existing.isPresent()) {
                store.markCounted(existing.get().getId(), COUNTER_VERSION);
                progress.outcome = "RECOUNTED";
                return;
            }
            RevCommit commit = tree.revCommit();
            StoredSnapshot stored = store.saveSnapshot(source.getId(), task.refName(), commit.name(),
                    Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage(),
                    files.stream().map(f -> new SnapshotEntry(f.path(), f.blobId())).toList(), COUNTER_VERSION);
            progress.outcome = stored.created() ? "NEW" : "REUSED";
            if (!stored.created() && !stored.refName().equals(task.refName())) {
                // another job (on this or another instance) stored the commit meanwhile
                progress.reusedAs = stored.refName();
            }
        }
    }

    /** Counts files whose keys this task claimed and stores their counts (which ends the claims). */
    private void count(GitSourceTree tree, List<SourceFile> part, Progress progress, Set<String> known)
            throws IOException {
        if (part.isEmpty()) {
            return;
        }
        List<CountedBlob> counted = counter.count(tree, part, done -> { }).stream()
                .map(c -> new CountedBlob(c.contentId(), fileName(c.path()), c.size(), c.count())).toList();
        store.save(counted, COUNTER_VERSION);
        part.forEach(f -> known.add(f.blobId() + '\0' + f.name()));
        progress.filesCounted += part.size();
        progress.seen(part.size());
    }

    private static void pause() {
        try {
            Thread.sleep(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandedBackException();
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** An open repository and how many tasks of this instance read it. */
    private static final class SharedRepository {
        final Repository repository;
        int users;
        long idleSince;

        SharedRepository(Repository repository) {
            this.repository = repository;
        }
    }

    private synchronized Repository acquire(Path gitDir) throws InvalidInputException {
        long now = System.currentTimeMillis();
        open.values().removeIf(s -> {
            boolean idle = s.users == 0 && now - s.idleSince > REPOSITORY_IDLE_MS;
            if (idle) {
                s.repository.close();
            }
            return idle;
        });
        SharedRepository shared = open.get(gitDir);
        if (shared == null) {
            shared = new SharedRepository(GitRepositoryFolders.open(gitDir));
            open.put(gitDir, shared);
        }
        shared.users++;
        return shared.repository;
    }

    private synchronized void release(Path gitDir) {
        SharedRepository shared = open.get(gitDir);
        if (shared != null && --shared.users == 0) {
            shared.idleSince = System.currentTimeMillis();
        }
    }

    @PreDestroy
    synchronized void closeRepositories() {
        open.values().forEach(s -> s.repository.close());
        open.clear();
    }

    /** Progress of a running task, written to its row and summed into its job's at most every {@value #PROGRESS_EVERY_MS} ms. */
    private final class Progress {
        final Task task;
        final BooleanSupplier stopping;
        /** Who claims blobs: this run of this task on this instance. */
        final String claimer;
        long lastFlush;
        int filesTotal;
        int filesDone;
        int filesSeen;
        int filesCounted;
        String outcome;
        String reusedAs;

        Progress(Task task, BooleanSupplier stopping) {
            this.task = task;
            this.stopping = stopping;
            this.claimer = instance.name() + " task " + task.id() + " " + UUID.randomUUID();
            // what an earlier run of the task (handed back, taken over) counted is stored: it stays counted by it
            this.filesCounted = task.filesCounted();
        }

        void seen(int files) {
            filesDone += files;
            filesSeen += files;
            flush(false);
        }

        void flush(boolean force) {
            long now = System.nanoTime();
            if (!force && (now - lastFlush) / 1_000_000 < PROGRESS_EVERY_MS) {
                return;
            }
            lastFlush = now;
            write();
            if (jobs.isCancelRequested(task.jobId())) {
                throw new CancelledException();
            }
            if (stopping.getAsBoolean()) {
                throw new HandedBackException();
            }
        }

        void write() {
            tasks.progress(task.id(), filesTotal, filesDone, filesCounted, filesSeen);
            tasks.refreshJob(task.jobId());
        }
    }
}
