package org.xenfusa.coverage;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Coverage of snapshot files, by path (sorted): one data file's, or several merged. */
public final class CoverageData {
    public static final CoverageData EMPTY = new CoverageData(new TreeMap<>());

    private final Map<String, FileCoverage> files;

    private CoverageData(TreeMap<String, FileCoverage> files) {
        this.files = Collections.unmodifiableMap(files);
    }

    public static CoverageData of(Collection<FileCoverage> files) {
        TreeMap<String, FileCoverage> m = new TreeMap<>();
        for (FileCoverage f : files) {
            m.merge(f.path(), f, FileCoverage::merge);
        }
        return new CoverageData(m);
    }

    /** Several data sets as one, each file's data merged as gcovr merges runs. */
    public static CoverageData merge(Collection<CoverageData> sets) {
        TreeMap<String, FileCoverage> m = new TreeMap<>();
        for (CoverageData d : sets) {
            for (FileCoverage f : d.files.values()) {
                m.merge(f.path(), f, FileCoverage::merge);
            }
        }
        return new CoverageData(m);
    }

    public Map<String, FileCoverage> files() {
        return files;
    }

    public Optional<FileCoverage> file(String path) {
        return Optional.ofNullable(files.get(path));
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }
}
