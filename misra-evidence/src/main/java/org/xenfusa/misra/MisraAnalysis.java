package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.xenfusa.misra.MisraReport.GuidelineRow;
import org.xenfusa.misra.MisraReport.LocationRow;
import org.xenfusa.misra.MisraReport.MatchedFinding;
import org.xenfusa.misra.MisraReport.MisraGateCheck;

/**
 * The one entry point of MISRA C evidence: Xen's records and the imported findings, in one configuration, give the
 * {@link MisraReport} (guideline matrix, per file and folder, release diff, readiness checks).
 */
public final class MisraAnalysis {
    public static final String GATE_CLEAN = "no new violation of a clean guideline";
    public static final String GATE_LIMIT = "violations per accepted guideline within the limit";
    public static final String GATE_SAF = "every SAF comment names a known id";
    public static final String GATE_RECORDS = "Xen's MISRA records and the findings read without problems";

    private static final Comparator<MisraFinding> ORDER = Comparator.comparing(MisraFinding::file)
            .thenComparingInt(MisraFinding::line).thenComparing(MisraFinding::guideline)
            .thenComparing(MisraFinding::tool).thenComparing(MisraFinding::message);

    /** The readiness limits: at most {@code maxViolationsPerGuideline} violations of any accepted guideline. */
    public record Limits(int maxViolationsPerGuideline) {
        public static final Limits STRICT = new Limits(0);

        public Limits {
            if (maxViolationsPerGuideline < 0) {
                throw new IllegalArgumentException("the violation limit cannot be negative: " + maxViolationsPerGuideline);
            }
        }
    }

    private MisraAnalysis() {
    }

    /**
     * Justifies every finding, keeps those the configuration compiles, counts and checks.
     *
     * @param baseline the report of an earlier release in the same configuration, for new and fixed violations
     */
    public static MisraReport analyse(String commit, MisraRecords records, FindingsImport findings, MisraScope scope,
            Limits limits, Optional<MisraReport> baseline) {
        FindingMatcher matcher = new FindingMatcher(records);
        List<MisraFinding> sorted = new ArrayList<>(findings.findings());
        sorted.sort(ORDER);
        List<MatchedFinding> matched = new ArrayList<>(sorted.size());
        for (MisraFinding f : sorted) {
            matched.add(new MatchedFinding(f, matcher.match(f), scope.includes(f.file())));
        }
        Set<GuidelineId> clean = records.clean(scope.arch());
        Map<GuidelineId, int[]> perGuideline = new TreeMap<>();
        records.accepted().forEach(a -> perGuideline.put(a.id(), new int[6]));
        Map<String, int[]> perFile = new TreeMap<>();
        Map<String, int[]> perDirectory = new TreeMap<>();
        int total = 0;
        for (MatchedFinding m : matched) {
            int[] g = perGuideline.computeIfAbsent(m.finding().guideline(), k -> new int[6]);
            int[] f = perFile.computeIfAbsent(m.finding().file(), k -> new int[3]);
            int[] d = perDirectory.computeIfAbsent(m.finding().directory(), k -> new int[3]);
            int col = !m.inScope() ? 2 : m.justification().justified() ? 1 : 0;
            g[col]++;
            f[col]++;
            d[col]++;
            if (col == 0) {
                total++;
            }
            if (col == 1) {
                switch (m.justification().kind()) {
                    case SAF -> g[3]++;
                    case DEVIATION -> g[4]++;
                    case EXCLUDED -> g[5]++;
                    default -> {
                    }
                }
            }
        }
        List<GuidelineRow> rows = new ArrayList<>();
        for (Map.Entry<GuidelineId, int[]> e : perGuideline.entrySet()) {
            int[] n = e.getValue();
            Optional<AcceptedGuideline> a = records.acceptedGuideline(e.getKey());
            rows.add(new GuidelineRow(e.getKey(), a.isPresent(), a.map(AcceptedGuideline::category).orElse(""),
                    clean.contains(e.getKey()), records.monitored().contains(e.getKey()), n[0], n[1], n[2],
                    share(n[0], total), n[3], n[4], n[5]));
        }
        Optional<MisraDiff> diff = baseline.map(b -> MisraDiff.between(b.commit(),
                b.violationList().stream().map(MatchedFinding::finding).toList(),
                matched.stream().filter(MatchedFinding::violation).map(MatchedFinding::finding).toList()));
        MisraReport.RecordCounts counts = new MisraReport.RecordCounts(records.accepted().size(),
                records.deviations().size(), (int) records.safIds().stream().filter(r -> !r.sentinel()).count(),
                records.safComments().size(), clean.size(), records.monitored().size(), records.excludes().size());
        MisraReport report = new MisraReport(commit, scope, rows, locations(perFile, total),
                locations(perDirectory, total), counts, matched, diff, List.of(), findings.sources(),
                findings.notMisra(), records.problems(), findings.problems(), records.danglingComments());
        return report.withGates(gates(report, limits));
    }

    /** The readiness checks, each from the report's own figures. */
    private static List<MisraGateCheck> gates(MisraReport r, Limits limits) {
        List<MisraGateCheck> out = new ArrayList<>();
        Map<GuidelineId, Integer> newOfClean = r.newCleanViolationsPerGuideline();
        out.add(new MisraGateCheck(GATE_CLEAN, newOfClean.isEmpty(), (newOfClean.isEmpty() ? "none"
                : newOfClean.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                        .collect(Collectors.joining(", ")))
                + (r.diff().isPresent() ? " (against " + shortCommit(r.diff().get().baseCommit()) + ")"
                        : " (no baseline: every violation is new)")));
        List<String> over = r.guidelines().stream()
                .filter(g -> g.accepted() && g.violations() > limits.maxViolationsPerGuideline())
                .map(g -> g.id() + ": " + g.violations()).toList();
        out.add(new MisraGateCheck(GATE_LIMIT, r.maxAcceptedViolations() <= limits.maxViolationsPerGuideline(),
                (over.isEmpty() ? "none" : String.join(", ", over)) + " above " + limits.maxViolationsPerGuideline()));
        Set<String> danglingIds = new TreeSet<>();
        r.danglingComments().forEach(c -> danglingIds.add(c.id() + " at " + c.file() + ":" + c.line()));
        out.add(new MisraGateCheck(GATE_SAF, danglingIds.isEmpty(), danglingIds.isEmpty() ? "every id is in safe.json"
                + " or false-positive-*.json" : "dangling: " + String.join(", ", danglingIds)));
        List<MisraProblem> problems = r.problems();
        out.add(new MisraGateCheck(GATE_RECORDS, problems.isEmpty(), problems.isEmpty() ? "none"
                : problems.size() + " problem(s), first: " + problems.get(0)));
        return out;
    }

    private static String shortCommit(String c) {
        return c.length() > 12 ? c.substring(0, 12) : c.isEmpty() ? "(folder)" : c;
    }

    private static double share(int n, int total) {
        return total == 0 ? 0.0 : (double) n / total;
    }

    private static List<LocationRow> locations(Map<String, int[]> per, int total) {
        List<LocationRow> out = new ArrayList<>(per.size());
        per.forEach((p, n) -> out.add(new LocationRow(p, n[0], n[1], n[2], share(n[0], total))));
        return out;
    }

    /** The paths of a tree's files, for placing findings ({@link FindingsImporter}). */
    public static Set<String> paths(org.xenfusa.sloc.tree.SourceTree tree) {
        return tree.files().stream().map(org.xenfusa.sloc.tree.SourceFile::path)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }

}
