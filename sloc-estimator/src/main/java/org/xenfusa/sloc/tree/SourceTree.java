package org.xenfusa.sloc.tree;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of a source tree at one point in time: a git commit read through JGit, or a
 * folder on disk. Every analysis (line counting, Kconfig, Kbuild, tracing) reads through this, so
 * none of them needs a checkout. Symbolic links and submodules are not files of the tree.
 */
public interface SourceTree extends Closeable {

    /** The commit SHA the tree was read at, or empty for a plain folder. */
    Optional<String> commit();

    /** Every regular file, sorted by path. */
    List<SourceFile> files();

    /** The file at {@code path} ('/'-separated, relative to the root), if the tree has it. */
    Optional<SourceFile> file(String path);

    /** The content of a file of this tree. */
    byte[] read(SourceFile file) throws IOException;

    /** The content at {@code path}, or empty when the tree has no such file. */
    default Optional<byte[]> read(String path) {
        return file(path).map(f -> {
            try {
                return read(f);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        });
    }

    /** The files whose path starts with {@code prefix} (for example {@code "xen/"}). */
    default List<SourceFile> filesUnder(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return files();
        }
        String p = prefix.endsWith("/") ? prefix : prefix + "/";
        return files().stream().filter(f -> f.path().startsWith(p)).toList();
    }

    @Override
    default void close() throws IOException {
    }
}
