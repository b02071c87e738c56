package org.xenfusa.trace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.itsallcode.openfasttrace.api.core.LinkedSpecificationItem;
import org.itsallcode.openfasttrace.api.core.SpecificationItem;
import org.itsallcode.openfasttrace.api.core.Trace;
import org.itsallcode.openfasttrace.api.importer.ImportSettings;
import org.itsallcode.openfasttrace.core.Oft;

/**
 * A benchmark program, not a test: our tracer and OpenFastTrace 4.4.0 on the same input in the same
 * JVM, warm, median of runs. OFT is test scope (GPL-3.0), so this lives here; run it with
 * {@code mvn -pl trace-linker -am -Dfusa.buildDir=target-trace test-compile exec:java} or from an IDE:
 * {@code TraceBenchmarkAgainstOft [xen-checkout]}.
 */
public final class TraceBenchmarkAgainstOft {
    private static final int WARMUPS = 3;
    private static final int RUNS = 5;

    private TraceBenchmarkAgainstOft() {
    }

    public static void main(String[] args) throws IOException {
        java.util.logging.LogManager.getLogManager().reset();
        String xen = args.length > 0 ? args[0] : System.getenv("XEN_SRC");
        if (xen != null && !xen.isBlank()) {
            compare("Xen docs/fusa/reqs", Path.of(xen, "docs/fusa/reqs"));
        } else {
            System.out.println("Xen docs/fusa/reqs: skipped (give a Xen checkout as argument or XEN_SRC)");
        }
        Path tmp = Files.createTempDirectory("fusa-bench-trace");
        try {
            int links = SyntheticTraceSet.write(tmp);
            System.out.printf("synthetic set: %d items, %d links, %d tagged files%n",
                    SyntheticTraceSet.FEATURES + SyntheticTraceSet.REQUIREMENTS + SyntheticTraceSet.DESIGNS, links,
                    SyntheticTraceSet.TAGGED_FILES);
            compare("synthetic", tmp);
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void compare(String name, Path root) throws IOException {
        TraceTiming.Figures ours = TraceTiming.measure(root, WARMUPS, RUNS);
        double[] imp = new double[RUNS];
        double[] tr = new double[RUNS];
        int items = 0;
        int defects = 0;
        for (int i = -WARMUPS; i < RUNS; i++) {
            Oft oft = Oft.create();
            long t0 = System.nanoTime();
            List<SpecificationItem> imported = oft.importItems(ImportSettings.builder().addInputs(root).build());
            long t1 = System.nanoTime();
            List<LinkedSpecificationItem> linked = oft.link(imported);
            Trace trace = oft.trace(linked);
            long t2 = System.nanoTime();
            if (i >= 0) {
                imp[i] = (t1 - t0) / 1e9;
                tr[i] = (t2 - t1) / 1e9;
            }
            items = trace.count();
            defects = trace.countDefects();
        }
        double oftImport = TraceTiming.median(imp);
        double oftTrace = TraceTiming.median(tr);
        System.out.printf("%s: ours  import %.3f s + trace %.3f s = %.3f s (%d items, %d defects)%n", name,
                ours.importSeconds(), ours.traceSeconds(), ours.totalSeconds(), ours.items(), ours.defects());
        System.out.printf("%s: OFT   import %.3f s + trace %.3f s = %.3f s (%d items, %d defects)%n", name,
                oftImport, oftTrace, oftImport + oftTrace, items, defects);
        System.out.printf("%s: speed-up over OFT: import %.1fx, trace %.1fx, total %.1fx%n", name,
                oftImport / ours.importSeconds(), oftTrace / ours.traceSeconds(),
                (oftImport + oftTrace) / ours.totalSeconds());
    }
}
