package org.xenfusa.sloc.report;

import java.util.Objects;

import org.xenfusa.sloc.count.FileCount;

/** A file of a tree with what cloc says of it; {@code blobId} identifies its content. */
public record CountedFile(String path, String blobId, FileCount count) {
    public CountedFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(blobId, "blobId");
        Objects.requireNonNull(count, "count");
    }
}
