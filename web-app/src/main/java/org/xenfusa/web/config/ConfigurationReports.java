package org.xenfusa.web.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.UnsupportedXenReleaseException;
import org.xenfusa.web.cache.ClosingCache;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * The three SLOC figures of saved configurations at a ref. A commit's counter (open tree, parsed
 * Kconfig, preprocessing results, counts by blob) is kept for the last few commits, and finished
 * reports for the last few configurations, since a report never changes for the same inputs. A
 * counter evicted while a caller still works with it is closed when that caller is done.
 */
@Service
public class ConfigurationReports {
    private static final Logger log = LoggerFactory.getLogger(ConfigurationReports.class);
    private static final int COUNTERS = 4;
    private static final int REPORTS = 32;

    private final SourceRepositoryRepository repositories;
    private final RepositoryStorage storage;

    private final ClosingCache<String, OpenCounter> counters = new ClosingCache<>(COUNTERS,
            e -> log.warn("closing an evicted counter failed: {}", e.toString()));
    /** How long a ref is taken to name the commit it named when its report was last asked for. */
    static final java.time.Duration RECENT = java.time.Duration.ofSeconds(5);
    private final com.github.benmanes.caffeine.cache.Cache<String, ConfigurationReport> recent =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(REPORTS).expireAfterWrite(RECENT)
                    .build();
    private final Map<String, ConfigurationReport> reports = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(REPORTS).<String, ConfigurationReport>build().asMap();

    public ConfigurationReports(SourceRepositoryRepository repositories, RepositoryStorage storage) {
        this.repositories = repositories;
        this.storage = storage;
    }

    /** A commit's open tree and its counter; closed when evicted. */
    private record OpenCounter(Repository repository, GitSourceTree tree, ConfigurationCounter counter)
            implements AutoCloseable {
        @Override
        public void close() {
            tree.close();
            repository.close();
        }
    }

    public ConfigurationReport report(SavedConfiguration saved) throws InvalidInputException {
        return report(saved, saved.getRefName(), List.of());
    }

    /**
     * The report of {@code saved} evaluated at {@code ref} with extra overrides after its own.
     *
     * @throws InvalidInputException also for a Xen release the engine does not support (before 4.14)
     */
    public ConfigurationReport report(SavedConfiguration saved, String ref, List<SymbolAssignment> extra)
            throws InvalidInputException {
        SourceRepository source = source(saved);
        ConfigurationRequest request = request(saved, extra);
        // many users on one page: the report a ref named a moment ago is served without the lock and without
        // resolving the ref again (a branch that moves is seen within RECENT)
        String recentKey = source.getId() + "\0" + ref + "\0" + request;
        ConfigurationReport seen = recent.getIfPresent(recentKey);
        if (seen != null) {
            return seen;
        }
        storage.gitDir(source, ref); // a clone this instance lacks is made outside the lock
        ConfigurationReport report = evaluate(saved, source, ref, request, extra);
        recent.put(recentKey, report);
        return report;
    }

    /**
     * @param extra the overrides given on top of the saved configuration's (a page's "switch one option"): each must
     *        name a symbol the tree defines, as the command line requires; the saved configuration's own are kept as
     *        they are at every tag (a symbol may come and go across releases)
     */
    private synchronized ConfigurationReport evaluate(SavedConfiguration saved, SourceRepository source, String ref,
            ConfigurationRequest request, List<SymbolAssignment> extra) throws InvalidInputException {
        ConfigurationReport report;
        long t0;
        String key;
        try (ClosingCache<String, OpenCounter>.Lease counter = counter(source, ref)) {
            key = counter.value().tree().revCommit().name() + "\0" + request;
            ConfigurationReport hit = reports.get(key);
            if (hit != null) {
                return hit;
            }
            if (!extra.isEmpty()) {
                try {
                    org.xenfusa.sloc.config.ConfigurationSpec.requireDefined(counter.value().counter()
                            .kconfig(request.arch(), request.profile()), extra);
                } catch (org.xenfusa.sloc.config.InvalidConfigurationException e) {
                    throw new InvalidInputException(e.getMessage(), e);
                }
            }
            t0 = System.nanoTime();
            report = counter.value().counter().report(request);
        } catch (UnsupportedXenReleaseException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
        log.info("Configuration '{}' at {}: make cloc {} code lines, {} ms", saved.getName(), ref,
                report.makeCloc().code(), (System.nanoTime() - t0) / 1_000_000);
        reports.put(key, report);
        return report;
    }

    /** The engine's request for a saved configuration, with extra overrides after its own. */
    public ConfigurationRequest request(SavedConfiguration saved, List<SymbolAssignment> extra)
            throws InvalidInputException {
        return ConfigurationService.request(saved, extra);
    }

    /** The repository a saved configuration reads. */
    public SourceRepository source(SavedConfiguration saved) throws InvalidInputException {
        return repositories.findById(saved.getRepositoryId())
                .orElseThrow(() -> new InvalidInputException("the repository of this configuration was removed"));
    }

    /** Runs {@code work} with the counter of {@code source} at {@code ref}, one caller at a time. */
    public <T> T withCounter(SourceRepository source, String ref,
            java.util.function.Function<ConfigurationCounter, T> work) throws InvalidInputException {
        storage.gitDir(source, ref); // a clone this instance lacks is made outside the lock
        return withCounterLocked(source, ref, work);
    }

    private synchronized <T> T withCounterLocked(SourceRepository source, String ref,
            java.util.function.Function<ConfigurationCounter, T> work) throws InvalidInputException {
        try (ClosingCache<String, OpenCounter>.Lease open = counter(source, ref)) {
            return work.apply(open.value().counter());
        } catch (UnsupportedXenReleaseException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }

    /** The content of a file of the configuration's repository at {@code ref}. */
    public byte[] read(SavedConfiguration saved, String ref, String path) throws InvalidInputException {
        SourceRepository source = repositories.findById(saved.getRepositoryId())
                .orElseThrow(() -> new InvalidInputException("the repository of this configuration was removed"));
        storage.gitDir(source, ref); // a clone this instance lacks is made outside the lock
        return readLocked(source, ref, path);
    }

    private synchronized byte[] readLocked(SourceRepository source, String ref, String path)
            throws InvalidInputException {
        try (ClosingCache<String, OpenCounter>.Lease open = counter(source, ref)) {
            return open.value().tree().read(path)
                    .orElseThrow(() -> new InvalidInputException("no file " + path + " at " + ref));
        }
    }

    private ClosingCache<String, OpenCounter>.Lease counter(SourceRepository source, String ref)
            throws InvalidInputException {
        Path dir = storage.gitDir(source, ref);
        Repository repo = GitRepositoryFolders.openShared(dir);
        try {
            ObjectId id = org.xenfusa.web.ingest.RefSelection.commit(repo, ref, source.getName());
            String key = dir + "\0" + id.name();
            boolean[] opened = {false};
            ClosingCache<String, OpenCounter>.Lease lease = counters.borrow(key, () -> {
                opened[0] = true;
                GitSourceTree tree = GitSourceTree.open(repo, id.name());
                return new OpenCounter(repo, tree, ConfigurationCounter.of(tree));
            });
            if (!opened[0]) {
                repo.close();
            }
            return lease;
        } catch (IOException e) {
            repo.close();
            throw new InvalidInputException("cannot read " + source.getName() + " at " + ref + ": " + e.getMessage(), e);
        } catch (InvalidInputException | RuntimeException e) {
            repo.close();
            throw e;
        }
    }
}
