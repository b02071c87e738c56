package org.xenfusa.sloc.kbuild;

import java.util.Objects;

/** A header reached by {@code #include} from the compiled sources; generated headers are named but not read. */
public record HeaderFile(String path, boolean generated) {
    public HeaderFile {
        Objects.requireNonNull(path, "path");
    }
}
