package org.xenfusa.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.OptionRanking;
import org.xenfusa.sloc.kbuild.KbuildEvaluator;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigParser;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks of the configuration engines that print figures (never pass/fail):
 * {@code fusa bench kconfig} and {@code fusa bench config-sloc}.
 */
final class ConfigurationBenchCommands {
    private ConfigurationBenchCommands() {
    }

    /** Kconfig parse time of the whole tree and evaluation time of each defconfig, per architecture, warm. */
    @Command(name = "kconfig", mixinStandardHelpOptions = true,
            description = "Time Kconfig parsing and defconfig evaluation per architecture (warm JVM).")
    static final class Kconfig implements Callable<Integer> {
        @Option(names = "--repo", required = true)
        String repo;

        @Option(names = "--ref")
        String ref;

        @Option(names = "--arch", split = ",", defaultValue = "x86_64,arm64,arm32,riscv64,ppc64")
        List<String> arches;

        @Option(names = "--runs", defaultValue = "10")
        int runs;

        @Override
        public Integer call() throws Exception {
            try (TreeSource source = TreeSource.open(repo, ref)) {
                String srcDir = source.tree().file("xen/Kconfig").isPresent() ? "xen" : "";
                System.out.printf("Kconfig of %s at %s, %d runs after 3 warm-ups, median%n", repo,
                        source.tree().commit().orElse("(folder)"), runs);
                System.out.printf("%-8s %10s %12s %8s%n", "arch", "parse ms", "defconfig ms", "symbols");
                for (String a : arches) {
                    XenArch arch = arch(a);
                    ToolchainProfile profile = ToolchainProfile.defaultFor(arch.targetArch());
                    KconfigTree tree = null;
                    double[] parse = new double[runs];
                    double[] eval = new double[runs];
                    for (int i = -3; i < runs; i++) {
                        long t0 = System.nanoTime();
                        tree = KconfigParser.parse(source.tree(), srcDir, arch.targetArch(), profile);
                        long t1 = System.nanoTime();
                        tree.configure(new StartingPoint.Defconfig(arch.defaultDefconfig()), List.of());
                        long t2 = System.nanoTime();
                        if (i >= 0) {
                            parse[i] = (t1 - t0) / 1e6;
                            eval[i] = (t2 - t1) / 1e6;
                        }
                    }
                    System.out.printf("%-8s %10.1f %12.1f %8d%n", arch.targetArch(), median(parse), median(eval), tree.symbols().size());
                }
                System.out.println("Xen's own 'make defconfig' is not run here (it would build kconfig in the checkout);"
                        + " reference-data/xen-RELEASE-4.22.0/*/build-timing.txt records its wall time (kconfig_wall_s).");
            }
            return FusaCommandLine.OK;
        }
    }

    /** Configuration to all three figures, warm, and a sweep of configurations with one option switched. */
    @Command(name = "config-sloc", mixinStandardHelpOptions = true,
            description = "Time from a configuration to its three SLOC figures (warm), and a sweep of configurations.")
    static final class ConfigSloc implements Callable<Integer> {
        @Option(names = "--repo", required = true)
        String repo;

        @Option(names = "--ref")
        String ref;

        @Option(names = "--arch", split = ",", defaultValue = "x86_64,arm64")
        List<String> arches;

        @Option(names = "--runs", defaultValue = "10")
        int runs;

        @Option(names = "--sweep", defaultValue = "100", description = "Configurations in the sweep (split over the arches).")
        int sweep;

        @Override
        public Integer call() throws Exception {
            try (TreeSource source = TreeSource.open(repo, ref)) {
                ConfigurationCounter counter = ConfigurationCounter.of(source.tree());
                System.out.printf("config-sloc of %s at %s%n", repo, source.tree().commit().orElse("(folder)"));
                List<List<ConfigurationRequest>> perArch = new ArrayList<>();
                for (String a : arches) {
                    XenArch arch = arch(a);
                    ConfigurationRequest request = ConfigurationRequest.defconfig(arch);
                    long c0 = System.nanoTime();
                    ConfigurationReport first = counter.report(request);
                    double cold = (System.nanoTime() - c0) / 1e6;
                    for (int i = 0; i < 3; i++) {
                        counter.report(request);
                    }
                    double[] warm = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        long t0 = System.nanoTime();
                        counter.report(request);
                        warm[i] = (System.nanoTime() - t0) / 1e6;
                    }
                    System.out.printf("%-8s defconfig: first %.0f ms (reads and counts the tree), warm median %.1f ms (min %.1f, max %.1f);"
                            + " make cloc %d, with headers %d, active %d%n", arch.targetArch(), cold, median(warm),
                            Arrays.stream(warm).min().orElse(0), Arrays.stream(warm).max().orElse(0), first.makeCloc().code(),
                            first.withHeaders().code(), first.activeLines().code());
                    phases(counter, source.tree(), arch, request);
                    perArch.add(OptionRanking.candidates(first, counter.kconfig(arch, request.profile())).stream()
                            .map(o -> request.with(new SymbolAssignment(o, "n"))).toList());
                }
                // round robin over the architectures, so that one with few options leaves its share to the others
                List<ConfigurationRequest> sweepRequests = new ArrayList<>();
                for (int k = 0; sweepRequests.size() < sweep; k++) {
                    boolean any = false;
                    for (List<ConfigurationRequest> list : perArch) {
                        if (k < list.size() && sweepRequests.size() < sweep) {
                            sweepRequests.add(list.get(k));
                            any = true;
                        }
                    }
                    if (!any) {
                        break;
                    }
                }
                double[] each = new double[sweepRequests.size()];
                long s0 = System.nanoTime();
                for (int i = 0; i < sweepRequests.size(); i++) {
                    long t0 = System.nanoTime();
                    counter.report(sweepRequests.get(i));
                    each[i] = (System.nanoTime() - t0) / 1e6;
                }
                double total = (System.nanoTime() - s0) / 1e9;
                System.out.printf("sweep: %d configurations (each defconfig with one option switched off) in %.1f s:"
                        + " median %.1f ms, max %.1f ms per configuration (target: < 300 ms each, sweep < 30 s)%n",
                        sweepRequests.size(), total, median(each), Arrays.stream(each).max().orElse(0));
                System.out.println("For comparison, a real build plus make cloc: see reference-data/xen-RELEASE-4.22.0/*/build-timing.txt (40-110 s).");
            }
            return FusaCommandLine.OK;
        }
    }

    /**
     * Where a configuration's time goes, warm: Kconfig alone, Kbuild alone (the file list), and
     * Kbuild plus counting from an evaluated configuration.
     */
    private static void phases(ConfigurationCounter counter, SourceTree tree, XenArch arch, ConfigurationRequest request) {
        KbuildEvaluator kbuild = KbuildEvaluator.of(tree);
        Configuration configuration = counter.configure(request);
        Map<String, String> set = new LinkedHashMap<>();
        configuration.values().forEach((symbol, value) -> {
            if (!value.equals("n")) {
                set.put(symbol, value);
            }
        });
        int runs = 5;
        double[] kconfig = new double[runs];
        double[] kbuildOnly = new double[runs];
        double[] fromConfiguration = new double[runs];
        for (int i = -2; i < runs; i++) { // two warm-up rounds
            long t0 = System.nanoTime();
            counter.configure(request);
            long t1 = System.nanoTime();
            kbuild.analyse(arch, set);
            long t2 = System.nanoTime();
            counter.report(request, configuration);
            long t3 = System.nanoTime();
            if (i >= 0) {
                kconfig[i] = (t1 - t0) / 1e6;
                kbuildOnly[i] = (t2 - t1) / 1e6;
                fromConfiguration[i] = (t3 - t2) / 1e6;
            }
        }
        System.out.printf("%-8s phases, warm median: Kconfig %.1f ms; Kbuild only %.1f ms; Kbuild + count from the"
                + " configuration %.1f ms%n", arch.targetArch(), median(kconfig), median(kbuildOnly),
                median(fromConfiguration));
    }

    static XenArch arch(String a) {
        return ConfigurationOptions.architecture(a);
    }

    static double median(double[] v) {
        if (v.length == 0) {
            return 0;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
