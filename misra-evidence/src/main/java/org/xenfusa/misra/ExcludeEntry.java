package org.xenfusa.misra;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * An entry of {@code docs/misra/exclude-list.json}: a path relative to {@code xen/} (with {@code *} wildcards, as
 * {@code glob} solves them), its comment and the checkers it is for (empty: every checker).
 */
public record ExcludeEntry(String relPath, String comment, List<String> checkers, int line) {
    public ExcludeEntry {
        Objects.requireNonNull(relPath, "relPath");
        Objects.requireNonNull(comment, "comment");
        checkers = List.copyOf(checkers);
    }

    /** Whether the file at {@code path} (from the tree's root, {@code xen/...}) is excluded by this entry. */
    public boolean matches(String path) {
        String full = "xen/" + relPath;
        if (!full.contains("*") && !full.contains("?") && !full.contains("[")) {
            return full.equals(path);
        }
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + full.replace("\\", "\\\\").replace("{", "\\{"));
        return m.matches(Path.of(path));
    }
}
