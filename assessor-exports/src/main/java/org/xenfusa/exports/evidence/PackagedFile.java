package org.xenfusa.exports.evidence;

import java.util.List;

/** One file of an evidence package as its MANIFEST lists it. */
public record PackagedFile(String path, String sha256, long size, List<String> madeFrom) {
    public PackagedFile {
        madeFrom = List.copyOf(madeFrom);
    }
}
