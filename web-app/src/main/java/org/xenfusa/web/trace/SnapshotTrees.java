package org.xenfusa.web.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.spec.CoverageTagImporter;
import org.xenfusa.trace.spec.MarkupDialect;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.web.ingest.GitRepositories;
import org.xenfusa.web.ingest.InvalidRepositoryException;

/**
 * The open trees of recently traced commits with their function index and coverage tags. A tree's
 * reader is not thread-safe, so all reading goes through {@link #with}, one caller at a time; the
 * function index of every commit shares one cache by blob, so a file unchanged between two tags is
 * parsed once.
 */
@Service
public class SnapshotTrees {
    private static final int OPEN_TREES = 6;

    /** An open commit: its tree, function index, and the coverage tags of its source files. */
    public record OpenTree(String commit, GitSourceTree tree, FunctionIndex index, SpecificationImport tags) {
    }

    private record Entry(Repository repository, OpenTree open) {
        void close() {
            open.tree().close();
            repository.close();
        }
    }

    private final Map<String, Entry> open = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            if (size() > OPEN_TREES) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };
    private FunctionIndex sharedIndex;

    /** Runs {@code work} on the snapshot's tree. */
    public synchronized <T> T with(Snapshot snapshot, Function<OpenTree, T> work) throws InvalidRepositoryException {
        return work.apply(open(snapshot.getRepository(), snapshot.getCommitSha()));
    }

    /** Runs {@code work} on the repository's tree at a ref (branch, tag or commit). */
    public synchronized <T> T with(SourceRepository repository, String ref, Function<OpenTree, T> work)
            throws InvalidRepositoryException {
        return work.apply(open(repository, ref));
    }

    /** The OFT items of the snapshot's Markdown and reStructuredText files. */
    public SpecificationImport specifications(Snapshot snapshot) throws InvalidRepositoryException {
        return with(snapshot, t -> {
            try {
                return new SpecificationScanner(p -> MarkupDialect.forFileName(p).isPresent(), List.of(), "",
                        SpecificationScanner.DEFAULT_MAX_FILE_BYTES).scan(t.tree());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private OpenTree open(SourceRepository source, String ref) throws InvalidRepositoryException {
        Repository repo = GitRepositories.open(Path.of(source.getGitDir()));
        try {
            var id = org.xenfusa.web.ingest.RefSelection.commit(repo, ref, source.getName());
            String key = source.getGitDir() + "\0" + id.name();
            Entry hit = open.get(key);
            if (hit != null) {
                repo.close();
                return hit.open();
            }
            GitSourceTree tree = GitSourceTree.open(repo, id.name());
            FunctionIndex index = sharedIndex == null ? FunctionIndex.of(tree) : sharedIndex.forTree(tree);
            sharedIndex = index;
            // the tags of code and test files: the tree's own code anchors (markup files are requirements)
            SpecificationImport tags = new SpecificationScanner(
                    p -> MarkupDialect.forFileName(p).isEmpty() && CoverageTagImporter.readsByDefault(p), List.of(), "",
                    SpecificationScanner.DEFAULT_MAX_FILE_BYTES).scan(tree);
            Entry created = new Entry(repo, new OpenTree(id.name(), tree, index, tags));
            open.put(key, created);
            return created.open();
        } catch (IOException e) {
            repo.close();
            throw new InvalidRepositoryException("cannot read " + source.getName() + " at " + ref + ": " + e.getMessage(), e);
        } catch (InvalidRepositoryException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }
}
