package org.xenfusa.web.ingest;

import org.xenfusa.sloc.tree.RepositoryUrls;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InstanceId;

/**
 * Registers repositories: a local path only under the configured allowed roots (so a user cannot
 * make the server read arbitrary folders), a URL only with the https or git scheme, cloned
 * bare into the cache folder of the instance that runs the clone job on the shared scheduler (never inside the request
 * or a database transaction; the repository shows "cloning" with its progress, or why it failed); every other instance
 * clones it into its own cache when it first needs it ({@link RepositoryStorage}).
 * Nothing from the repository is ever executed.
 */
// [impl->dsn~allowed-roots~1]
@Service
public class RepositoryRegistrar {
    private static final Logger log = LoggerFactory.getLogger(RepositoryRegistrar.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final List<String> URL_SCHEMES = RepositoryUrls.ACCEPTED_SCHEMES;

    private final SourceRepositoryRepository repositories;
    private final FusaProperties properties;
    private final SchedulerClient scheduler;
    private final RepositoryStorage storage;
    private final InstanceId instance;
    private final GitCredentials gitCredentials;

    public RepositoryRegistrar(SourceRepositoryRepository repositories, FusaProperties properties,
            @Lazy SchedulerClient scheduler, RepositoryStorage storage, InstanceId instance,
            GitCredentials gitCredentials) {
        this.repositories = repositories;
        this.properties = properties;
        this.scheduler = scheduler;
        this.storage = storage;
        this.instance = instance;
        this.gitCredentials = gitCredentials;
    }

    /**
     * Registers {@code location} under {@code name} (derived from the location when blank).
     *
     * A URL returns at once, its clone queued (state CLONING); no transaction is open here, so a slow server
     * holds no database connection.
     *
     * @throws InvalidInputException with a message naming what was wrong; nothing is stored then
     */
    public SourceRepository register(String name, String location, String user) throws InvalidInputException {
        return register(name, location, null, user);
    }

    /**
     * Registers {@code location} as {@link #register(String, String, String)} does; a URL may name the credentials its
     * clone and fetches use ({@code credentials}: a reference every instance resolves from its own settings, see
     * {@link GitCredentials}; blank for none). The reference must be configured on this instance.
     */
    public SourceRepository register(String name, String location, String credentials, String user)
            throws InvalidInputException {
        String loc = location == null ? "" : location.strip();
        if (loc.isEmpty()) {
            throw new InvalidInputException("Give a local path or a URL");
        }
        boolean isUrl = RepositoryUrls.isUrl(loc);
        String credentialsRef = credentials == null || credentials.isBlank() ? null : credentials.strip();
        if (credentialsRef != null) {
            if (!isUrl) {
                throw new InvalidInputException("Credentials go with a repository registered by URL, not with the local"
                        + " path '" + loc + "' (its files are read as this instance's user reads them)");
            }
            Optional<String> problem = gitCredentials.problem(credentialsRef);
            if (problem.isPresent()) {
                throw new InvalidInputException(problem.get());
            }
        }
        if (isUrl) {
            Optional<String> userInfo = RepositoryUrls.credentialProblem(loc);
            if (userInfo.isPresent()) {
                throw new InvalidInputException(userInfo.get());
            }
            Optional<String> scheme = RepositoryUrls.schemeProblem(loc);
            if (scheme.isPresent()) {
                throw new InvalidInputException(scheme.get());
            }
        }
        String repoName = name == null || name.isBlank() ? deriveName(loc) : name.strip();
        if (!NAME.matcher(repoName).matches()) {
            throw new InvalidInputException("Name '" + repoName
                    + "' is not valid: use letters, digits, '.', '_' or '-' (at most 100)");
        }
        Optional<SourceRepository> known = repositories.findByName(repoName);
        if (known.isPresent()) {
            SourceRepository k = known.get();
            if (isUrl && SourceRepository.FAILED.equals(k.getCloneState()) && k.getLocation().equals(loc)) {
                // the same URL again after a failed clone: try the clone again (with the credentials named now)
                if (!java.util.Objects.equals(k.getCredentialsRef(), credentialsRef)) {
                    repositories.saveAndFlush(k.withCredentialsRef(credentialsRef));
                }
                repositories.cloneQueuedAgain(k.getId());
                queueClone(k.getId());
                return repositories.findById(k.getId()).orElseThrow();
            }
            throw new InvalidInputException("A repository named '" + repoName + "' is already registered");
        }
        SourceRepository repo = isUrl ? registerUrl(repoName, loc, user).withCredentialsRef(credentialsRef)
                : registerLocal(repoName, loc, user);
        SourceRepository saved;
        try {
            saved = repositories.saveAndFlush(repo);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("A repository named '" + repoName + "' is already registered");
        }
        if (isUrl) {
            queueClone(saved.getId());
        }
        return saved;
    }

    private void queueClone(long id) {
        scheduler.scheduleIfNotExists(IngestJobs.CLONE.instance("clone-" + id).data(id).build(), Instant.now());
    }

    /** Why a repository cannot be read yet. */
    static String notReady(SourceRepository r) {
        return SourceRepository.FAILED.equals(r.getCloneState())
                ? "the clone of '" + r.getName() + "' failed (" + r.getCloneMessage() + "): register the URL again"
                : "'" + r.getName() + "' is still being cloned (" + r.getClonePercent() + "%): try again when it is done";
    }

    /**
     * The clone job: clones the repository's URL bare into this instance's cache folder (see {@link RepositoryStorage};
     * the other instances clone it when they first need it) with the network timeout, reporting progress in the
     * repository's row; on failure nothing is left in the cache and the reason is kept (credentials masked).
     *
     * @param stopping says when this instance is stopping: the clone is then cut short and handed back to the queue,
     *        for the next worker of any instance to make it again
     * @return true when the clone was handed back and must be scheduled again
     */
    public boolean runClone(long id, java.util.function.BooleanSupplier stopping) {
        SourceRepository repo = repositories.findById(id).orElse(null);
        if (repo == null || !SourceRepository.CLONING.equals(repo.getCloneState())) {
            return false;
        }
        String location = repo.getLocation();
        try {
            storage.cloneAgain(repo, new CloneProgress(id, stopping));
            repositories.cloneEnded(id, SourceRepository.READY, 100, null);
            return false;
        } catch (InvalidInputException e) {
            if (stopping.getAsBoolean()) {
                repositories.cloneRequeued(id, 0, 0, "Handed back to the queue when " + instance.name() + " stopped;"
                        + " the next worker clones it again");
                log.info("Clone of {} handed back to the queue: this instance is stopping", RepositoryUrls.mask(location));
                return true;
            }
            log.info("{}", e.getMessage());
            repositories.cloneEnded(id, SourceRepository.FAILED, 0, e.getMessage());
            return false;
        }
    }

    /** JGit's progress as "Receiving objects 45%" in the row, at most once a second. */
    private final class CloneProgress extends BatchingProgressMonitor {
        private final long id;
        private final java.util.function.BooleanSupplier stopping;

        CloneProgress(long id, java.util.function.BooleanSupplier stopping) {
            this.id = id;
            this.stopping = stopping;
            setDelayStart(1, java.util.concurrent.TimeUnit.SECONDS);
        }

        @Override
        public boolean isCancelled() {
            return stopping.getAsBoolean();
        }

        @Override
        protected void onUpdate(String task, int done, Duration duration) {
            repositories.cloneProgress(id, 0, task + " " + done);
        }

        @Override
        protected void onEndTask(String task, int done, Duration duration) {
        }

        @Override
        protected void onUpdate(String task, int done, int total, int percent, Duration duration) {
            repositories.cloneProgress(id, percent, task + " " + done + "/" + total);
        }

        @Override
        protected void onEndTask(String task, int done, int total, int percent, Duration duration) {
        }
    }

    /** Finds a registered repository reading the same git directory, if any. */
    public Optional<SourceRepository> findByGitDir(Path gitDir) {
        return repositories.findByGitDir(gitDir.toString());
    }

    private SourceRepository registerLocal(String name, String location, String user) throws InvalidInputException {
        Path path;
        try {
            path = Path.of(location).toAbsolutePath().normalize();
            if (Files.exists(path)) {
                path = path.toRealPath();
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("'" + location + "' is not a valid path: " + e.getMessage());
        }
        if (!properties.isAllowedLocalPath(path)) {
            throw new InvalidInputException("'" + path + "' is outside the allowed roots "
                    + properties.allowedRoots() + " (set fusa.allowed-roots to allow more)");
        }
        if (!Files.exists(path)) {
            throw new InvalidInputException("'" + path + "' does not exist");
        }
        Path gitDir = GitRepositoryFolders.gitDir(path);
        properties.checkFoldersRead(gitDir);
        return new SourceRepository(name, path.toString(), RepositoryKind.LOCAL, gitDir.toString(), user);
    }

    private SourceRepository registerUrl(String name, String location, String user) throws InvalidInputException {
        String scheme = scheme(location);
        if (!URL_SCHEMES.contains(scheme)) {
            throw new InvalidInputException("URL scheme '" + scheme + "' is not accepted: use https or git");
        }
        // cloned by a job (runClone): the request returns at once and holds no connection while a server answers; the
        // database keeps the URL, never a folder of this instance (each instance clones it into its own cache)
        return new SourceRepository(name, location, RepositoryKind.URL, null, user).cloning();
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
}
