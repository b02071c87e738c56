package org.xenfusa.web.ingest;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.xenfusa.model.source.RepositoryKind;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.tree.RepositoryUrls;
import org.xenfusa.web.platform.FusaProperties;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Where this instance reads a registered repository's git data.
 *
 * <ul>
 * <li>A local repository (under the allowed roots) is read where it was registered: its path is stored in the shared
 * database, so every instance must see it at that same path (a shared volume mounted alike everywhere).</li>
 * <li>A repository registered by URL is cloned by each instance into its own cache,
 * {@code <fusa.data-dir>/repo-cache/by-id/<id>.git}, when that instance first needs it, from the URL the database
 * keeps (never a path of one instance). An ingest fetches first, so that every instance resolves the server's refs;
 * a reader that asks for a ref its clone lacks (a tag another instance ingested after a later fetch) fetches once,
 * however recently the clone was fetched for other refs: that fetch may have been before the other instance ingested
 * it.</li>
 * </ul>
 *
 * One lock per repository on this instance: two threads never clone or fetch the same repository at once, the second
 * waits and uses the first one's clone. A clone is made in a temporary folder beside its place and moved there whole,
 * so a clone cut short (killed, network lost) never looks like a repository; a failed fetch leaves the clone as it was.
 * A folder whose origin is another URL (a data folder kept across a database reset, where ids start again) is cloned
 * again. A clone made before this layout ({@code repo-cache/<name>.git}, whose path the database used to store) is
 * moved into place instead of cloned again.
 */
@Service
public class RepositoryStorage {
    private static final Logger log = LoggerFactory.getLogger(RepositoryStorage.class);
    /**
     * A clone fetched or made less than this ago is not fetched again for an ingest; a ref still missing after a fetch
     * made for it less than this ago is not fetched again either (a page asking again for a ref the server lacks).
     */
    static final Duration FRESH = Duration.ofSeconds(5);
    private final Duration fresh;

    private final FusaProperties properties;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** When this instance last cloned or fetched each repository (System.nanoTime). */
    private final Map<Long, Long> lastSync = new ConcurrentHashMap<>();
    /** When this instance last fetched for a ref its clone lacked ("id ref" to System.nanoTime); bounded. */
    private final Map<String, Long> lastMissing = new ConcurrentHashMap<>();
    /** Repositories whose clone here was checked (or made) since this instance started: read without the lock. */
    private final Set<Long> checked = ConcurrentHashMap.newKeySet();

    private final GitCredentials credentials;
    /** Clones started for pages, by repository id, while they run (and a failed one until a page reports it). */
    private final Map<Long, PageClone> pageClones = new ConcurrentHashMap<>();
    /** Runs the clones started for pages (daemon threads, so that a stopping instance does not wait for them). */
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "page-clone");
        t.setDaemon(true);
        return t;
    });

    @Autowired
    public RepositoryStorage(FusaProperties properties, GitCredentials credentials) {
        this(properties, credentials, FRESH);
    }

    /** Storage without any credentials (repositories that need none). */
    public RepositoryStorage(FusaProperties properties) {
        this(properties, GitCredentials.none(), FRESH);
    }

    RepositoryStorage(FusaProperties properties, GitCredentials credentials, Duration fresh) {
        this.properties = properties;
        this.credentials = credentials;
        this.fresh = fresh;
    }

    RepositoryStorage(FusaProperties properties, Duration fresh) {
        this(properties, GitCredentials.none(), fresh);
    }

    /** This instance's folder for the clone of a repository registered by URL (whether or not it exists yet). */
    public Path cloneFolder(long repositoryId) {
        return cloneFolder(properties, repositoryId);
    }

    /** The folder of a repository registered by URL in the cache of the instance with these settings. */
    public static Path cloneFolder(FusaProperties properties, long repositoryId) {
        return properties.cacheDir().resolve("by-id").resolve(repositoryId + ".git");
    }

    /**
     * The git directory to read, for a URL cloned on this instance first if it has no clone yet.
     *
     * @throws InvalidInputException when the registration's clone has not succeeded, or this instance cannot clone
     */
    public Path gitDir(SourceRepository source) throws InvalidInputException {
        if (source.getKind() == RepositoryKind.LOCAL) {
            return Path.of(source.getGitDir());
        }
        if (!source.isReady()) {
            throw new InvalidInputException(RepositoryRegistrar.notReady(source));
        }
        Path folder = cloneFolder(source.getId());
        if (checked.contains(source.getId()) && Files.isDirectory(folder)) {
            return folder;
        }
        if (RequestContextHolder.getRequestAttributes() != null) {
            return forPage(source, folder);
        }
        return withLock(source, () -> {
            Path dir = cloneFolder(source.getId());
            if (!usableClone(source, dir) && !adoptedOldClone(source, dir)) {
                cloneInto(source, dir, NullProgressMonitor.INSTANCE);
            }
            checked.add(source.getId());
            return dir;
        });
    }

    /**
     * For a page (a request thread): this instance's clone when it has one; otherwise the clone is started in the
     * background (one per repository) and the page is answered with how far it is, never held for the whole clone.
     * A background clone that failed is reported once, and the next page starts another.
     */
    private Path forPage(SourceRepository source, Path folder) throws InvalidInputException {
        PageClone running = pageClones.get(source.getId());
        if (running == null) {
            ReentrantLock lock = locks.computeIfAbsent(source.getId(), id -> new ReentrantLock());
            if (lock.tryLock()) {
                try {
                    if (usableClone(source, folder) || adoptedOldClone(source, folder)) {
                        checked.add(source.getId());
                        return folder;
                    }
                } finally {
                    lock.unlock();
                }
            }
            PageClone started = new PageClone();
            running = pageClones.putIfAbsent(source.getId(), started);
            if (running == null) {
                running = started;
                background.execute(() -> {
                    try {
                        withLock(source, () -> {
                            Path dir = cloneFolder(source.getId());
                            if (!usableClone(source, dir) && !adoptedOldClone(source, dir)) {
                                cloneInto(source, dir, started);
                            }
                            checked.add(source.getId());
                            return dir;
                        });
                        pageClones.remove(source.getId(), started);
                    } catch (InvalidInputException | RuntimeException e) {
                        started.failure = e.getMessage();
                    }
                });
            }
        }
        if (running.failure != null) {
            pageClones.remove(source.getId(), running);
            throw new InvalidInputException(running.failure);
        }
        if (checked.contains(source.getId()) && Files.isDirectory(folder)) {
            return folder;
        }
        throw new CloneInProgressException("This instance is cloning '" + source.getName() + "' from "
                + RepositoryUrls.mask(source.getLocation()) + " (" + running.step + "); the page answers once the clone"
                + " is done: it reloads itself");
    }

    /** How far a clone started for a page is, and why it failed. */
    private static final class PageClone extends org.eclipse.jgit.lib.BatchingProgressMonitor {
        volatile String step = "starting";
        volatile String failure;

        @Override
        protected void onUpdate(String task, int done, Duration duration) {
            step = task + " " + done;
        }

        @Override
        protected void onEndTask(String task, int done, Duration duration) {
        }

        @Override
        protected void onUpdate(String task, int done, int total, int percent, Duration duration) {
            step = task + " " + percent + "%";
        }

        @Override
        protected void onEndTask(String task, int done, int total, int percent, Duration duration) {
        }
    }

    /**
     * As {@link #gitDir(SourceRepository)}, and for a URL whose clone here does not know {@code ref} (a commit id or a
     * ref name), fetched once before it is read; a ref still unknown then is the reader's error to report.
     */
    public Path gitDir(SourceRepository source, String ref) throws InvalidInputException {
        Path dir = gitDir(source);
        if (source.getKind() == RepositoryKind.URL && !resolves(dir, ref)) {
            withLock(source, () -> {
                if (!resolves(dir, ref) && !triedRecently(source, ref)) {
                    if (lastMissing.size() > 1_000) {
                        lastMissing.clear();
                    }
                    lastMissing.put(source.getId() + " " + ref, System.nanoTime());
                    fetch(source, dir);
                }
                return dir;
            });
        }
        return dir;
    }

    /**
     * For an ingest: the git directory with, for a URL, this instance's clone brought up to the server's refs first
     * (made if missing, fetched otherwise), so that whichever instance runs the job reads the same refs.
     */
    public Path refreshed(SourceRepository source) throws InvalidInputException {
        Path dir = gitDir(source);
        if (source.getKind() == RepositoryKind.URL) {
            withLock(source, () -> {
                if (!fresh(source)) {
                    fetch(source, dir);
                }
                return dir;
            });
        }
        return dir;
    }

    /**
     * The registration's clone (the clone job): made again from the URL on this instance, whatever was in its folder
     * (what an earlier, killed attempt left, or a clone of another URL).
     *
     * @throws InvalidInputException naming the URL (credentials masked) and why it cannot be cloned
     */
    public void cloneAgain(SourceRepository source, ProgressMonitor monitor) throws InvalidInputException {
        withLock(source, () -> {
            checked.remove(source.getId());
            cloneInto(source, cloneFolder(source.getId()), monitor);
            checked.add(source.getId());
            return null;
        });
    }

    private interface Locked<T> {
        T run() throws InvalidInputException;
    }

    private <T> T withLock(SourceRepository source, Locked<T> work) throws InvalidInputException {
        ReentrantLock lock = locks.computeIfAbsent(source.getId(), id -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("interrupted while waiting for the clone of '" + source.getName() + "'", e);
        }
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /** A fetch was made for this ref less than {@link #fresh} ago (it was missing then too). */
    private boolean triedRecently(SourceRepository source, String ref) {
        Long at = lastMissing.get(source.getId() + " " + ref);
        return at != null && System.nanoTime() - at < fresh.toNanos();
    }

    private boolean fresh(SourceRepository source) {
        Long at = lastSync.get(source.getId());
        return at != null && System.nanoTime() - at < fresh.toNanos();
    }

    /** A bare repository whose origin is the registered URL. */
    private static boolean usableClone(SourceRepository source, Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        String origin = origin(dir);
        if (source.getLocation().equals(origin)) {
            return true;
        }
        log.warn("{} holds a clone of {}, not of '{}' ({}): cloning again", dir, RepositoryUrls.mask(origin),
                source.getName(), RepositoryUrls.mask(source.getLocation()));
        return false;
    }

    private static String origin(Path dir) {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
            return repo.getConfig().getString("remote", "origin", "url");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A clone made before the by-id layout, {@code repo-cache/<name>.git}: moved into place when it is this URL's. */
    private boolean adoptedOldClone(SourceRepository source, Path dir) {
        Path old = properties.cacheDir().resolve(source.getName() + ".git");
        if (!Files.isDirectory(old) || !source.getLocation().equals(origin(old))) {
            return false;
        }
        try {
            Files.createDirectories(dir.getParent());
            deleteQuietly(dir);
            move(old, dir);
            log.info("Moved the clone of '{}' from {} to {}", source.getName(), old, dir);
            return true;
        } catch (IOException e) {
            log.warn("Could not move {} to {} ({}): cloning again", old, dir, e.getMessage());
            return false;
        }
    }

    private void cloneInto(SourceRepository source, Path dir, ProgressMonitor monitor) throws InvalidInputException {
        String url = source.getLocation();
        CredentialsProvider auth = credentials.provider(source.getCredentialsRef());
        Path temporary;
        try {
            Files.createDirectories(dir.getParent());
            temporary = Files.createTempDirectory(dir.getParent(), dir.getFileName() + ".cloning-");
        } catch (IOException e) {
            throw new InvalidInputException("Cannot clone " + RepositoryUrls.mask(url) + ": this instance cannot write"
                    + " its cache folder " + dir.getParent() + " (" + e.getMessage() + ")", e);
        }
        log.info("Cloning {} (bare) into {}", RepositoryUrls.mask(url), dir);
        long t0 = System.nanoTime();
        try (Git git = Git.cloneRepository().setURI(url).setBare(true).setDirectory(temporary.toFile())
                .setCredentialsProvider(auth).setTimeout(properties.cloneTimeoutSeconds()).setProgressMonitor(monitor)
                .call()) {
            // the clone is whole: it replaces whatever the folder held
        } catch (GitAPIException | RuntimeException e) {
            deleteQuietly(temporary);
            throw new InvalidInputException(RepositoryUrls.mask("Cannot clone " + url + ": " + rootMessage(e)), e);
        }
        try {
            deleteQuietly(dir);
            move(temporary, dir);
            GitRepositoryFolders.forgetShared(dir); // pages open the new clone, not what the folder held
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new InvalidInputException("Cannot clone " + RepositoryUrls.mask(url) + ": cannot move the clone into "
                    + dir + " (" + e.getMessage() + ")", e);
        }
        lastSync.put(source.getId(), System.nanoTime());
        log.info("Cloned {} into {} in {} ms", RepositoryUrls.mask(url), dir, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Fetches branches and tags; on failure the clone stays as it was (a fetch writes its refs last). */
    private void fetch(SourceRepository source, Path dir) throws InvalidInputException {
        String url = source.getLocation();
        CredentialsProvider auth = credentials.provider(source.getCredentialsRef());
        try (Git git = Git.open(dir.toFile())) {
            git.fetch().setRemote("origin").setCredentialsProvider(auth)
                    .setTimeout(properties.cloneTimeoutSeconds()).setTagOpt(TagOpt.FETCH_TAGS)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"), new RefSpec("+refs/tags/*:refs/tags/*"))
                    .call();
            lastSync.put(source.getId(), System.nanoTime());
            log.info("Fetched {} into {}", RepositoryUrls.mask(url), dir);
        } catch (GitAPIException | IOException | RuntimeException e) {
            throw new InvalidInputException(RepositoryUrls.mask("Cannot fetch " + url + " into this instance's clone ("
                    + dir + "): " + rootMessage(e)), e);
        }
    }

    private static boolean resolves(Path dir, String ref) {
        try (Repository repo = GitRepositoryFolders.openShared(dir)) {
            return repo.resolve(ref + "^{commit}") != null;
        } catch (InvalidInputException | IOException | RuntimeException e) {
            return false;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " appeared meanwhile", e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.getMessage());
        }
    }
}
