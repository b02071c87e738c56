package org.xenfusa.sloc.tree;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Opens git repositories given as a work tree (with a {@code .git} folder or file) or a bare folder, and names every
 * folder git reads for one (what an allowed-roots check must cover). Plain JGit: the web app and the command line share it.
 */
public final class GitRepositories {
    private GitRepositories() {
    }

    /**
     * Opens the repository at {@code dir}.
     *
     * @throws GitRepositoryException when the folder does not exist or is not a git repository
     */
    public static Repository open(Path dir) throws GitRepositoryException {
        if (!Files.isDirectory(dir)) {
            throw new GitRepositoryException("'" + dir + "' does not exist or is not a folder");
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
                throw new GitRepositoryException("'" + dir + "' is not a git repository (no object database)");
            }
            return repo;
        } catch (IOException | IllegalArgumentException e) {
            throw new GitRepositoryException("'" + dir + "' is not a git repository: " + e.getMessage());
        }
    }

    /** The git directory of the repository at {@code dir}, as stored for a registered repository. */
    public static Path gitDir(Path dir) throws GitRepositoryException {
        try (Repository repo = open(dir)) {
            return repo.getDirectory().toPath().toAbsolutePath().normalize();
        }
    }

    /**
     * Every folder git reads when it opens the git directory {@code gitDir}, as real paths (symbolic
     * links resolved): the git directory itself (which a work tree's {@code .git} file may place
     * anywhere), its common directory (a linked work tree's {@code commondir}), its object folder and
     * each alternate object folder ({@code objects/info/alternates}), followed recursively. What the
     * allowed roots must contain, all of it.
     */
    public static List<Path> foldersRead(Path gitDir) throws GitRepositoryException {
        Set<Path> folders = new LinkedHashSet<>();
        try {
            Path real = gitDir.toRealPath();
            folders.add(real);
            Path common = real;
            Path commonFile = real.resolve("commondir");
            if (Files.isRegularFile(commonFile)) {
                common = real.resolve(Files.readString(commonFile).strip()).normalize();
                folders.add(realOrSelf(common));
            }
            Deque<Path> objects = new ArrayDeque<>(List.of(realOrSelf(common.resolve("objects"))));
            Set<Path> seen = new LinkedHashSet<>();
            while (!objects.isEmpty()) {
                Path dir = objects.pop();
                if (!seen.add(dir)) {
                    continue;
                }
                folders.add(dir);
                Path alternates = dir.resolve("info/alternates");
                if (!Files.isRegularFile(alternates)) {
                    continue;
                }
                for (String line : Files.readAllLines(alternates)) {
                    String entry = line.strip();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        objects.add(realOrSelf(dir.resolve(entry).normalize()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new GitRepositoryException("Cannot read the git directory " + gitDir + ": " + e.getMessage(), e);
        }
        return List.copyOf(folders);
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
