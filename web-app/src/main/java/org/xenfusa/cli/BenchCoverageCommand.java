package org.xenfusa.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import org.xenfusa.coverage.CoverageTiming;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench coverage}: importing synthetic coverage data of 2,000 files (by default) in each input format,
 * warm, against a synthetic snapshot (see {@link CoverageTiming}). Target: under 5 s per format.
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Time importing coverage data (gcov JSON, gcovr JSON, lcov, Cobertura, llvm-cov; warm JVM).")
final class BenchCoverageCommand implements Callable<Integer> {
    @Option(names = "--files", defaultValue = "2000", description = "Number of source files (default ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--warmups", defaultValue = "2")
    int warmups;

    @Override
    public Integer call() {
        if (files < 1 || runs < 1 || warmups < 0) {
            throw new FusaCommandLine.BadInputException("--files and --runs must be at least 1, --warmups at least 0");
        }
        Map<String, byte[]> inputs = CoverageTiming.inputs(files);
        System.out.printf("synthetic data: %d files of %d instrumented lines each, in each format%n", files,
                CoverageTiming.LINES);
        for (String format : CoverageTiming.FORMATS) {
            byte[] input = inputs.get(format);
            CoverageTiming.Figures f = CoverageTiming.measure(format, input, warmups, runs);
            System.out.printf("%-14s %7.1f MB: %.3f s median of %d runs (%d files, %d lines, %d branches)%n", format,
                    input.length / 1e6, f.seconds(), runs, f.files(), f.lines(), f.branches());
        }
        return FusaCommandLine.OK;
    }
}
