package org.xenfusa.sloc.tree;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
 * checkout. Regular and executable files are listed, and a symbolic link to a file of the tree is
 * listed as that file's content under the link's path, as a checkout would show it to cloc or
 * make; links to folders or outside the tree, and gitlinks (submodules), are not.
 * Not thread-safe (one reader); open one tree per thread.
 */
// [impl->dsn~source-tree~1]
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
            Map<String, SourceFile> byPath = new TreeMap<>();
            Map<String, ObjectId> links = new TreeMap<>();
            try (TreeWalk tw = new TreeWalk(reader)) {
                tw.addTree(commit.getTree());
                tw.setRecursive(true);
                while (tw.next()) {
                    FileMode mode = tw.getFileMode(0);
                    if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                        ObjectId blob = tw.getObjectId(0);
                        long size = reader.getObjectSize(blob, Constants.OBJ_BLOB);
                        byPath.put(tw.getPathString(), new SourceFile(tw.getPathString(), blob.name(), size));
                    } else if (mode == FileMode.SYMLINK) {
                        links.put(tw.getPathString(), tw.getObjectId(0));
                    }
                }
            }
            Map<String, String> targets = new HashMap<>();
            for (var link : links.entrySet()) {
                String text = new String(reader.open(link.getValue(), Constants.OBJ_BLOB).getCachedBytes(4096),
                        StandardCharsets.UTF_8);
                targets.put(link.getKey(), text);
            }
            for (String link : links.keySet()) {
                SymbolicLinks.resolve(link, targets, byPath::containsKey)
                        .ifPresent(target -> {
                            SourceFile t = byPath.get(target);
                            byPath.put(link, new SourceFile(link, t.blobId(), t.size()));
                        });
            }
            return new GitSourceTree(commit, reader, Collections.unmodifiableMap(new LinkedHashMap<>(byPath)));
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
