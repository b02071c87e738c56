package org.xenfusa.coverage;

import java.util.List;
import java.util.Optional;

/**
 * What reading one coverage data file gave. When the file is usable as a whole, {@code source} describes it and
 * {@code data} holds its coverage of snapshot files; {@code notInSnapshot} lists the paths (after the path map) of files
 * it has data for that the snapshot does not have (system headers, generated files: listed, not counted) and
 * {@code unmapped} the absolute build paths no path-map entry matched. When it is refused (malformed, truncated, not a
 * coverage format, from another version of a file), {@code source} is empty, {@code data} is empty and
 * {@code problems} says why; nothing of it may be stored.
 */
public record CoverageImport(Optional<DataSource> source, CoverageData data, List<String> notInSnapshot,
        List<String> unmapped, List<CoverageProblem> problems) {
    public CoverageImport {
        notInSnapshot = List.copyOf(notInSnapshot);
        unmapped = List.copyOf(unmapped);
        problems = List.copyOf(problems);
    }

    public static CoverageImport refused(CoverageProblem problem) {
        return new CoverageImport(Optional.empty(), CoverageData.EMPTY, List.of(), List.of(), List.of(problem));
    }

    public boolean isRefused() {
        return source.isEmpty();
    }
}
