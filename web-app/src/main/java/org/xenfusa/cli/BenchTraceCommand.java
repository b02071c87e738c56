package org.xenfusa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.xenfusa.trace.bench.SyntheticTraceSet;
import org.xenfusa.trace.bench.TraceTiming;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench trace}: our import and trace times, warm, on Xen's {@code docs/fusa/reqs} and on
 * the synthetic set of 10,000 items, 50,000 links and 1,000 tagged files. OpenFastTrace's times on
 * the same input come from the test-scope program {@code TraceBenchmarkAgainstOft} (OFT is GPL-3.0
 * and never shipped).
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Time importing and tracing requirements, tags and links (warm JVM).")
final class BenchTraceCommand implements Callable<Integer> {
    @Option(names = "--xen", description = "A Xen checkout (folder) whose docs/fusa/reqs is traced too.")
    Path xen;

    @Option(names = "--runs", defaultValue = "5")
    int runs;

    @Option(names = "--warmups", defaultValue = "3")
    int warmups;

    @Override
    public Integer call() throws Exception {
        if (xen != null) {
            Path reqs = xen.resolve("docs/fusa/reqs");
            if (!Files.isDirectory(reqs)) {
                throw new FusaCommandLine.BadInputException("no docs/fusa/reqs folder in " + xen);
            }
            print("Xen docs/fusa/reqs", TraceTiming.measure(reqs, warmups, runs));
        }
        Path tmp = Files.createTempDirectory("fusa-bench-trace");
        try {
            int links = SyntheticTraceSet.write(tmp);
            System.out.printf("synthetic set: %d items, %d links, %d tagged files%n", SyntheticTraceSet.FEATURES
                    + SyntheticTraceSet.REQUIREMENTS + SyntheticTraceSet.DESIGNS, links, SyntheticTraceSet.TAGGED_FILES);
            print("synthetic", TraceTiming.measure(tmp, warmups, runs));
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("OpenFastTrace on the same input: run TraceBenchmarkAgainstOft (trace-linker test scope)");
        return FusaCommandLine.OK;
    }

    private static void print(String name, TraceTiming.Figures f) {
        System.out.printf("%s: import %.3f s + trace %.3f s = %.3f s median (%d items, %d defects)%n", name,
                f.importSeconds(), f.traceSeconds(), f.totalSeconds(), f.items(), f.defects());
    }
}
