package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A {@code reference-data/} folder: per Xen tag, {@code xen-TAG/} with what the reference tools recorded on that tag
 * (see its README). The folder of this repository, or a synthetic one a test builds.
 */
public record ReferenceData(Path root) {

    /** The {@code reference-data/} folder of the repository at or above {@code start}, if any. */
    public static java.util.Optional<ReferenceData> above(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("reference-data")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return java.util.Optional.of(new ReferenceData(dir.resolve("reference-data")));
            }
        }
        return java.util.Optional.empty();
    }

    /** {@code xen-TAG/PATH}; a missing file is an error, not a skip. */
    public Path file(String tag, String path) {
        Path p = root.resolve("xen-" + tag).resolve(path);
        if (!Files.exists(p)) {
            throw new IllegalStateException("reference data missing: " + p);
        }
        return p;
    }

    public boolean has(String tag, String path) {
        return Files.exists(root.resolve("xen-" + tag).resolve(path));
    }

    /** Every tag with a {@code xen-TAG/} folder, sorted. */
    public List<String> tags() {
        return tagsWith("");
    }

    /** The tags whose folder holds {@code path}, sorted. */
    public List<String> tagsWith(String path) {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("xen-") && Files.exists(d.resolve(path)))
                    .map(d -> d.getFileName().toString().substring("xen-".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }

    /** Opens a Xen clone (a working clone or a bare one). */
    public static Repository openClone(Path clone) throws IOException {
        if (!Files.isDirectory(clone)) {
            throw new IOException(clone + " is not a folder");
        }
        FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
        boolean bare = !Files.exists(clone.resolve(".git"));
        try {
            return (bare ? b.setGitDir(clone.toFile()) : b.setWorkTree(clone.toFile())).build();
        } catch (IOException | RuntimeException e) {
            throw new IOException(clone + " is not a git repository: " + e.getMessage(), e);
        }
    }

    /** The tags of {@link #tags()} the clone lacks. */
    public List<String> missingTags(Repository repo) throws IOException {
        List<String> missing = new ArrayList<>();
        for (String tag : tags()) {
            if (repo.resolve("refs/tags/" + tag + "^{commit}") == null) {
                missing.add(tag);
            }
        }
        return missing;
    }

    /** The commit a tag of the clone names. */
    public static String commit(Repository repo, String tag) throws IOException {
        ObjectId id = repo.resolve("refs/tags/" + tag + "^{commit}");
        return id == null ? "" : id.name();
    }
}
