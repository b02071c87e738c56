package org.xenfusa.web.ingest;

import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
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

    public static Path gitDir(Path dir) throws InvalidInputException {
        try {
            return org.xenfusa.sloc.tree.GitRepositories.gitDir(dir);
        } catch (GitRepositoryException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
