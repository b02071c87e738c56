package org.xenfusa.web.sloc;

import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Service;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.sloc.count.CountedFile;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.sloc.report.SlocReport;
import org.xenfusa.web.ingest.BlobCountStore;

/**
 * SLOC of stored snapshots, as cloc would report it for the same files. A snapshot never changes
 * once stored, so its figures are kept in memory after the first request (a bounded number of them).
 */
@Service
public class SlocService {
    private final BlobCountStore store;
    private final SnapshotRepository snapshots;
    /**
     * Reports by snapshot and path: small (totals per directory and language), but a path is any text a user types,
     * so their number is bounded.
     */
    private final Cache<String, SlocReport> cache = Caffeine.newBuilder().maximumSize(20_000).build();

    public SlocService(BlobCountStore store, SnapshotRepository snapshots) {
        this.store = store;
        this.snapshots = snapshots;
    }

    public Optional<SlocReport> sloc(long snapshotId, String pathPrefix) {
        return snapshots.findById(snapshotId).map(s -> sloc(s, pathPrefix));
    }

    private SlocReport sloc(Snapshot s, String pathPrefix) {
        String prefix = SlocReport.normalisePrefix(pathPrefix);
        return cache.get(s.getId() + "\0" + prefix, k -> SlocReport.of(Optional.of(s.getCommitSha()), prefix,
                store.files(s.getId(), prefix).stream()
                        .map(f -> new CountedFile(f.path(), f.blobId(), f.size(), f.count())).toList()));
    }

    /** Code lines (cloc's SUM) of every snapshot of a repository under a prefix, in release order. */
    public List<TrendPoint> trend(long repositoryId, String pathPrefix) {
        return snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(repositoryId).stream()
                .sorted(java.util.Comparator.comparing(Snapshot::getRefName, ReleaseOrder.INSTANCE))
                .map(s -> {
                    SlocReport sloc = sloc(s, pathPrefix);
                    return new TrendPoint(s.getId(), s.getRefName(), s.getShortSha(), sloc.sum().code(),
                            sloc.sum().files());
                })
                .toList();
    }

    /** One point of the code-lines-across-releases chart. */
    public record TrendPoint(long snapshotId, String ref, String commit, long code, int files) {
    }
}
