package org.xenfusa.sloc.kbuild;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything one configuration's build reads: the compiled files, which lines of each file read
 * (sources and headers) the preprocessor keeps, and what is known of the generated sources.
 *
 * @param lineActivity per repository path, every tracked or copied file the preprocessor read
 * @param generated    per repository path, the generated {@code .c}/{@code .S} files of the make cloc list
 */
public record BuildAnalysis(CompiledFileSet files, Map<String, LineActivity> lineActivity,
        Map<String, GeneratedSource> generated) {
    public BuildAnalysis {
        Objects.requireNonNull(files, "files");
        lineActivity = Collections.unmodifiableMap(new TreeMap<>(lineActivity));
        generated = Collections.unmodifiableMap(new TreeMap<>(generated));
    }

    public Optional<LineActivity> activity(String path) {
        return Optional.ofNullable(lineActivity.get(path));
    }
}
