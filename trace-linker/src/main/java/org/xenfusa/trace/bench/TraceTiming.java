package org.xenfusa.trace.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.graph.TraceResult;
import org.xenfusa.trace.graph.Tracer;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/** Times our import and trace of a folder, warm: median of several runs after warm-up runs. */
public final class TraceTiming {
    private TraceTiming() {
    }

    /** Median seconds of import, of trace, the item count and the defect count. */
    public record Figures(double importSeconds, double traceSeconds, int items, long defects) {
        public double totalSeconds() {
            return importSeconds + traceSeconds;
        }
    }

    public static Figures measure(Path root, int warmups, int runs) throws IOException {
        double[] imp = new double[runs];
        double[] tr = new double[runs];
        int items = 0;
        long defects = 0;
        for (int i = -warmups; i < runs; i++) {
            long t0 = System.nanoTime();
            SpecificationImport imported;
            // the folder is opened inside the timing: OFT walks it inside its own
            try (DirectorySourceTree tree = DirectorySourceTree.open(root)) {
                imported = SpecificationScanner.under("").withLocationPrefix(root + "/").scan(tree);
            }
            long t1 = System.nanoTime();
            TraceResult trace = new Tracer().trace(imported.items());
            long t2 = System.nanoTime();
            if (i >= 0) {
                imp[i] = (t1 - t0) / 1e9;
                tr[i] = (t2 - t1) / 1e9;
            }
            items = trace.items().size();
            defects = trace.defects();
        }
        return new Figures(median(imp), median(tr), items, defects);
    }

    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
