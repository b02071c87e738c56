package org.xenfusa.web.sloc;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.sloc.report.SlocReport;
import org.xenfusa.web.ingest.BlobCountStore;

/**
 * SLOC of stored snapshots, as cloc would report it for the same files. A snapshot never changes
 * once stored, so its figures are kept in memory after the first request.
 */
@Service
public class SlocService {
    private final BlobCountStore store;
    private final SnapshotRepository snapshots;
    private final Map<String, SlocReport> cache = new ConcurrentHashMap<>();

    public SlocService(BlobCountStore store, SnapshotRepository snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    public Optional<SlocReport> sloc(long snapshotId, String pathPrefix) {
        String prefix = SlocReport.normalisePrefix(pathPrefix);
        Optional<Snapshot> snapshot = snapshots.findById(snapshotId);
        return snapshot.map(s -> cache.computeIfAbsent(snapshotId + "\0" + prefix,
                k -> SlocReport.of(Optional.of(s.getCommitSha()), prefix, store.files(snapshotId, prefix).stream()
                        .map(f -> new CountedFile(f.path(), f.blobId(), f.size(), f.count())).toList())));
    }

    /** Code lines (cloc's SUM) of every snapshot of a repository under a prefix, oldest first. */
    public List<TrendPoint> trend(long repositoryId, String pathPrefix) {
        return snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId).stream()
                .sorted(java.util.Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE))
                .map(s -> {
                    SlocReport sloc = sloc(s.getId(), pathPrefix).orElseThrow();
                    return new TrendPoint(s.getId(), s.getRefName(), s.getShortSha(), sloc.sum().code(),
                            sloc.sum().files());
                })
                .toList();
    }

    /** One point of the code-lines-across-releases chart. */
    public record TrendPoint(long snapshotId, String ref, String commit, long code, int files) {
    }
}
