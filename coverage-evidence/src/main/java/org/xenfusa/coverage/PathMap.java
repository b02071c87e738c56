package org.xenfusa.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Maps the build paths coverage data carries onto snapshot paths: each entry {@code FROM=TO} replaces the prefix
 * {@code FROM} by {@code TO} (an empty {@code TO} removes the prefix). The longest matching {@code FROM} applies; a
 * prefix matches whole path parts only ({@code /build/xen} does not match {@code /build/xen-4.22/...}). {@code .=TO}
 * puts {@code TO} before every relative path (gcovr writes paths relative to its {@code --root}).
 */
public record PathMap(List<Entry> entries) {
    public static final PathMap NONE = new PathMap(List.of());

    public record Entry(String from, String to) {
        public Entry {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (from.isEmpty()) {
                throw new IllegalArgumentException("a path map needs a prefix to replace: '=" + to + "'");
            }
        }

        Optional<String> apply(String path) {
            String f = trimSlash(from);
            if (f.equals(".")) {
                // "." stands for the folder relative paths are relative to (gcovr's --root): it prefixes them
                if (path.startsWith("/") || path.length() > 2 && path.charAt(1) == ':') {
                    return Optional.empty();
                }
                String t = trimSlash(to);
                return Optional.of(t.isEmpty() || t.equals(".") ? path : t + "/" + path);
            }
            if (!path.equals(f) && !path.startsWith(f + "/")) {
                return Optional.empty();
            }
            String rest = path.substring(f.length());
            while (rest.startsWith("/")) {
                rest = rest.substring(1);
            }
            String t = trimSlash(to);
            return Optional.of(t.isEmpty() ? rest : rest.isEmpty() ? t : t + "/" + rest);
        }

        private static String trimSlash(String s) {
            String r = s.replace('\\', '/');
            while (r.length() > 1 && r.endsWith("/")) {
                r = r.substring(0, r.length() - 1);
            }
            return r;
        }

        @Override
        public String toString() {
            return from + "=" + to;
        }
    }

    public PathMap {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.from().length()).reversed());
        entries = List.copyOf(sorted);
    }

    /** Reads {@code FROM=TO} arguments; a bad one is refused naming it. */
    public static PathMap parse(List<String> arguments) {
        List<Entry> es = new ArrayList<>();
        for (String a : arguments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("path map '" + a + "' is not FROM=TO (an empty TO removes FROM)");
            }
            es.add(new Entry(a.substring(0, eq), a.substring(eq + 1)));
        }
        return new PathMap(es);
    }

    /** The path with the longest matching prefix replaced, or empty when no entry matches. */
    public Optional<String> apply(String path) {
        for (Entry e : entries) {
            Optional<String> r = e.apply(path.replace('\\', '/'));
            if (r.isPresent()) {
                return r;
            }
        }
        return Optional.empty();
    }
}
