package org.xenfusa.coverage;

import java.io.IOException;
import java.util.Set;

/** The files of the snapshot coverage data is placed in: their paths (relative to the tree's root) and contents. */
public interface SnapshotFiles {
    Set<String> paths();

    byte[] read(String path) throws IOException;
}
