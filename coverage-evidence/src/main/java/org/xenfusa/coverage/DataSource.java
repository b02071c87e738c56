package org.xenfusa.coverage;

/**
 * One coverage data file that was read: the name it was given, its format ({@code gcov-json}, {@code gcovr-json},
 * {@code lcov}, {@code cobertura}, {@code llvm-cov-json}), the SHA-256 and size of its bytes as given (compressed when it
 * was), the tool and version the data names (empty when the format does not carry them) and how many source files of
 * the snapshot it gave data for.
 */
public record DataSource(String name, String format, String sha256, long bytes, String tool, String toolVersion,
        int files) {
}
