package org.xenfusa.web.platform;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's settings ({@code fusa.*}).
 *
 * @param dataDir where the embedded database, the clone cache and other state live
 * @param allowedRoots folders under which local repositories may be registered
 * @param submodulePath the Xen submodule ingested at start-up when it has been initialised
 * @param cloneTimeoutSeconds network timeout of a clone job (connecting, and each read), 60 s by default
 */
@ConfigurationProperties(prefix = "fusa")
public record FusaProperties(Path dataDir, List<Path> allowedRoots, Path submodulePath, int cloneTimeoutSeconds) {
    public FusaProperties {
        dataDir = (dataDir == null ? Path.of("data") : dataDir).toAbsolutePath().normalize();
        allowedRoots = (allowedRoots == null || allowedRoots.isEmpty()
                ? List.of(Path.of("."), Path.of("repos")) : allowedRoots).stream()
                .map(p -> p.toAbsolutePath().normalize()).toList();
        submodulePath = (submodulePath == null ? Path.of("hypervisor-sources-submodule") : submodulePath).toAbsolutePath().normalize();
        cloneTimeoutSeconds = cloneTimeoutSeconds <= 0 ? 60 : cloneTimeoutSeconds;
    }

    public Path cacheDir() {
        return dataDir.resolve("repo-cache");
    }

    public boolean isAllowedLocalPath(Path path) {
        Path p = path.toAbsolutePath().normalize();
        return allowedRoots.stream().anyMatch(root -> p.startsWith(root) || p.startsWith(realOrSelf(root)));
    }

    /**
     * Refuses a local repository when git would read any folder outside the allowed roots: a work
     * tree's {@code .git} file or an alternate object folder can point anywhere.
     *
     * @throws InvalidInputException naming the first folder outside the roots
     */
    public void checkFoldersRead(Path gitDir) throws InvalidInputException {
        List<Path> read;
        try {
            read = org.xenfusa.sloc.tree.GitRepositories.foldersRead(gitDir);
        } catch (org.xenfusa.sloc.tree.GitRepositoryException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        for (Path folder : read) {
            if (!isAllowedLocalPath(folder)) {
                throw new InvalidInputException("'" + gitDir + "' reads git data from '" + folder
                        + "' (its git directory, common directory or an alternate object folder), which is outside"
                        + " the allowed roots " + allowedRoots + " (set fusa.allowed-roots to allow more)");
            }
        }
    }

    private static Path realOrSelf(Path p) {
        try {
            return p.toRealPath();
        } catch (java.io.IOException e) {
            return p;
        }
    }
}
