package org.xenfusa.trace.suggest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationSpec;
import org.xenfusa.sloc.config.ConfigurationSpec.StartKind;
import org.xenfusa.sloc.tree.GitRepositories;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * Link suggestions on real Xen: the design requirements of RELEASE-4.22.0 against the arm64 defconfig's compiled
 * functions, scored on a small sample judged by hand ({@code suggest/xen-4.22.0-design-judged.txt}). Prints top-1
 * and top-5 hit rates and the index and query times (figures, not a pass/fail on time); asserts the figures reached
 * when the boosts were tuned, so that a change that makes suggestions worse fails. Needs {@code XEN_SRC}.
 * For tuning, {@code SUGGEST_EXPLAIN=<part of a requirement id>} with
 * {@code SUGGEST_EXPLAIN_FUNCTIONS=<file>:<function>,...} prints Lucene's explanation of those functions' scores.
 */
class XenLinkSuggestionSampleTest {
    static final String XEN_RELEASE = "RELEASE-4.22.0";

    @Test
    void judgedSampleIsFoundInTheTopFive() throws Exception {
        String xen = System.getenv("XEN_SRC");
        Assumptions.assumeTrue(xen != null && !xen.isBlank(), "XEN_SRC not set: point it at a Xen clone with its tags"
                + " (e.g. XEN_SRC=/path/to/xen mvn verify) to score link suggestions on " + XEN_RELEASE);
        Map<String, Set<String>> judged = judged();
        try (Repository repo = GitRepositories.open(Path.of(xen));
                GitSourceTree tree = GitSourceTree.open(repo, XEN_RELEASE)) {
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            List<String> compiled = counter.report(ConfigurationSpec.of("arm64").startingFrom(StartKind.DEFCONFIG, "")
                    .request(counter)).compiledFiles();
            SpecificationImport specs = SpecificationScanner.under("docs/fusa/reqs/").scan(tree);
            FunctionIndex index = FunctionIndex.of(tree);
            long r0 = System.nanoTime();
            compiled.forEach(p -> tree.read(p));
            System.out.printf("reading the compiled files: %d ms%n", (System.nanoTime() - r0) / 1_000_000);
            // wall and CPU time of this thread: on a busy machine the wall time says little
            java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
            long t0 = System.nanoTime();
            long c0 = cpu.getCurrentThreadCpuTime();
            FunctionSuggester suggester = FunctionSuggester.of(index, compiled);
            long built = System.nanoTime() - t0;
            long builtCpu = cpu.getCurrentThreadCpuTime() - c0;
            // a second build on the parsed index: the cost of the Lucene index alone
            long t1 = System.nanoTime();
            long c1 = cpu.getCurrentThreadCpuTime();
            FunctionSuggester.of(index, compiled).close();
            long rebuilt = System.nanoTime() - t1;
            long rebuiltCpu = cpu.getCurrentThreadCpuTime() - c1;
            long queryCpu = 0;
            int top1 = 0;
            int top5 = 0;
            int scored = 0;
            long queryNanos = 0;
            int queries = 0;
            List<String> misses = new ArrayList<>();
            for (SpecificationItem item : specs.items()) {
                if (!item.type().equals("XenSwdgn")) {
                    continue;
                }
                long q0 = System.nanoTime();
                long qc = cpu.getCurrentThreadCpuTime();
                List<LinkSuggestion> s = suggester.suggest(item, 10);
                queryNanos += System.nanoTime() - q0;
                queryCpu += cpu.getCurrentThreadCpuTime() - qc;
                queries++;
                Set<String> expected = judged.get(item.id().toString());
                String line = item.id() + " -> " + s.stream().limit(5).map(LinkSuggestion::function).toList();
                if (expected == null) {
                    System.out.println("  (not judged) " + line);
                    continue;
                }
                scored++;
                if (!s.isEmpty() && expected.contains(s.get(0).function())) {
                    top1++;
                }
                if (s.stream().limit(5).anyMatch(x -> expected.contains(x.function()))) {
                    top5++;
                    System.out.println("  hit  " + line);
                } else {
                    misses.add(item.id().toString());
                    System.out.println("  MISS " + line + " expected one of " + expected);
                }
                if (System.getenv("SUGGEST_EXPLAIN") != null && item.id().toString().contains(System.getenv("SUGGEST_EXPLAIN"))) {
                    for (String fn : System.getenv("SUGGEST_EXPLAIN_FUNCTIONS").split(",")) {
                        String[] pf = fn.split(":");
                        System.out.println("EXPLAIN " + fn + "\n" + suggester.explain(item, pf[0], pf[1]));
                    }
                }
                if (!s.isEmpty()) {
                    System.out.println("       1st: " + s.get(0).function() + " " + s.get(0).reasonText());
                }
            }
            System.out.printf("link suggestions on %s arm64 defconfig: %d files, %d functions indexed in %d ms"
                    + " (CPU %d ms; again on the parsed functions %d ms, CPU %d ms); %d design requirements, %.1f ms"
                    + " a query (CPU %.1f ms), top 10%n", XEN_RELEASE, suggester.files(), suggester.functions(),
                    built / 1_000_000, builtCpu / 1_000_000, rebuilt / 1_000_000, rebuiltCpu / 1_000_000, queries,
                    queryNanos / 1e6 / Math.max(1, queries), queryCpu / 1e6 / Math.max(1, queries));
            System.out.printf("judged sample of %d: top-1 %d (%.0f%%), top-5 %d (%.0f%%); missed %s%n", scored, top1,
                    100.0 * top1 / scored, top5, 100.0 * top5 / scored, misses);
            suggester.close();
            assertThat(scored).isEqualTo(judged.size());
            assertThat(top5).as("top-5 hits of the judged sample").isGreaterThanOrEqualTo(MIN_TOP5);
        }
    }

    /** The top-5 hits reached when the boosts were tuned (of the sample's 19). */
    static final int MIN_TOP5 = 15;

    static Map<String, Set<String>> judged() throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        try (InputStream in = XenLinkSuggestionSampleTest.class.getResourceAsStream(
                "/suggest/xen-4.22.0-design-judged.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(": ");
                out.put(line.substring(0, colon).strip(), Set.of(line.substring(colon + 2).strip().split("\\s+")));
            }
        }
        return out;
    }
}
