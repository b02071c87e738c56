package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Assumptions;
import org.xenfusa.sloc.tree.GitSourceTree;

/**
 * Where the Xen exactness tests find their two inputs: the reference figures measured on Xen
 * (this repository's {@code reference-data/xen-TAG/}, found from the compiled test classes, so from
 * any working directory) and a Xen clone with its tags ({@code XEN_SRC}), read through git objects
 * at the measured tag, whatever is checked out. Without {@code XEN_SRC} the calling test is skipped
 * with a JUnit assumption saying so.
 */
public final class XenReference {
    /** The release every configuration reference was measured on. */
    public static final String RELEASE = "RELEASE-4.22.0";

    private XenReference() {
    }

    /** The root of this project's repository: the folder holding {@code reference-data/}. */
    public static Path repositoryRoot() {
        Path start;
        try {
            start = Path.of(XenReference.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the test classes", e);
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("reference-data")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no reference-data/ folder above " + start
                + ": the reference figures are part of this repository and must be there");
    }

    /** This repository's {@code reference-data/}, as the comparisons of {@link ReferenceData} read it. */
    public static ReferenceData data() {
        return new ReferenceData(repositoryRoot().resolve("reference-data"));
    }

    /** {@code reference-data/xen-TAG/PATH}; a missing file is an error, not a skip. */
    public static Path file(String tag, String path) {
        Path p = repositoryRoot().resolve("reference-data").resolve("xen-" + tag).resolve(path);
        if (!Files.exists(p)) {
            throw new IllegalStateException("reference data missing from the repository: " + p);
        }
        return p;
    }

    /** The Xen clone named by {@code XEN_SRC}, or the calling test is skipped. */
    public static Path xenSource() {
        String src = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(src != null && !src.isBlank(),
                "XEN_SRC not set: point it at a Xen clone with its tags (e.g. XEN_SRC=/path/to/xen mvn verify)"
                        + " to compare with the reference figures in reference-data/");
        Path p = Path.of(src);
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("XEN_SRC=" + src + " is not a folder");
        }
        return p;
    }

    /** Opens the git repository of {@link #xenSource()} (a working clone or a bare one). */
    public static Repository xenRepository() {
        Path src = xenSource();
        try {
            return ReferenceData.openClone(src);
        } catch (IOException e) {
            throw new UncheckedIOException("XEN_SRC=" + src + " is not a git repository", e);
        }
    }

    /** The tree of {@code tag} in the Xen clone, read through git objects (no checkout needed). */
    public static GitSourceTree tree(Repository repo, String tag) throws IOException {
        return GitSourceTree.open(repo, tag);
    }
}
