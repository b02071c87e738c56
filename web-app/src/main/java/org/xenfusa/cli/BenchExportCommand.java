package org.xenfusa.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.exports.xlsx.AssessorWorkbook;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fusa bench export}: the XLSX matrix for many synthetic requirements (targets: under 5 s, under 500 MB of
 * heap) and a full evidence package for three Xen-sized synthetic configurations. Prints figures, never fails.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Time the XLSX matrix for synthetic requirements and a full evidence package.")
final class BenchExportCommand implements Callable<Integer> {
    @Option(names = "--requirements", defaultValue = "10000")
    int requirements;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs after one warm-up.")
    int runs;

    @Option(names = "--directories", defaultValue = "150", description = "Directories per synthetic configuration.")
    int directories;

    @Option(names = "--files-per-directory", defaultValue = "8")
    int filesPerDirectory;

    @Override
    public Integer call() {
        List<String> configs = List.of("x86_64-defconfig", "arm64-defconfig", "riscv64-tiny64");
        ReleaseEvidence matrix = SyntheticEvidence.create(
                new SyntheticEvidence.Shape(requirements, configs, 4, 3));
        System.out.printf("XLSX matrix: %,d requirements x %d configurations (max heap %d MB)%n", requirements,
                configs.size(), Runtime.getRuntime().maxMemory() >> 20);
        measure("xlsx matrix", () -> AssessorWorkbook.write(matrix));
        ReleaseEvidence full = SyntheticEvidence.create(
                new SyntheticEvidence.Shape(2000, configs, directories, filesPerDirectory));
        System.out.printf("evidence package: %d configurations, %,d files each, %,d requirements%n", configs.size(),
                full.configurations().get(0).files().size(), full.requirements().size());
        measure("evidence package", () -> EvidencePackage.build(full, java.util.Optional.empty()));
        return FusaCommandLine.OK;
    }

    private void measure(String what, Supplier<byte[]> job) {
        job.get(); // warm-up: class loading and JIT are not the figure
        double best = Double.MAX_VALUE;
        long peak = 0;
        long gcCount = 0;
        long gcMillis = 0;
        int size = 0;
        for (int i = 0; i < runs; i++) {
            System.gc();
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long[] gc = gcTotals();
            long t0 = System.nanoTime();
            size = job.get().length;
            double s = (System.nanoTime() - t0) / 1e9;
            // the pools peak at different moments: their sum is an upper bound of the heap actually in use
            long runPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long[] gcAfter = gcTotals();
            best = Math.min(best, s);
            peak = Math.max(peak, runPeak);
            gcCount += gcAfter[0] - gc[0];
            gcMillis += gcAfter[1] - gc[1];
        }
        System.out.printf("%-17s best of %d: %.2f s, peak heap <= %d MB, %d GCs (%d ms) over all runs, %,d bytes%n",
                what, runs, best, peak >> 20, gcCount, gcMillis, size);
    }

    private static long[] gcTotals() {
        long count = 0;
        long millis = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, b.getCollectionCount());
            millis += Math.max(0, b.getCollectionTime());
        }
        return new long[] {count, millis};
    }
}
