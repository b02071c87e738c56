package org.xenfusa.coverage;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/** The files of the snapshot coverage data is placed in: their paths (relative to the tree's root) and contents. */
public interface SnapshotFiles {
    Set<String> paths();

    byte[] read(String path) throws IOException;

    /** The files of a tree (a commit read through JGit, or a folder); contents are read when asked for. */
    static SnapshotFiles of(SourceTree tree) {
        Set<String> paths = new HashSet<>();
        for (SourceFile f : tree.files()) {
            paths.add(f.path());
        }
        Set<String> fixed = Set.copyOf(paths);
        return new SnapshotFiles() {
            @Override
            public Set<String> paths() {
                return fixed;
            }

            @Override
            public byte[] read(String path) throws IOException {
                SourceFile f = tree.file(path).orElseThrow(() -> new IOException("no file " + path + " in the tree"));
                return tree.read(f);
            }
        };
    }
}
