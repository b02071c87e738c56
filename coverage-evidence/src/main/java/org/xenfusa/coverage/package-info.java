/**
 * Structural coverage evidence per requirement and configuration, in plain Java (no Spring, no database).
 *
 * <p>{@link org.xenfusa.coverage.CoverageImporter} reads one coverage data file, streamed, in any of the formats the
 * usual tools write (gcov's JSON, gcovr's JSON, lcov tracefiles, Cobertura XML, {@code llvm-cov export} JSON), places
 * its paths in a snapshot's files through a {@link org.xenfusa.coverage.PathMap}, refuses data from other versions of
 * the sources, and counts lines, branches, condition outcomes and functions exactly as the tool's own summary does
 * ({@link org.xenfusa.coverage.FileCoverage}, {@link org.xenfusa.coverage.CoverageData}). {@link
 * org.xenfusa.coverage.CoverageTiming} is the benchmark of {@code fusa bench coverage}.
 */
package org.xenfusa.coverage;
