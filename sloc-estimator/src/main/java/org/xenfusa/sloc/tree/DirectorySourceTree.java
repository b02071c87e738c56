package org.xenfusa.sloc.tree;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;

/**
 * A folder on disk read as a source tree. Blob ids are computed the way git computes them, so a
 * folder and a commit with the same content share cached counts. A {@code .git} folder is skipped.
 * A symbolic link to a regular file inside the folder is listed with that file's content, as cloc
 * and make see it; links to folders or outside the folder are not followed.
 */
// [impl->dsn~source-tree~1]
public final class DirectorySourceTree implements SourceTree {
    private final Path root;
    private final Map<String, SourceFile> files;

    private DirectorySourceTree(Path root, Map<String, SourceFile> files) {
        this.root = root;
        this.files = files;
    }

    public static DirectorySourceTree open(Path root) throws IOException {
        Path r = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(r)) {
            throw new IOException("not a folder: " + r);
        }
        List<SourceFile> found = new ArrayList<>();
        try (ObjectInserter.Formatter ids = new ObjectInserter.Formatter()) {
            Files.walkFileTree(r, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    boolean linkToFileInside = attrs.isSymbolicLink() && Files.isRegularFile(file)
                            && file.toRealPath().startsWith(r.toRealPath());
                    if (attrs.isRegularFile() || linkToFileInside) {
                        byte[] content = Files.readAllBytes(file);
                        String rel = r.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                        found.add(new SourceFile(rel, ids.idFor(Constants.OBJ_BLOB, content).name(), content.length));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        found.sort(Comparator.comparing(SourceFile::path));
        Map<String, SourceFile> byPath = new LinkedHashMap<>();
        found.forEach(f -> byPath.put(f.path(), f));
        return new DirectorySourceTree(r, Collections.unmodifiableMap(byPath));
    }

    @Override
    public Optional<String> commit() {
        return Optional.empty();
    }

    @Override
    public List<SourceFile> files() {
        return List.copyOf(files.values());
    }

    @Override
    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    @Override
    public byte[] read(SourceFile file) throws IOException {
        Path p = root.resolve(file.path());
        if (!Files.isRegularFile(p)) {
            throw new IOException("no longer a file: " + p);
        }
        return Files.readAllBytes(p);
    }
}
