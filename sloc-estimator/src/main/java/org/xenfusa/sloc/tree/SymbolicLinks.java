package org.xenfusa.sloc.tree;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Resolves symbolic links stored in a git tree to the regular file they end at, inside the tree. */
final class SymbolicLinks {
    /** The kernel's limit on links followed in one lookup. */
    private static final int MAX_HOPS = 40;

    private SymbolicLinks() {
    }

    /**
     * The path of the regular file {@code link} ends at, or empty when it ends at a folder,
     * outside the tree, at nothing, or in a loop.
     *
     * @param targets each link path of the tree to its stored target text
     * @param isFile whether a path is a regular file of the tree
     */
    static Optional<String> resolve(String link, Map<String, String> targets, Predicate<String> isFile) {
        String current = link;
        for (int hop = 0; hop < MAX_HOPS; hop++) {
            String target = targets.get(current);
            if (target == null) {
                return isFile.test(current) ? Optional.of(current) : Optional.empty();
            }
            if (target.startsWith("/")) {
                return Optional.empty();
            }
            int slash = current.lastIndexOf('/');
            String base = slash < 0 ? "" : current.substring(0, slash + 1);
            Optional<String> next = normalise(base + target);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        return Optional.empty();
    }

    /** Folds "." and ".." away; empty when ".." climbs above the root. */
    static Optional<String> normalise(String path) {
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }
}
