package org.xenfusa.web.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.kconfig.KconfigParser;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.RepositoryStorage;
import org.xenfusa.web.platform.InvalidInputException;

/**
 * Parsed Kconfig trees of a repository at a commit, for an architecture and toolchain profile.
 * A commit's Kconfig never changes, so parsed trees are kept (the last few) and shared.
 */
@Service
public class KconfigTrees {
    private static final int KEEP = 24;

    /** A parsed tree and the commit it was read at. */
    public record ParsedTree(String commit, KconfigTree tree) {
    }

    private final Map<String, ParsedTree> cache = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
            .maximumSize(KEEP).<String, ParsedTree>build().asMap();
    private final RepositoryStorage storage;

    public KconfigTrees(RepositoryStorage storage) {
        this.storage = storage;
    }

    /**
     * @throws InvalidInputException when the ref is unknown or the repository unreadable
     */
    public ParsedTree parse(SourceRepository source, String ref, String arch, ToolchainProfile profile)
            throws InvalidInputException {
        Path dir = storage.gitDir(source, ref);
        try (Repository repo = GitRepositoryFolders.openShared(dir)) {
            var id = org.xenfusa.web.ingest.RefSelection.commit(repo, ref, source.getName());
            String key = dir + "\0" + id.name() + "\0" + arch + "\0" + profile.name();
            synchronized (cache) {
                ParsedTree hit = cache.get(key);
                if (hit != null) {
                    return hit;
                }
            }
            try (GitSourceTree tree = GitSourceTree.open(repo, id.name())) {
                ParsedTree parsed = new ParsedTree(id.name(), KconfigParser.parse(tree, "xen", arch, profile));
                synchronized (cache) {
                    cache.put(key, parsed);
                }
                return parsed;
            }
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + source.getName() + " at " + ref + ": " + e.getMessage(), e);
        } catch (org.xenfusa.sloc.xen.UnsupportedXenReleaseException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
