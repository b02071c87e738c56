package org.xenfusa.trace.function;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.tree.SourceTree;

/**
 * The functions of a source tree's C and assembly files, parsed on first use and cached by blob
 * id, so that two snapshots share the work for every file that did not change. Thread-safe.
 */
// [impl->dsn~function-index~1]
public final class FunctionIndex {
    private final SourceTree tree;
    private final Map<String, List<SourceFunction>> byBlob;

    private FunctionIndex(SourceTree tree, Map<String, List<SourceFunction>> cache) {
        this.tree = tree;
        this.byBlob = cache;
    }

    public static FunctionIndex of(SourceTree tree) {
        return new FunctionIndex(tree, new ConcurrentHashMap<>());
    }

    /** An index of another snapshot that reuses this one's parsed files where the content is the same. */
    public FunctionIndex forTree(SourceTree other) {
        return new FunctionIndex(other, byBlob);
    }

    public SourceTree tree() {
        return tree;
    }

    /** The functions of the file at {@code path}, in file order; empty for a missing or non-C/assembly file. */
    public List<SourceFunction> functions(String path) {
        if (!FunctionParser.handles(path)) {
            return List.of();
        }
        Optional<SourceFile> file = tree.file(path);
        if (file.isEmpty()) {
            return List.of();
        }
        SourceFile f = file.get();
        // the blob id alone would hand out the path of another file with the same content
        return byBlob.computeIfAbsent(f.blobId() + '\0' + path, k -> {
            try {
                return List.copyOf(FunctionParser.parse(path, tree.read(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        });
    }

    /** The functions named {@code name} in {@code path} (more than one when #if branches define it twice). */
    public List<SourceFunction> find(String path, String name) {
        return functions(path).stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The function containing {@code line}, else the next one after it (a tag in the comment above a function). */
    public Optional<SourceFunction> at(String path, int line) {
        for (SourceFunction f : functions(path)) {
            if (f.endLine() >= line) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
