package org.xenfusa.trace.spec;

import java.util.Objects;

/** Where something was read: a path ('/'-separated, as the source tree names it) and a 1-based line. */
public record Location(String path, int line) implements Comparable<Location> {
    public Location {
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return path + ":" + line;
    }

    @Override
    public int compareTo(Location o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : Integer.compare(line, o.line);
    }
}
