package org.xenfusa.sloc.count;

import java.util.Objects;

/**
 * One file of a tree with what cloc says of it: its path, an id of its content (the git blob id;
 * equal ids mean byte-identical files), its size in bytes, and its {@link FileCount}.
 */
public record CountedFile(String path, String contentId, long size, FileCount count) {
    public CountedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(contentId, "contentId");
        Objects.requireNonNull(count, "count");
    }
}
