package org.xenfusa.sloc.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.Repository;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.FileRole;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * A configuration's report against a real build and Xen's {@code make cloc} ({@code xen-TAG/ARCH-defconfig/}): the
 * {@code .config}, the SUM and per-language rows of {@code make cloc}, the file list, the per-directory rows of
 * {@code sloc-summary.txt} (depth 1 and 2) and the tracked headers per directory.
 */
public final class ConfigurationReference {
    public static final String USE_CASE = "count SLOC of a configuration (make cloc)";
    private static final Pattern SUMMARY_ROW = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
    private static final Pattern CLOC_ROW = Pattern
            .compile("^(SUM:|C|Assembly|C/C\\+\\+ Header)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
    private static final Pattern SUMMARY_HEAD = Pattern.compile("^## (sources|headers): per directory \\(depth (\\d)");

    private ConfigurationReference() {
    }

    /** The result, the platform's report and its tracked headers' sum, for callers that check more. */
    public record Comparison(ReferenceCase result, ConfigurationReport report, LineFigures trackedHeaders,
            LineFigures generatedHeadersInReference) {
    }

    public static Comparison compare(ReferenceData data, Repository repo, String tag, String arch, String folder)
            throws IOException {
        Path reference = data.file(tag, folder);
        ConfigurationReport report;
        String x;
        try (GitSourceTree tree = GitSourceTree.open(repo, tag)) {
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            report = counter.report(ConfigurationRequest.defconfig(XenArch.of(arch)));
            x = counter.xenFolder();
        }
        List<String> differences = new ArrayList<>();
        String expectedConfig = Files.readString(reference.resolve(".config"));
        if (!report.dotConfig().equals(expectedConfig)) {
            differences.add(".config " + KconfigReference.diff(expectedConfig, report.dotConfig()));
        }
        Map<String, LineFigures> clocRows = clocRows(reference.resolve("make-cloc-output.txt"));
        differ(differences, "make cloc SUM", clocRows.get("SUM:"), report.makeCloc());
        for (LanguageTotals l : report.makeClocLanguages()) {
            differ(differences, "make cloc " + l.language(), clocRows.get(l.language()),
                    new LineFigures(l.files(), l.blank(), l.comment(), l.code()));
        }
        List<String> expectedList = CompiledFilesReference.lines(reference.resolve("sources.txt"));
        if (!CompiledFilesReference.strip(report.compiledFiles(), x).equals(expectedList)) {
            CompiledFilesReference.difference(expectedList, CompiledFilesReference.strip(report.compiledFiles(), x))
                    .forEach(d -> differences.add("file list " + d));
            if (differences.stream().noneMatch(d -> d.startsWith("file list "))) {
                differences.add("file list: same files in another order");
            }
        }
        Map<String, Map<Integer, Map<String, LineFigures>>> summary = summary(reference.resolve("sloc-summary.txt"));
        List<FileFigures> sources = report.files().stream().filter(f -> f.role() == FileRole.SOURCE && f.counted())
                .toList();
        for (int depth : List.of(1, 2)) {
            rows(differences, "sources depth " + depth, summary.getOrDefault("sources", Map.of()).get(depth),
                    group(sources, x, depth));
        }
        Map<String, LineFigures> directoryRows = new TreeMap<>();
        report.directories().forEach(d -> {
            if (d.makeCloc().files() > 0) {
                directoryRows.put(d.directory().substring(x.length()), d.makeCloc());
            }
        });
        rows(differences, "report directories", summary.getOrDefault("sources", Map.of()).get(1), directoryRows);

        // headers: the reference counted the headers the build generates too, which the platform names, not counts
        Set<String> generatedHeaders = Set
                .copyOf(CompiledFilesReference.lines(reference.resolve("headers-generated-untracked.txt")));
        Map<String, LineFigures> expectedHeaders = new TreeMap<>();
        LineFigures generatedTotal = LineFigures.NONE;
        for (String line : Files.readAllLines(reference.resolve("cloc-by-file-headers.csv"))) {
            String[] c = line.split(",");
            if (c.length != 5 || c[1].isEmpty() || !c[2].matches("\\d+")) {
                continue;
            }
            LineFigures f = new LineFigures(1, Long.parseLong(c[2]), Long.parseLong(c[3]), Long.parseLong(c[4]));
            if (generatedHeaders.contains(c[1])) {
                generatedTotal = generatedTotal.plus(f);
            } else {
                expectedHeaders.merge(depthOf(c[1], 1), f, LineFigures::plus);
            }
        }
        List<FileFigures> headers = report.files().stream().filter(f -> f.role() == FileRole.HEADER && f.counted())
                .toList();
        rows(differences, "tracked headers", expectedHeaders, group(headers, x, 1));
        LineFigures headerSum = headers.stream()
                .map(f -> new LineFigures(1, f.count().blank(), f.count().comment(), f.count().code()))
                .reduce(LineFigures.NONE, LineFigures::plus);

        List<ReferenceCase.KnownDeviation> deviations = new ArrayList<>();
        deviations.add(new ReferenceCase.KnownDeviation("generated headers (" + generatedHeaders.size() + ")",
                "the reference build counted the headers it generates (" + generatedTotal.code() + " code lines in "
                        + generatedTotal.files() + " files); no tree holds them, so the platform names them and does"
                        + " not count them: its figure with headers is lower by that much. make cloc totals are not"
                        + " affected (make cloc counts no header)."));
        if (expectedList.contains(CompiledFilesReference.BUILT_IN_32)) {
            deviations.add(CompiledFilesReference.builtIn32());
        }
        LineFigures expectedSum = clocRows.get("SUM:");
        ReferenceCase c = ReferenceCase.of("make-cloc-" + tag + "-" + folder, USE_CASE,
                "the .config, make cloc's SUM and per-language rows, the file list and the per-directory rows of a"
                        + " real build of " + folder + " at " + tag,
                expectedSum == null ? "no SUM row" : "make cloc " + expectedSum.files() + " files, code "
                        + expectedSum.code(),
                "make cloc " + report.makeCloc().files() + " files, code " + report.makeCloc().code(), differences,
                deviations);
        return new Comparison(c, report, headerSum, generatedTotal);
    }

    private static void differ(List<String> differences, String what, LineFigures expected, LineFigures obtained) {
        if (!Objects.equals(expected, obtained)) {
            differences.add(what + ": reference " + expected + ", obtained " + obtained);
        }
    }

    private static void rows(List<String> differences, String what, Map<String, LineFigures> expected,
            Map<String, LineFigures> obtained) {
        Map<String, LineFigures> e = expected == null ? Map.of() : expected;
        Set<String> all = new TreeSet<>(e.keySet());
        all.addAll(obtained.keySet());
        for (String dir : all) {
            differ(differences, what + " " + dir, e.get(dir), obtained.get(dir));
        }
    }

    private static Map<String, LineFigures> group(List<FileFigures> files, String prefix, int depth) {
        Map<String, LineFigures> out = new TreeMap<>();
        for (FileFigures f : files) {
            out.merge(depthOf(f.path().substring(prefix.length()), depth),
                    new LineFigures(1, f.count().blank(), f.count().comment(), f.count().code()), LineFigures::plus);
        }
        return out;
    }

    /** sloc-summary.txt's directory of a file: {@code depth} folders, arch/&lt;arch&gt; counting as one. */
    static String depthOf(String path, int depth) {
        String[] parts = path.split("/");
        int n = depth + (parts[0].equals("arch") ? 1 : 0);
        n = Math.min(n, parts.length - 1);
        return String.join("/", Arrays.copyOf(parts, n));
    }

    private static Map<String, LineFigures> clocRows(Path p) throws IOException {
        Map<String, LineFigures> out = new TreeMap<>();
        for (String line : Files.readAllLines(p)) {
            Matcher m = CLOC_ROW.matcher(line.strip());
            if (m.matches()) {
                out.put(m.group(1), new LineFigures(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return out;
    }

    /** kind (sources/headers) to depth to directory rows. */
    private static Map<String, Map<Integer, Map<String, LineFigures>>> summary(Path p) throws IOException {
        Map<String, Map<Integer, Map<String, LineFigures>>> out = new TreeMap<>();
        String kind = "";
        int depth = 0;
        for (String line : Files.readAllLines(p)) {
            Matcher h = SUMMARY_HEAD.matcher(line);
            if (h.find()) {
                kind = h.group(1);
                depth = Integer.parseInt(h.group(2));
                continue;
            }
            if (line.startsWith("##")) {
                depth = 0;
                continue;
            }
            Matcher m = SUMMARY_ROW.matcher(line.strip());
            if (depth > 0 && m.matches()) {
                out.computeIfAbsent(kind, k -> new TreeMap<>()).computeIfAbsent(depth, k -> new TreeMap<>())
                        .put(m.group(1), new LineFigures(Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)),
                                Long.parseLong(m.group(4)), Long.parseLong(m.group(5))));
            }
        }
        return out;
    }
}
