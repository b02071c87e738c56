package org.xenfusa.web.ingest;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.util.FS;
import org.xenfusa.sloc.tree.GitRepositoryException;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The git repository in a folder the platform is given (opened, its git folder, the folders git reads for it): the
 * library's {@link org.xenfusa.sloc.tree.GitRepositories} with its errors as the web app's user-input error.
 */
public final class GitRepositoryFolders {
    private GitRepositoryFolders() {
    }

    public static Repository open(Path dir) throws InvalidInputException {
        try {
            return org.xenfusa.sloc.tree.GitRepositories.open(dir);
        } catch (GitRepositoryException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /**
     * The repository at {@code dir} as a process-wide open instance (JGit's {@link RepositoryCache}), for the reads
     * pages make on every request (resolving a ref, listing tags, opening a tree): opening a repository anew parses
     * its pack index on the first object read, about 0.1 s for Xen's, which made a page under load spend a tenth of
     * its time there. Closing the returned repository gives it back; the cache closes it an hour after its last use.
     * It sees new refs and packs (a fetch, an ingest) as an instance of its own would.
     */
    public static Repository openShared(Path dir) throws InvalidInputException {
        Path gitDir;
        try (Repository probe = open(dir)) { // the same checks and errors as open
            gitDir = probe.getDirectory().toPath();
        }
        try {
            return RepositoryCache.open(RepositoryCache.FileKey.exact(gitDir.toFile(), FS.DETECTED), true);
        } catch (IOException e) {
            throw new InvalidInputException("'" + dir + "' is not a git repository: " + e.getMessage(), e);
        }
    }

    /** Forgets the shared instance of a repository whose folder was replaced (a clone made again). */
    public static void forgetShared(Path gitDir) {
        RepositoryCache.unregister(RepositoryCache.FileKey.exact(gitDir.toFile(), FS.DETECTED));
    }

    public static Path gitDir(Path dir) throws InvalidInputException {
        try {
            return org.xenfusa.sloc.tree.GitRepositories.gitDir(dir);
        } catch (GitRepositoryException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
