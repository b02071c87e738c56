package org.xenfusa.web.ingest;

import org.xenfusa.sloc.tree.RepositoryUrls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;

/**
 * Registers repositories: a local path only under the configured allowed roots (so a user cannot
 * make the server read arbitrary folders), a URL only with the https or git scheme, cloned
 * bare into the cache folder. Nothing from the repository is ever executed.
 */
@Service
public class RepositoryRegistrar {
    private static final Logger log = LoggerFactory.getLogger(RepositoryRegistrar.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> URL_SCHEMES = RepositoryUrls.ACCEPTED_SCHEMES;

    private final SourceRepositoryRepository repositories;
    private final FusaProperties properties;

    public RepositoryRegistrar(SourceRepositoryRepository repositories, FusaProperties properties) {
        this.repositories = repositories;
        this.properties = properties;
    }

    /**
     * Registers {@code location} under {@code name} (derived from the location when blank).
     *
     * @throws InvalidRepositoryException with a message naming what was wrong; nothing is stored then
     */
    @Transactional
    public SourceRepository register(String name, String location, String user) throws InvalidRepositoryException {
        String loc = location == null ? "" : location.strip();
        if (loc.isEmpty()) {
            throw new InvalidRepositoryException("Give a local path or a URL");
        }
        boolean isUrl = RepositoryUrls.isUrl(loc);
        if (isUrl) {
            Optional<String> credentials = RepositoryUrls.credentialProblem(loc);
            if (credentials.isPresent()) {
                throw new InvalidRepositoryException(credentials.get());
            }
            Optional<String> scheme = RepositoryUrls.schemeProblem(loc);
            if (scheme.isPresent()) {
                throw new InvalidRepositoryException(scheme.get());
            }
        }
        String repoName = name == null || name.isBlank() ? deriveName(loc) : name.strip();
        if (!NAME.matcher(repoName).matches()) {
            throw new InvalidRepositoryException("Name '" + repoName
                    + "' is not valid: use letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (repositories.findByName(repoName).isPresent()) {
            throw new InvalidRepositoryException("A repository named '" + repoName + "' is already registered");
        }
        SourceRepository repo = isUrl ? registerUrl(repoName, loc, user) : registerLocal(repoName, loc, user);
        try {
            return repositories.saveAndFlush(repo);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidRepositoryException("A repository named '" + repoName + "' is already registered");
        }
    }

    /** Finds a registered repository reading the same git directory, if any. */
    public Optional<SourceRepository> findByGitDir(Path gitDir) {
        return repositories.findByGitDir(gitDir.toString());
    }

    private SourceRepository registerLocal(String name, String location, String user) throws InvalidRepositoryException {
        Path path;
        try {
            path = Path.of(location).toAbsolutePath().normalize();
            if (Files.exists(path)) {
                path = path.toRealPath();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidRepositoryException("'" + location + "' is not a valid path: " + e.getMessage());
        }
        if (!properties.isAllowedLocalPath(path)) {
            throw new InvalidRepositoryException("'" + path + "' is outside the allowed roots "
                    + properties.allowedRoots() + " (set fusa.allowed-roots to allow more)");
        }
        if (!Files.exists(path)) {
            throw new InvalidRepositoryException("'" + path + "' does not exist");
        }
        Path gitDir = GitRepositoryFolders.gitDir(path);
        properties.checkFoldersRead(gitDir);
        return new SourceRepository(name, path.toString(), RepositoryKind.LOCAL, gitDir.toString(), user);
    }

    private SourceRepository registerUrl(String name, String location, String user) throws InvalidRepositoryException {
        String scheme = scheme(location);
        if (!URL_SCHEMES.contains(scheme)) {
            throw new InvalidRepositoryException("URL scheme '" + scheme + "' is not accepted: use https or git");
        }
        Path target = properties.cacheDir().resolve(name + ".git");
        if (Files.exists(target)) {
            throw new InvalidRepositoryException("The cache folder " + target + " is already in use");
        }
        log.info("Cloning {} (bare) into {}", RepositoryUrls.mask(location), target);
        try (Git git = Git.cloneRepository().setURI(location).setBare(true).setDirectory(target.toFile())
                .setTimeout(properties.cloneTimeoutSeconds()).call()) {
            return new SourceRepository(name, location, RepositoryKind.URL,
                    git.getRepository().getDirectory().toPath().toAbsolutePath().normalize().toString(), user);
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(target);
            throw new InvalidRepositoryException(RepositoryUrls.mask("Cannot clone " + location + ": " + rootMessage(e)));
        }
    }

    static String scheme(String location) {
        int i = location.indexOf("://");
        if (i > 0) {
            try {
                return new URI(location).getScheme().toLowerCase(Locale.ROOT);
            } catch (URISyntaxException | NullPointerException e) {
                return location.substring(0, i).toLowerCase(Locale.ROOT);
            }
        }
        return "ssh"; // scp-like user@host:path
    }

    static String deriveName(String location) {
        String s = location.replaceAll("[/\\\\]+$", "");
        s = s.substring(Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf(':'), s.lastIndexOf('\\'))) + 1);
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        s = s.replaceAll("[^A-Za-z0-9._-]", "-");
        return s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0)) ? "repo-" + s : s;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
