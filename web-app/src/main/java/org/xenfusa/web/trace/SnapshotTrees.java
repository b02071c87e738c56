package org.xenfusa.web.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.spec.CoverageTagImporter;
import org.xenfusa.trace.spec.MarkupDialect;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.web.cache.ClosingCache;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The open trees of recently traced commits with their function index and coverage tags. A tree's
 * reader is not thread-safe, so all reading goes through {@link #with}, one caller at a time; the
 * function index of every commit shares one cache by blob, so a file unchanged between two tags is
 * parsed once. A tree evicted while a caller still works on it (a page comparing two commits opens
 * one inside the other) is closed when that caller is done, not before.
 */
@Service
public class SnapshotTrees {
    private static final Logger log = LoggerFactory.getLogger(SnapshotTrees.class);
    public static final int OPEN_TREES = 6;

    /** An open commit: its tree, function index, and the coverage tags of its source files. */
    public record OpenTree(String commit, GitSourceTree tree, FunctionIndex index, SpecificationImport tags) {
    }

    private record Entry(Repository repository, OpenTree open) implements AutoCloseable {
        @Override
        public void close() {
            open.tree().close();
            repository.close();
        }
    }

    private final ClosingCache<String, Entry> open = new ClosingCache<>(OPEN_TREES,
            e -> log.warn("closing an evicted tree failed: {}", e.toString()));
    private FunctionIndex sharedIndex;
    private final RepositoryStorage storage;

    public SnapshotTrees(RepositoryStorage storage) {
        this.storage = storage;
    }

    /** Runs {@code work} on the snapshot's tree. */
    public <T> T with(Snapshot snapshot, Function<OpenTree, T> work) throws InvalidInputException {
        return with(snapshot.getRepository(), snapshot.getCommitSha(), work);
    }

    /** Runs {@code work} on the repository's tree at a ref (branch, tag or commit). */
    public <T> T with(SourceRepository repository, String ref, Function<OpenTree, T> work)
            throws InvalidInputException {
        storage.gitDir(repository, ref); // a clone this instance lacks is made outside the lock
        return withLocked(repository, ref, work);
    }

    private synchronized <T> T withLocked(SourceRepository repository, String ref, Function<OpenTree, T> work)
            throws InvalidInputException {
        try (ClosingCache<String, Entry>.Lease lease = open(repository, ref)) {
            return work.apply(lease.value().open());
        }
    }

    /** The OFT items of the snapshot's Markdown and reStructuredText files. */
    public SpecificationImport specifications(Snapshot snapshot) throws InvalidInputException {
        return with(snapshot, t -> {
            try {
                return new SpecificationScanner(p -> MarkupDialect.forFileName(p).isPresent(), List.of(), "",
                        SpecificationScanner.DEFAULT_MAX_FILE_BYTES).scan(t.tree());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private ClosingCache<String, Entry>.Lease open(SourceRepository source, String ref) throws InvalidInputException {
        Path dir = storage.gitDir(source, ref);
        Repository repo = GitRepositoryFolders.openShared(dir);
        try {
            var id = org.xenfusa.web.ingest.RefSelection.commit(repo, ref, source.getName());
            String key = dir + "\0" + id.name();
            boolean[] opened = {false};
            ClosingCache<String, Entry>.Lease lease = open.borrow(key, () -> {
                opened[0] = true;
                return openEntry(repo, id.name());
            });
            if (!opened[0]) {
                repo.close();
            }
            return lease;
        } catch (IOException e) {
            repo.close();
            throw new InvalidInputException("cannot read " + source.getName() + " at " + ref + ": " + e.getMessage(), e);
        } catch (InvalidInputException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }

    private Entry openEntry(Repository repo, String commit) throws IOException {
        GitSourceTree tree = GitSourceTree.open(repo, commit);
        try {
            FunctionIndex index = sharedIndex == null ? FunctionIndex.of(tree) : sharedIndex.forTree(tree);
            sharedIndex = index;
            // the tags of code and test files: the tree's own code anchors (markup files are requirements)
            SpecificationImport tags = new SpecificationScanner(
                    p -> MarkupDialect.forFileName(p).isEmpty() && CoverageTagImporter.readsByDefault(p), List.of(), "",
                    SpecificationScanner.DEFAULT_MAX_FILE_BYTES).scan(tree);
            return new Entry(repo, new OpenTree(commit, tree, index, tags));
        } catch (IOException | RuntimeException e) {
            tree.close();
            throw e;
        }
    }
}
