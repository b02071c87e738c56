package org.xenfusa.sloc.tree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The tree of one git commit, read with one {@link ObjectReader} and a {@link TreeWalk}: no
 * checkout. Only regular and executable files are listed; symbolic links and gitlinks are not.
 * Not thread-safe (one reader); open one tree per thread.
 */
public final class GitSourceTree implements SourceTree {
    private final RevCommit commit;
    private final ObjectReader reader;
    private final Map<String, SourceFile> files;

    private GitSourceTree(RevCommit commit, ObjectReader reader, Map<String, SourceFile> files) {
        this.commit = commit;
        this.reader = reader;
        this.files = files;
    }

    /**
     * Opens the tree of {@code ref} (a branch, tag, SHA or any revision string git accepts).
     *
     * @throws UnknownRefException when the repository has no such revision
     */
    public static GitSourceTree open(Repository repo, String ref) throws IOException {
        ObjectId id = repo.resolve(ref + "^{commit}");
        if (id == null) {
            throw new UnknownRefException(ref);
        }
        ObjectReader reader = repo.newObjectReader();
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(id);
            List<SourceFile> list = new ArrayList<>();
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(0);
                    if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        ObjectId blob = tw.getObjectId(0);
                        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                        list.add(new SourceFile(tw.getPathString(), blob.name(), size));
                    }
                }
            }
            Map<String, SourceFile> byPath = new LinkedHashMap<>();
            list.forEach(f -> byPath.put(f.path(), f));
            return new GitSourceTree(commit, reader, Collections.unmodifiableMap(byPath));
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    public RevCommit revCommit() {
        return commit;
    }

    @Override
    public Optional<String> commit() {
        return Optional.of(commit.name());
    }

    @Override
    public List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    @Override
    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        try {
            return reader.open(ObjectId.fromString(file.blobId()), Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (MissingObjectException | IncorrectObjectTypeException e) {
            throw new IOException("blob " + file.blobId() + " of " + file.path() + " is missing", e);
        }
    }

    @Override
    public void close() {
        reader.close();
    }

    /** Thrown when a revision does not resolve in the repository. */
    public static final class UnknownRefException extends IOException {
        private final String ref;

        public UnknownRefException(String ref) {
            super("unknown ref '" + ref + "'");
            this.ref = ref;
        }

        public String ref() {
            return ref;
        }
    }
}
