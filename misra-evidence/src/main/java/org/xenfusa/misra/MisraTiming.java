package org.xenfusa.misra;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark of {@code fusa bench misra}: a synthetic set of findings over a synthetic tree (2,000 files, one SAF
 * comment per 10 files, an exclude list and deviations), written in each input format, then imported and matched in a
 * configuration of half the files. Figures are medians of warm runs; this is a program, not a timed test.
 */
public final class MisraTiming {
    public static final int FILES = 2_000;
    private static final List<String> IDS = List.of("15.6", "8.4", "20.7", "10.1", "11.8", "5.3", "2.1", "16.3");

    /** Median seconds of each phase and the report's counts. */
    public record Figures(String format, int findings, double importSeconds, double analyseSeconds, int violations,
            int justified, int outside) {
        public double totalSeconds() {
            return importSeconds + analyseSeconds;
        }
    }

    private MisraTiming() {
    }

    static String file(int i) {
        return "xen/" + (i % 2 == 0 ? "common" : "arch/x86") + "/d" + (i % 40) + "/f" + i + ".c";
    }

    /** Records of the synthetic tree: every guideline accepted, SAF-0-safe on line 10 of every tenth file. */
    public static MisraRecords records() {
        List<AcceptedGuideline> accepted = new ArrayList<>();
        for (String id : IDS) {
            accepted.add(new AcceptedGuideline(GuidelineId.parse("Rule " + id).orElseThrow(), "Required", "", "", 1));
        }
        List<SafComment> comments = new ArrayList<>();
        for (int i = 0; i < FILES; i += 10) {
            comments.add(new SafComment(file(i), 9, "SAF-0-safe", false));
        }
        List<SafRecord> saf = List.of(new SafRecord("SAF-0-safe", Map.of("cppcheck", "misra-c2012-15.6", "eclair",
                "MC3A2.R15.6"), "Rule 15.6", "", "docs/misra/safe.json", 3));
        List<DeviationRecord> deviations = List.of(new DeviationRecord("R20.7", List.of(GuidelineId.parse("R20.7").orElseThrow()),
                "Project-wide deviation", "", 10, List.of(), true));
        List<ExcludeEntry> excludes = List.of(new ExcludeEntry("common/d6/*.c", "imported", List.of(), 3));
        return new MisraRecords(accepted, deviations, saf, comments, excludes, Set.of(), Map.of(), Set.of(),
                List.of());
    }

    public static Set<String> treeFiles() {
        Set<String> files = new HashSet<>();
        for (int i = 0; i < FILES; i++) {
            files.add(file(i));
        }
        return files;
    }

    /** {@code n} findings as a cppcheck XML report, a SARIF log and a xen-analysis.py text report. */
    public static Map<String, byte[]> inputs(int n) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<results version=\"2\">\n"
                + "<cppcheck version=\"2.13.0\"/>\n<errors>\n");
        StringBuilder sarif = new StringBuilder("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": "
                + "{\"name\": \"cppcheck\", \"version\": \"2.13.0\"}}, \"results\": [\n");
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < n; k++) {
            String file = file(k % FILES);
            int line = 10 + (k / FILES) % 50;
            String id = IDS.get(k % IDS.size());
            xml.append("<error id=\"misra-c2012-").append(id).append("\" severity=\"style\" msg=\"finding ").append(k)
                    .append("\"><location file=\"").append(file).append("\" line=\"").append(line)
                    .append("\" column=\"1\"/></error>\n");
            sarif.append(k == 0 ? "" : ",\n").append("{\"ruleId\": \"misra-c2012-").append(id)
                    .append("\", \"message\": {\"text\": \"finding ").append(k).append("\"}, \"locations\": [")
                    .append("{\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"").append(file)
                    .append("\"}, \"region\": {\"startLine\": ").append(line).append("}}}]}");
            text.append(file).append('(').append(line).append(",1):misra-c2012-").append(id).append(":style:finding ")
                    .append(k).append('\n');
        }
        xml.append("</errors>\n</results>\n");
        sarif.append("]}]}\n");
        return Map.of("cppcheck-xml", xml.toString().getBytes(StandardCharsets.UTF_8), "sarif",
                sarif.toString().getBytes(StandardCharsets.UTF_8), "xen-analysis-text",
                text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Imports {@code input} and analyses it, {@code warmups} times unmeasured then {@code runs} times. */
    public static Figures measure(String format, byte[] input, int warmups, int runs) {
        MisraRecords records = records();
        Set<String> files = treeFiles();
        List<String> half = files.stream().filter(f -> f.startsWith("xen/common/")).toList();
        MisraScope scope = MisraScope.ofFiles("half", "x86_64", half);
        double[] imports = new double[runs];
        double[] analyses = new double[runs];
        MisraReport last = null;
        int count = 0;
        for (int r = -warmups; r < runs; r++) {
            long t0 = System.nanoTime();
            FindingsImport imported = new FindingsImporter(files).read(format, input);
            long t1 = System.nanoTime();
            last = MisraAnalysis.analyse("", records, imported, scope, MisraAnalysis.Limits.STRICT, Optional.empty());
            long t2 = System.nanoTime();
            count = imported.findings().size();
            if (r >= 0) {
                imports[r] = (t1 - t0) / 1e9;
                analyses[r] = (t2 - t1) / 1e9;
            }
        }
        return new Figures(format, count, median(imports), median(analyses), last.violations(), last.justified(),
                last.outside());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? 0 : s[s.length / 2];
    }
}
