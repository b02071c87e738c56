package org.xenfusa.trace.impact;

import java.util.Objects;

/**
 * The function changes of one file or one directory.
 *
 * @param area a file path, or a directory with its trailing slash ({@code xen/common/})
 */
public record AreaImpact(String area, int added, int removed, int changed) {
    public AreaImpact {
        Objects.requireNonNull(area, "area");
    }

    public int total() {
        return added + removed + changed;
    }
}
