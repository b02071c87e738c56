package org.xenfusa.sloc.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xenfusa.sloc.count.LanguageTotals;
import org.xenfusa.sloc.reference.XenReference;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.XenArch;

/**
 * Both reference configurations of reference-data/xen-RELEASE-4.22.0 against that tag of a real
 * Xen clone (env XEN_SRC): the .config, make cloc's totals and per-language rows, the file list, and the
 * per-directory rows of sloc-summary.txt for sources and (tracked) headers.
 */
class XenConfigurationReferenceTest {
    private static final Pattern SUMMARY_ROW = Pattern.compile("^(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");
    private static final Pattern CLOC_ROW = Pattern.compile("^(SUM:|C|Assembly|C/C\\+\\+ Header)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)$");

    @ParameterizedTest
    @CsvSource({"x86_64, x86_64-defconfig", "arm64, arm64-defconfig"})
    void figuresEqualMakeClocOfARealBuild(String arch, String folder) throws IOException {
        Path reference = XenReference.file(XenReference.RELEASE, folder);
        try (Repository repo = XenReference.xenRepository();
             SourceTree tree = XenReference.tree(repo, XenReference.RELEASE)) {
            ConfigurationCounter counter = ConfigurationCounter.of(tree);
            ConfigurationRequest request = ConfigurationRequest.defconfig(XenArch.of(arch));
            ConfigurationReport report = counter.report(request);
            ConfigurationReport again = counter.report(request);
            String x = counter.xenFolder();

            assertThat(report.dotConfig()).isEqualTo(Files.readString(reference.resolve(".config")));

            // make cloc: SUM and per language
            Map<String, LineFigures> clocRows = clocRows(reference.resolve("make-cloc-output.txt"));
            assertThat(report.makeCloc()).as("make cloc SUM").isEqualTo(clocRows.get("SUM:"));
            for (LanguageTotals l : report.makeClocLanguages()) {
                assertThat(new LineFigures(l.files(), l.blank(), l.comment(), l.code())).as(l.language()).isEqualTo(clocRows.get(l.language()));
            }
            assertThat(strip(report.compiledFiles(), x)).containsExactlyElementsOf(lines(reference.resolve("sources.txt")));

            // per directory, depth 1 and 2, sources
            Map<String, Map<Integer, Map<String, LineFigures>>> summary = summary(reference.resolve("sloc-summary.txt"));
            List<FileFigures> sources = report.files().stream().filter(f -> f.role() == FileRole.SOURCE && f.counted()).toList();
            for (int depth : List.of(1, 2)) {
                assertThat(group(sources, x, depth, false)).as("sources depth %d", depth).isEqualTo(summary.get("sources").get(depth));
            }
            // depth-1 rows of the report are DirectoryGrouping's: the same as sloc-summary's depth 1
            Map<String, LineFigures> rows = new TreeMap<>();
            report.directories().forEach(d -> {
                if (d.makeCloc().files() > 0) {
                    rows.put(d.directory().substring(x.length()), d.makeCloc());
                }
            });
            assertThat(rows).isEqualTo(summary.get("sources").get(1));

            // headers: the reference counted generated headers too, which are named here but not counted
            Set<String> generatedHeaders = Set.copyOf(lines(reference.resolve("headers-generated-untracked.txt")));
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
            List<FileFigures> headers = report.files().stream().filter(f -> f.role() == FileRole.HEADER && f.counted()).toList();
            Map<String, LineFigures> actualHeaders = group(headers, x, 1, false);
            LineFigures headerSum = headers.stream().map(f -> new LineFigures(1, f.count().blank(), f.count().comment(), f.count().code()))
                    .reduce(LineFigures.NONE, LineFigures::plus);
            Set<String> ourGenerated = report.generated().stream().filter(g -> g.role() == FileRole.HEADER)
                    .map(g -> g.path().substring(x.length())).collect(Collectors.toSet());
            System.out.printf("%s: makeCloc %s; withHeaders %s; activeLines %s; tracked headers %s; reference's generated headers"
                    + " (not counted here) %s, named here %d of %d; undecided %d; warnings %d%n",
                    folder, report.makeCloc(), report.withHeaders(), report.activeLines(), headerSum, generatedTotal,
                    ourGenerated.stream().filter(generatedHeaders::contains).count(), generatedHeaders.size(),
                    report.undecidedConditions(), report.warnings().size());
            report.warnings().forEach(w -> System.out.println("  " + w));
            assertThat(actualHeaders).as("tracked headers per directory").isEqualTo(expectedHeaders);
            assertThat(report.withHeaders()).isEqualTo(report.makeCloc().plus(headerSum));
            assertThat(report.activeLines().code()).isLessThan(report.withHeaders().code());
            assertThat(again.makeCloc()).isEqualTo(report.makeCloc());
            assertThat(again.activeLines()).isEqualTo(report.activeLines());
        }
    }

    private static Map<String, LineFigures> group(List<FileFigures> files, String prefix, int depth, boolean unused) {
        Map<String, LineFigures> out = new TreeMap<>();
        for (FileFigures f : files) {
            out.merge(depthOf(f.path().substring(prefix.length()), depth),
                    new LineFigures(1, f.count().blank(), f.count().comment(), f.count().code()), LineFigures::plus);
        }
        return out;
    }

    /** sloc-summary.txt's directory of a file: {@code depth} folders, arch/&lt;arch&gt; counting as one. */
    private static String depthOf(String path, int depth) {
        String[] parts = path.split("/");
        int n = depth + (parts[0].equals("arch") ? 1 : 0);
        n = Math.min(n, parts.length - 1);
        return String.join("/", java.util.Arrays.copyOf(parts, n));
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
            Matcher h = Pattern.compile("^## (sources|headers): per directory \\(depth (\\d)").matcher(line);
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


    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> strip(List<String> paths, String prefix) {
        List<String> out = new ArrayList<>();
        paths.forEach(p -> out.add(p.startsWith(prefix) ? p.substring(prefix.length()) : p));
        return out;
    }
}
