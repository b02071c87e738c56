package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.GeneratedFile;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.kbuild.LineActivity;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Active lines against gcc: {@code xen-TAG/active-lines/NAME/} holds, per configuration built with gcc 12, the lines
 * of every file no compile command kept ({@code inactive.txt}, made by {@code tools/active-lines-oracle}). The report
 * of the recorded {@code .config} must give every file the same active code lines as those ranges, except the known
 * deviations (files with a stated cause, at most two per configuration), and the same total to 0.01%.
 */
public final class ActiveLinesReference {
    public static final String USE_CASE = "count active lines of a configuration";

    private ActiveLinesReference() {
    }

    /** The result, the report and both totals, for callers that check more. */
    public record Comparison(ReferenceCase result, ConfigurationReport report, Map<String, String> fileDifferences,
            long platformTotal, long gccTotal) {
    }

    /**
     * @param known files whose difference has a stated cause (path to the analysis), at most two
     */
    public static Comparison compare(ReferenceData data, Repository repo, String tag, String arch, String name,
            Map<String, String> known) throws IOException {
        if (known.size() > 2) {
            throw new IllegalArgumentException("at most two known differences per configuration, not " + known.size());
        }
        Path reference = data.file(tag, "active-lines/" + name);
        String dotConfig = Files.readString(reference.resolve("config"));
        Map<String, List<LineActivity.LineRange>> gcc = inactiveRanges(reference.resolve("inactive.txt"));
        Set<String> generated = Set.copyOf(lines(reference.resolve("generated.txt")));
        List<String> differences = new ArrayList<>();
        Map<String, String> fileDifferences = new TreeMap<>();
        ConfigurationReport report;
        long platformTotal = 0;
        long gccTotal = 0;
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            XenArch a = XenArch.of(arch);
            report = ConfigurationCounter.of(tree).report(new ConfigurationRequest(a,
                    new StartingPoint.ExistingConfig(name, dotConfig), List.of(),
                    ToolchainProfile.defaultFor(a.targetArch())));
            if (!report.dotConfig().equals(dotConfig)) {
                differences.add("olddefconfig changed the recorded .config: "
                        + KconfigReference.diff(dotConfig, report.dotConfig()));
            }
            // a source the build links in (arch/x86/efi/boot.c -> common/efi/boot.c) is the linked file for gcc
            Map<String, String> copies = new TreeMap<>();
            report.generated().stream().filter(g -> g.kind() == GeneratedFile.Kind.COPY)
                    .forEach(g -> copies.put(g.path(), g.from()));
            ClocCounter cloc = new ClocCounter();
            Set<String> compared = new HashSet<>();
            for (FileFigures f : report.files()) {
                String tracked = copies.getOrDefault(f.path(), f.path());
                if (generated.contains(tracked) || (f.generated() && !copies.containsKey(f.path()))) {
                    continue; // no markers in what the build made
                }
                compared.add(tracked);
                List<LineActivity.LineRange> ranges = gcc.get(tracked);
                if (ranges == null) {
                    fileDifferences.put(f.path(), "read by the platform, by no compile command");
                    continue;
                }
                byte[] bytes = tree.read(tracked).orElseThrow();
                LineActivity byGcc = new LineActivity(f.path(), lineCount(bytes), ranges);
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
                    fileDifferences.put(f.path(), "active code " + platformCode + ", gcc " + gccCode
                            + "; inactive only here " + onlyMine + ", only for gcc " + onlyGcc);
                }
            }
            // asm-offsets.c is compiled (-S) for the offsets header, and make cloc never counts it
            Set<String> uncounted = Set.copyOf(lines(reference.resolve("units.txt")).stream()
                    .filter(u -> u.endsWith(" asm-offsets")).map(u -> u.substring(0, u.indexOf(' '))).toList());
            for (String path : gcc.keySet()) {
                if (!compared.contains(path) && !uncounted.contains(path) && isCounted(path)) {
                    fileDifferences.put(path, "entered by gcc, not read by the platform");
                }
            }
        }
        List<ReferenceCase.KnownDeviation> deviations = new ArrayList<>();
        fileDifferences.forEach((path, d) -> {
            if (known.containsKey(path)) {
                deviations.add(new ReferenceCase.KnownDeviation(path, known.get(path) + " (" + d + ")"));
            } else {
                differences.add(path + ": " + d);
            }
        });
        known.keySet().stream().filter(p -> !fileDifferences.containsKey(p))
                .forEach(p -> differences.add(p + ": stated as a known difference, but equal to gcc's"));
        if (Math.abs(platformTotal - gccTotal) * 10_000L > gccTotal) {
            differences.add("total " + platformTotal + " against gcc " + gccTotal + ": beyond 0.01%");
        }
        // the figure pages and documents show is the sum of these per-file figures
        long shown = report.files().stream().filter(f -> f.counted() && f.duplicateOf().isEmpty())
                .mapToLong(f -> f.active().code()).sum();
        if (report.activeLines().code() != shown) {
            differences.add("the report's active lines " + report.activeLines().code() + " are not the sum of its"
                    + " files' " + shown);
        }
        ReferenceCase c = ReferenceCase.of("active-lines-" + tag + "-" + name, USE_CASE,
                "active code lines of every file of " + name + " at " + tag + " against what gcc -E of a real build"
                        + " kept (total within 0.01%)",
                "gcc " + gccTotal + " active code lines", platformTotal + " active code lines, "
                        + fileDifferences.size() + " files differ",
                differences, deviations);
        return new Comparison(c, report, fileDifferences, platformTotal, gccTotal);
    }

    /** The make cloc sources and headers of a report: C, assembly and headers (not linker scripts). */
    private static boolean isCounted(String path) {
        return path.endsWith(".c") || path.endsWith(".S") || path.endsWith(".h");
    }

    static Map<String, List<LineActivity.LineRange>> inactiveRanges(Path file) throws IOException {
        Map<String, List<LineActivity.LineRange>> out = new TreeMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalStateException(file + " line " + n + ": not 'path<TAB>ranges': " + line);
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
        return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                .toList();
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

    /** The configurations recorded under {@code xen-TAG/active-lines/}, with the architecture each was built for. */
    public static String archOf(ReferenceData data, String tag, String name) throws IOException {
        String config = Files.readString(data.file(tag, "active-lines/" + name + "/config"));
        if (config.contains("\nCONFIG_X86_64=y")) {
            return "x86_64";
        }
        if (config.contains("\nCONFIG_ARM_64=y")) {
            return "arm64";
        }
        throw new IllegalStateException(data.file(tag, "active-lines/" + name + "/config")
                + ": neither CONFIG_X86_64=y nor CONFIG_ARM_64=y");
    }
}
