package org.xenfusa.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A small Xen-like git repository built by the tests in a temporary folder: commits with tags,
 * files changed between them and files left alone. Its sources are written here, never copied.
 */
public final class SyntheticRepository implements AutoCloseable {
    private final Path dir;
    private final Git git;

    private SyntheticRepository(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    public static SyntheticRepository create(Path parent) throws IOException, GitAPIException {
        Path dir = Files.createTempDirectory(parent, "synthetic-xen");
        Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        return new SyntheticRepository(dir, git);
    }

    public Path dir() {
        return dir;
    }

    public Git git() {
        return git;
    }

    /** Writes the files (path to content), commits them all and tags the commit when tag is not null. */
    public RevCommit commit(String message, String tag, Map<String, String> files) throws IOException, GitAPIException {
        for (var e : files.entrySet()) {
            Path p = dir.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        git.add().addFilepattern(".").call();
        RevCommit c = git.commit().setMessage(message).setAuthor("Test", "test@example.org")
                .setCommitter("Test", "test@example.org").setSign(false).call();
        if (tag != null) {
            git.tag().setName(tag).setAnnotated(true).setMessage(tag).setSigned(false).call();
        }
        return c;
    }

    /** A C file of the given number of code lines, one comment line and one blank line. */
    public static String cFile(String name, int codeLines) {
        StringBuilder sb = new StringBuilder("/* " + name + " */\n\n");
        for (int i = 0; i < codeLines; i++) {
            sb.append("int ").append(name).append('_').append(i).append(" = ").append(i).append(";\n");
        }
        return sb.toString();
    }

    @Override
    public void close() {
        git.close();
    }
}
