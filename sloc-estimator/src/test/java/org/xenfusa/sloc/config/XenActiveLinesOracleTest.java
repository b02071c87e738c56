package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Active lines against gcc (env XEN_SRC): {@code reference-data/xen-TAG/active-lines/NAME/} holds, per
 * configuration built with gcc 12, the lines of every file no compile command kept ({@code inactive.txt}, made by
 * {@code tools/active-lines-oracle}, which re-runs each compile command of the build with {@code -E} on a copy of
 * the tree marked at every conditional group). The report of the recorded {@code .config} must give every file
 * the same active code lines as those ranges, except the files named in {@link #KNOWN} with their cause, and the
 * same total to 0.01%.
 */
// [utest->err~active-line-wrong~1]
class XenActiveLinesOracleTest {
    /** Files whose difference has a stated cause the platform cannot remove (at most two per configuration). */
    static final Map<String, Map<String, String>> KNOWN = Map.of();

    @ParameterizedTest
    @CsvSource({"RELEASE-4.22.0, x86_64, x86_64-defconfig", "RELEASE-4.22.0, arm64, arm64-defconfig",
        "RELEASE-4.22.0, x86_64, x86_64-no-hvm", "RELEASE-4.22.0, arm64, arm64-rcar3", "RELEASE-4.21.0, x86_64, x86_64-defconfig"})
    void activeLinesEqualWhatGccKeeps(String tag, String arch, String name) throws IOException {
        Path reference = XenReference.file(tag, "active-lines/" + name);
        String dotConfig = Files.readString(reference.resolve("config"));
        Map<String, List<LineActivity.LineRange>> gcc = inactiveRanges(reference.resolve("inactive.txt"));
        Set<String> generated = Set.copyOf(lines(reference.resolve("generated.txt")));
        try (Repository repo = XenReference.xenRepository();
             SourceTree tree = XenReference.tree(repo, tag)) {
            XenArch a = XenArch.of(arch);
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            ConfigurationReport report = counter.report(new ConfigurationRequest(a,
                    new StartingPoint.ExistingConfig(name, dotConfig), List.of(), ToolchainProfile.defaultFor(a.targetArch())));
            assertThat(report.dotConfig()).as("olddefconfig keeps the recorded .config").isEqualTo(dotConfig);

            // a source the build links in (arch/x86/efi/boot.c -> common/efi/boot.c) is the linked file for gcc
            Map<String, String> copies = new TreeMap<>();
            report.generated().stream().filter(g -> g.kind() == GeneratedFile.Kind.COPY).forEach(g -> copies.put(g.path(), g.from()));
            ClocCounter cloc = new ClocCounter();
            Map<String, String> differences = new TreeMap<>();
            Set<String> compared = new java.util.HashSet<>();
            long platformTotal = 0;
            long gccTotal = 0;
            for (FileFigures f : report.files()) {
                String tracked = copies.getOrDefault(f.path(), f.path());
                if (generated.contains(tracked) || (f.generated() && !copies.containsKey(f.path()))) {
                    continue; // no markers in what the build made
                }
                compared.add(tracked);
                List<LineActivity.LineRange> ranges = gcc.get(tracked);
                if (ranges == null) {
                    differences.put(f.path(), "read by the platform, by no compile command");
                    continue;
                }
                byte[] bytes = tree.read(tracked).orElseThrow();
                int lineCount = lineCount(bytes);
                LineActivity byGcc = new LineActivity(f.path(), lineCount, ranges);
                int gccCode = cloc.count(f.path(), ConfigurationCounter.withoutInactiveLines(bytes, byGcc)).code();
                int platformCode = f.active().code();
                if (f.duplicateOf().isEmpty() && f.counted()) {
                    platformTotal += platformCode;
                    gccTotal += gccCode;
                }
                if (gccCode != platformCode) {
                    BitSet mine = report.activity(f.path()).map(LineActivity::inactiveLines).orElseGet(BitSet::new);
                    BitSet theirs = byGcc.inactiveLines();
                    BitSet onlyMine = (BitSet) mine.clone();
                    onlyMine.andNot(theirs);
                    BitSet onlyGcc = (BitSet) theirs.clone();
                    onlyGcc.andNot(mine);
                    differences.put(f.path(), "active code " + platformCode + ", gcc " + gccCode + "; inactive only here "
                            + onlyMine + ", only for gcc " + onlyGcc);
                }
            }
            // asm-offsets.c is compiled (-S) for the offsets header, and make cloc never counts it
            Set<String> uncounted = Set.copyOf(lines(reference.resolve("units.txt")).stream()
                    .filter(u -> u.endsWith(" asm-offsets")).map(u -> u.substring(0, u.indexOf(' '))).toList());
            for (String path : gcc.keySet()) {
                if (!compared.contains(path) && !uncounted.contains(path) && isCounted(path)) {
                    differences.put(path, "entered by gcc, not read by the platform");
                }
            }
            System.out.printf(tag + " %s: %d files, active code lines %d, gcc %d (%+d, %.4f%%); %d files differ:%n", name,
                    report.files().size(), platformTotal, gccTotal, platformTotal - gccTotal,
                    100.0 * (platformTotal - gccTotal) / gccTotal, differences.size());
            differences.forEach((p, d) -> System.out.println("  " + p + ": " + d));

            Map<String, String> known = KNOWN.getOrDefault(name, Map.of());
            assertThat(known.size()).as("at most two known differences").isLessThanOrEqualTo(2);
            assertThat(differences.keySet()).as("files whose active code differs from gcc's (known: %s)", known)
                    .containsExactlyInAnyOrderElementsOf(known.keySet());
            assertThat(Math.abs(platformTotal - gccTotal) * 10_000L).as("total within 0.01%%: %d against gcc %d",
                    platformTotal, gccTotal).isLessThanOrEqualTo(gccTotal);
            // the figure pages and documents show is the sum of these per-file figures (plus the generated files')
            long shown = report.files().stream().filter(f -> f.counted() && f.duplicateOf().isEmpty())
                    .mapToLong(f -> f.active().code()).sum();
            assertThat(report.activeLines().code()).as("the report's active lines are the sum of its files'").isEqualTo(shown);
        }
    }

    /** The make cloc sources and headers of a report: C, assembly and headers (not linker scripts). */
    private static boolean isCounted(String path) {
        return path.endsWith(".c") || path.endsWith(".S") || path.endsWith(".h");
    }

    static Map<String, List<LineActivity.LineRange>> inactiveRanges(Path file) throws IOException {
        Map<String, List<LineActivity.LineRange>> out = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalStateException(file + ": not 'path<TAB>ranges': " + line);
            }
            List<LineActivity.LineRange> ranges = new ArrayList<>();
            if (!parts[1].equals("-")) {
                for (String r : parts[1].split(",")) {
                    String[] ends = r.split("-");
                    ranges.add(new LineActivity.LineRange(Integer.parseInt(ends[0]), Integer.parseInt(ends[1])));
                }
            }
            out.put(parts[0], ranges);
        }
        return out;
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }

    private static int lineCount(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                n++;
            }
        }
        return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? n + 1 : n;
    }
}
