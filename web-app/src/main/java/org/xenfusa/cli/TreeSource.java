package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.tree.GitRepositories;
import org.xenfusa.sloc.tree.GitRepositoryException;
import org.xenfusa.sloc.tree.RepositoryUrls;

/**
 * Opens the tree a command reads: a git repository (work tree or bare) at a ref, a plain folder,
 * or a URL cloned bare into a temporary folder first.
 */
final class TreeSource implements AutoCloseable {
    private final Repository repository;
    private final SourceTree tree;
    private final Path tempClone;

    private TreeSource(Repository repository, SourceTree tree, Path tempClone) {
        this.repository = repository;
        this.tree = tree;
        this.tempClone = tempClone;
    }

    SourceTree tree() {
        return tree;
    }

    Repository repository() {
        return repository;
    }

    static TreeSource open(String repo, String ref) {
        try {
            if (RepositoryUrls.isUrl(repo)) {
                RepositoryUrls.credentialProblem(repo).ifPresent(problem -> {
                    throw new BadInputException(problem);
                });
                RepositoryUrls.schemeProblem(repo).ifPresent(problem -> {
                    throw new BadInputException(problem);
                });
                Path tmp = Files.createTempDirectory("fusa-clone");
                System.err.println("fusa: cloning " + RepositoryUrls.mask(repo) + " ...");
                try (Git git = Git.cloneRepository().setURI(repo).setBare(true).setDirectory(tmp.toFile()).call()) {
                    Repository r = git.getRepository();
                    return new TreeSource(r, GitSourceTree.open(r, ref == null ? "HEAD" : ref), tmp);
                } catch (Exception e) {
                    deleteTree(tmp);
                    throw new BadInputException(RepositoryUrls.mask("cannot clone " + repo + ": " + e.getMessage()));
                }
            }
            Path path = Path.of(repo);
            if (!Files.exists(path)) {
                throw new BadInputException("repository (--repo) not found: " + repo);
            }
            boolean isGit = Files.exists(path.resolve(".git")) || Files.isDirectory(path.resolve("objects"));
            if (!isGit) {
                if (ref != null) {
                    throw new BadInputException("'" + repo + "' is not a git repository, so --ref cannot be used");
                }
                return new TreeSource(null, DirectorySourceTree.open(path), null);
            }
            Repository r = GitRepositories.open(path);
            try {
                return new TreeSource(r, GitSourceTree.open(r, ref == null ? "HEAD" : ref), null);
            } catch (GitSourceTree.UnknownRefException e) {
                r.close();
                throw new BadInputException("unknown ref '" + e.ref() + "' in " + repo);
            }
        } catch (GitRepositoryException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + repo + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        tree.close();
        if (repository != null) {
            repository.close();
        }
        if (tempClone != null) {
            deleteTree(tempClone);
        }
    }

    private static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
