package org.xenfusa.sloc.tree;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * JGit's process-wide pack cache, sized for reading many releases of one repository: old tags'
 * blobs are stored as deltas, and with JGit's small default delta-base cache (10 MB) the same
 * bases are inflated again and again.
 */
public final class GitObjectCache {
    private GitObjectCache() {
    }

    /** Installs the larger cache; call once at start-up, before repositories are read. */
    public static void install() {
        WindowCacheConfig config = new WindowCacheConfig();
        config.setPackedGitLimit(512L * 1024 * 1024);
        config.setPackedGitWindowSize(64 * 1024);
        config.setDeltaBaseCacheLimit(128 * 1024 * 1024);
        config.setStreamFileThreshold(50 * 1024 * 1024);
        config.install();
    }
}
