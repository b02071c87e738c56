package org.xenfusa.coverage;

import java.util.Objects;

/**
 * One imported coverage data file and the test run it came from: {@code test} names the run (a test's name, its file,
 * or the folder of a test suite such as {@code tools/tests/vpci}); requirements-based coverage counts a data set for a
 * requirement when {@code test} names one of the requirement's tests (see {@link CoverageAnalysis}).
 */
public record DataSet(String test, DataSource source, CoverageData data) {
    public DataSet {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }
}
