package org.xenfusa.web.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
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
import org.xenfusa.web.ingest.BlobCountStore.CountedBlob;
import org.xenfusa.web.ingest.BlobCountStore.SnapshotEntry;
import org.xenfusa.web.ingest.BlobCountStore.StoredSnapshot;
import org.xenfusa.web.ingest.RefSelection.ResolvedRef;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InstanceId;

/**
 * Runs one ingest job: for each selected ref, reads the commit's tree through JGit, counts every
 * blob not yet counted (by blob id and file name), then stores the snapshot and its file list in
 * one transaction. Counts are committed as they are made, so a cancelled or failed job keeps the
 * work it did, and every earlier snapshot is untouched.
 */
@Service
public class SnapshotIngester {
    private static final Logger log = LoggerFactory.getLogger(SnapshotIngester.class);
    private static final int BATCH = 256;
    private static final long PROGRESS_EVERY_MS = 250;
    /**
     * Version of the counting rules stored with each count (the counter's own, raised with its
     * rules), so that cached counts of older rules are counted again.
     */
    public static final int COUNTER_VERSION = ClocCounter.RULES_VERSION;

    private final IngestJobRepository jobs;
    private final SourceRepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final BlobCountStore store;
    private final FusaProperties properties;
    private final InstanceId instance;
    private final RepositoryStorage storage;
    private final TreeCounter counter = new TreeCounter(new ClocCounter());

    public SnapshotIngester(IngestJobRepository jobs, SourceRepositoryRepository repositories,
            SnapshotRepository snapshots, BlobCountStore store, FusaProperties properties, InstanceId instance,
            RepositoryStorage storage) {
        this.storage = storage;
        this.jobs = jobs;
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.store = store;
        this.properties = properties;
        this.instance = instance;
    }

    /** Raised inside the loop when the user asked to stop. */
    static final class CancelledException extends RuntimeException {
        CancelledException() {
            super("cancelled", null, false, false);
        }
    }

    /** The platform is stopping: the job goes back to the queue where it stands. */
    static final class HandedBackException extends RuntimeException {
        HandedBackException() {
            super("handed back", null, false, false);
        }
    }

    /** Runs the job to its end and records how it ended; never throws. */
    public void run(long jobId) {
        run(jobId, () -> false);
    }

    /**
     * Runs the job to its end, or until {@code stopping} says this instance is shutting down: then, at the next
     * progress write (every {@value #PROGRESS_EVERY_MS} ms, and between refs), the job is handed back to the queue
     * with what it has stored kept, and any instance's next worker resumes it (as after a takeover).
     *
     * @return true when the job was handed back and must be scheduled again
     */
    public boolean run(long jobId, java.util.function.BooleanSupplier stopping) {
        IngestJob job = jobs.findById(jobId).orElse(null);
        if (job == null || !job.getState().isActive()) {
            return false;
        }
        jobs.markRunning(jobId, Instant.now());
        jobs.ranOn(jobId, instance.name());
        Progress progress = new Progress(jobId, stopping);
        try {
            SourceRepository source = repositories.findById(job.getRepositoryId())
                    .orElseThrow(() -> new InvalidInputException("the repository was removed"));
            if (source.getKind() == RepositoryKind.LOCAL) {
                // a .git file or alternates may have been pointed elsewhere since registration
                properties.checkFoldersRead(Path.of(source.getGitDir()));
            }
            // a URL: this instance's own clone, made or fetched now (the refs resolved are the server's)
            try (Repository repo = GitRepositoryFolders.open(storage.refreshed(source))) {
                List<ResolvedRef> refs = RefSelection.resolve(repo, job.getMode(), job.getRefSpec());
                progress.refsTotal = refs.size();
                for (ResolvedRef ref : refs) {
                    ingestRef(repo, source, ref, progress);
                    progress.refsDone++;
                    progress.flush(true);
                }
            }
            jobs.finish(jobId, IngestState.SUCCEEDED, Instant.now(), ("%d ref(s), %d new snapshot(s), %d file(s) counted, %d reused from the cache"
                    + (progress.recounted > 0 ? ", %d snapshot(s) recounted with counting rules v" + COUNTER_VERSION : ""))
                    .formatted(progress.refsTotal, progress.newSnapshots, progress.filesCounted,
                            progress.filesSeen - progress.filesCounted, progress.recounted)
                    + (progress.reused.isEmpty() ? "" : "; the same commit as an earlier snapshot: "
                            + String.join(", ", progress.reused.stream().limit(10).toList())
                            + (progress.reused.size() > 10 ? " and " + (progress.reused.size() - 10) + " more" : ""))
                    + takenOver(jobId));
        } catch (HandedBackException e) {
            progress.write();
            jobs.handBack(jobId, "Handed back to the queue when " + instance.name() + " stopped, after %d of %d ref(s)"
                    .formatted(progress.refsDone, progress.refsTotal) + "; the next worker resumes it (stored snapshots"
                    + " are kept)");
            log.info("Ingest job {} handed back to the queue: this instance is stopping", jobId);
            return true;
        } catch (CancelledException e) {
            progress.write();
            jobs.finish(jobId, IngestState.CANCELLED, Instant.now(), "Cancelled after %d of %d ref(s); complete snapshots are kept"
                    .formatted(progress.refsDone, progress.refsTotal));
        } catch (InvalidInputException e) {
            jobs.finish(jobId, IngestState.FAILED, Instant.now(), e.getMessage());
        } catch (Exception | OutOfMemoryError e) {
            log.error("Ingest job {} failed", jobId, e);
            progress.write();
            jobs.finish(jobId, IngestState.FAILED, Instant.now(), "Failed at ref " + progress.currentRef + ": "
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + " (earlier snapshots are intact)");
        }
        return false;
    }

    /** "; taken over once after its worker stopped", or "" for a job that ran on one worker. */
    private String takenOver(long jobId) {
        int times = jobs.takeovers(jobId);
        return times == 0 ? "" : "; taken over " + (times == 1 ? "once" : times + " times") + " after its worker stopped";
    }

    private void ingestRef(Repository repo, SourceRepository source, ResolvedRef ref, Progress progress)
            throws IOException {
        progress.currentRef = ref.name();
        // one snapshot per commit: X, refs/tags/X, X~0, X^{commit} and its id all read the same tree
        var existing = snapshots.findFirstByRepositoryIdAndCommitShaOrderByIdAsc(source.getId(), ref.commit().name());
        if (existing.isPresent() && !existing.get().getRefName().equals(ref.name())) {
            progress.reused.add(ref.name() + " is " + existing.get().getRefName());
            store.addAlias(existing.get().getId(), ref.name());
        }
        if (existing.isPresent() && existing.get().getCounterVersion() >= COUNTER_VERSION) {
            progress.flush(true);
            return;
        }
        // a snapshot counted under older counting rules: its files are counted again (the counts of its blobs
        // are replaced for every snapshot that shares them) and it is marked as counted by the current rules
        try (GitSourceTree tree = GitSourceTree.open(repo, ref.commit().name())) {
            List<SourceFile> files = tree.files();
            progress.filesTotal = files.size();
            progress.filesDone = 0;
            progress.flush(true);
            // consecutive tags share most blobs: ask the database only about keys this job has not seen
            Set<String> ids = new HashSet<>();
            files.stream().filter(f -> !progress.knownCached.contains(cacheKey(f))).forEach(f -> ids.add(f.blobId()));
            Set<String> cached = store.cachedKeys(ids, COUNTER_VERSION);
            Set<String> countedNow = new HashSet<>();
            List<SourceFile> fresh = files.stream()
                    .filter(f -> !progress.knownCached.contains(cacheKey(f)) && !cached.contains(cacheKey(f))
                            && countedNow.add(cacheKey(f))).toList();
            files.forEach(f -> {
                if (cached.contains(cacheKey(f))) {
                    progress.knownCached.add(cacheKey(f));
                }
            });
            progress.filesDone = files.size() - fresh.size();
            progress.filesSeen += files.size() - fresh.size();
            for (int start = 0; start < fresh.size(); start += BATCH) {
                List<SourceFile> part = fresh.subList(start, Math.min(fresh.size(), start + BATCH));
                List<CountedBlob> counted = counter.count(tree, part, done -> { }).stream()
                        .map(c -> new CountedBlob(c.contentId(), fileName(c.path()), c.size(), c.count())).toList();
                store.save(counted, COUNTER_VERSION);
                part.forEach(f -> progress.knownCached.add(cacheKey(f)));
                progress.filesCounted += part.size();
                progress.filesDone += part.size();
                progress.filesSeen += part.size();
                progress.flush(false);
            }
            if (existing.isPresent()) {
                store.markCounted(existing.get().getId(), COUNTER_VERSION);
                progress.recounted++;
                return;
            }
            RevCommit commit = tree.revCommit();
            StoredSnapshot stored = store.saveSnapshot(source.getId(), ref.name(), commit.name(),
                    Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage(),
                    files.stream().map(f -> new SnapshotEntry(f.path(), f.blobId())).toList(), COUNTER_VERSION);
            if (stored.created()) {
                progress.newSnapshots++;
            } else if (!stored.refName().equals(ref.name())) {
                // another job (on this or another instance) stored the commit meanwhile
                progress.reused.add(ref.name() + " is " + stored.refName());
            }
        }
    }

    /** Counts are cached by content and file name: cloc decides the language from both. */
    private static String cacheKey(SourceFile f) {
        return f.blobId() + '\0' + f.name();
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Progress of the running job, written to its row at most every {@value #PROGRESS_EVERY_MS} ms. */
    private final class Progress {
        final long jobId;
        final long started = System.nanoTime();
        long lastFlush;
        int refsTotal;
        int refsDone;
        int filesTotal;
        int filesDone;
        int filesSeen;
        int filesCounted;
        int newSnapshots;
        int recounted;
        String currentRef = "";
        /** Refs whose commit already had a snapshot under another name ("X~0 is RELEASE-4.22.0"). */
        final List<String> reused = new java.util.ArrayList<>();
        /** Cache keys this job knows to be stored, so that later refs need not ask again. */
        final Set<String> knownCached = new HashSet<>();

        final java.util.function.BooleanSupplier stopping;

        Progress(long jobId, java.util.function.BooleanSupplier stopping) {
            this.jobId = jobId;
            this.stopping = stopping;
        }

        void flush(boolean force) {
            long now = System.nanoTime();
            if (!force && (now - lastFlush) / 1_000_000 < PROGRESS_EVERY_MS) {
                return;
            }
            lastFlush = now;
            write();
            if (jobs.isCancelRequested(jobId)) {
                throw new CancelledException();
            }
            if (stopping.getAsBoolean()) {
                throw new HandedBackException();
            }
        }

        void write() {
            double seconds = (System.nanoTime() - started) / 1e9;
            jobs.progress(jobId, refsTotal, refsDone, filesTotal, filesDone, filesCounted, currentRef,
                    seconds <= 0 ? 0 : filesSeen / seconds);
        }
    }
}
