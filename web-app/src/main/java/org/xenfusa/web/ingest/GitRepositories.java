package org.xenfusa.web.ingest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Opens git repositories given as a work tree (with a {@code .git} folder or file) or a bare folder. */
public final class GitRepositories {
    private GitRepositories() {
    }

    /**
     * Opens the repository at {@code dir}.
     *
     * @throws InvalidRepositoryException when the folder does not exist or is not a git repository
     */
    public static Repository open(Path dir) throws InvalidRepositoryException {
        if (!Files.isDirectory(dir)) {
            throw new InvalidRepositoryException("'" + dir + "' does not exist or is not a folder");
        }
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true);
        File f = dir.toFile();
        if (Files.exists(dir.resolve(".git"))) {
            builder.setWorkTree(f);
        } else {
            builder.setGitDir(f);
        }
        try {
            Repository repo = builder.build();
            if (!repo.getObjectDatabase().exists()) {
                repo.close();
                throw new InvalidRepositoryException("'" + dir + "' is not a git repository (no object database)");
            }
            return repo;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRepositoryException("'" + dir + "' is not a git repository: " + e.getMessage());
        }
    }

    /** The git directory of the repository at {@code dir}, as stored for a registered repository. */
    public static Path gitDir(Path dir) throws InvalidRepositoryException {
        try (Repository repo = open(dir)) {
            return repo.getDirectory().toPath().toAbsolutePath().normalize();
        }
    }
}
