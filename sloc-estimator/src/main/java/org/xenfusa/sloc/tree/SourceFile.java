package org.xenfusa.sloc.tree;

import java.util.Objects;

/**
 * One regular file of a source tree: its path relative to the tree's root (with '/'), the id of
 * its content (the git blob id, or the git-style id computed for a folder's file) and its size.
 */
public record SourceFile(String path, String blobId, long size) {
    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        // a git path may hold any byte but NUL, back-slashes and tabs included
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative: '" + path + "'");
        }
    }

    /** The file's name without its folder. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
