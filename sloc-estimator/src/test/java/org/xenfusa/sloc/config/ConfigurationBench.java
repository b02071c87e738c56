package org.xenfusa.sloc.config;

import java.nio.file.Path;
import java.util.List;

import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.sloc.xen.XenArch;

/** Prints where the time from a configuration to its three figures goes (a program, not a test): args XEN_SRC. */
public final class ConfigurationBench {
    private ConfigurationBench() {
    }

    private static java.util.Map<String, String> set(Configuration c) {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        c.values().forEach((k, v) -> {
            if (!v.equals("n")) {
                m.put(k, v);
            }
        });
        return m;
    }

    public static void main(String[] args) throws Exception {
        try (DirectorySourceTree tree = DirectorySourceTree.open(Path.of(args.length > 0 ? args[0] : "/work/xen"))) {
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            for (XenArch arch : List.of(XenArch.X86_64, XenArch.ARM64)) {
                ConfigurationRequest request = ConfigurationRequest.defconfig(arch);
                for (int i = 0; i < 8; i++) {
                    long t0 = System.nanoTime();
                    Configuration c = counter.configure(request);
                    long t1 = System.nanoTime();
                    ConfigurationReport r = counter.report(request, c);
                    long t2 = System.nanoTime();
                    System.out.printf("%s run %d: kconfig %d ms, kbuild+count %d ms, code %d%n", arch, i, (t1 - t0) / 1_000_000,
                            (t2 - t1) / 1_000_000, r.makeCloc().code());
                }
                org.xenfusa.sloc.kbuild.KbuildEvaluator kb = org.xenfusa.sloc.kbuild.KbuildEvaluator.of(tree);
                java.util.Map<String, String> base = set(counter.configure(request));
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    kb.analyse(arch, base);
                    System.out.printf("%s kbuild only, run %d: %d ms%n", arch, i, (System.nanoTime() - t0) / 1_000_000);
                }
                for (String s : List.of("HVM=n", "ACPI=n", "DEBUG=y", "NUMA=n", "HVM=n", "DEBUG=y")) {
                    java.util.Map<String, String> cfg = set(counter.configure(request.with(SymbolAssignment.parse(s))));
                    long t0 = System.nanoTime();
                    kb.analyse(arch, cfg);
                    long t1 = System.nanoTime();
                    ConfigurationReport r = counter.report(request.with(SymbolAssignment.parse(s)));
                    System.out.printf("%s %s: kbuild only %d ms; whole report %d ms, code %d%n", arch, s, (t1 - t0) / 1_000_000,
                            (System.nanoTime() - t1) / 1_000_000, r.makeCloc().code());
                }
            }
        }
    }
}
