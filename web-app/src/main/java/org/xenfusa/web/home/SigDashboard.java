package org.xenfusa.web.home;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.report.ReleaseOrder;
import org.xenfusa.web.analysis.AnalysisFigures;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResults.View;

/**
 * What the dashboard shows of one release, arranged from stored results only: the slide table, effort, readiness,
 * trace, trends and the changes since the previous release. It computes no figure: it places and subtracts stored
 * ones.
 */
public record SigDashboard(Snapshot snapshot, Optional<Snapshot> previous, List<SavedConfiguration> configurations,
        Map<Long, Map<AnalysisKind, View>> results, Map<Long, Map<AnalysisKind, View>> previousResults) {

    public View result(SavedConfiguration c, AnalysisKind kind) {
        return results.getOrDefault(c.getId(), Map.of()).get(kind);
    }

    public View sloc(SavedConfiguration c) {
        return result(c, AnalysisKind.SLOC);
    }

    public View trace(SavedConfiguration c) {
        return result(c, AnalysisKind.TRACE);
    }

    public View readiness(SavedConfiguration c) {
        return result(c, AnalysisKind.READINESS);
    }

    public View coverage(SavedConfiguration c) {
        return result(c, AnalysisKind.COVERAGE);
    }

    public View misra(SavedConfiguration c) {
        return result(c, AnalysisKind.MISRA);
    }

    /** Results still queued or running. */
    public long pending() {
        return results.values().stream().flatMap(m -> m.values().stream()).filter(View::pending).count();
    }

    public long failed() {
        return results.values().stream().flatMap(m -> m.values().stream()).filter(View::failed).count();
    }

    /** One row of the slide table: a directory and its three figures per configuration (empty where not computed). */
    public record Row(String directory, List<Optional<DirectoryFigures>> cells) {
    }

    /** Every directory any configuration compiles code in, by name, with its figures per configuration. */
    public List<Row> rows() {
        TreeSet<String> directories = new TreeSet<>();
        for (SavedConfiguration c : configurations) {
            View v = sloc(c);
            if (v != null && v.done()) {
                v.sloc().directories().forEach(d -> directories.add(d.directory()));
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String dir : directories) {
            List<Optional<DirectoryFigures>> cells = new ArrayList<>();
            for (SavedConfiguration c : configurations) {
                View v = sloc(c);
                cells.add(v == null || !v.done() ? Optional.empty()
                        : Optional.of(v.sloc().directories().stream().filter(d -> d.directory().equals(dir)).findFirst()
                                .orElse(new DirectoryFigures(dir, LineFigures.NONE, LineFigures.NONE, LineFigures.NONE))));
            }
            rows.add(new Row(dir, cells));
        }
        return rows;
    }

    /** The effort levels in the model's order (from the first stored SLOC result), {@code DAL_A} first. */
    public List<AnalysisFigures.Effort> levels() {
        for (SavedConfiguration c : configurations) {
            View v = sloc(c);
            if (v != null && v.done()) {
                return v.sloc().effort();
            }
        }
        return List.of();
    }

    /** A configuration's effort at a level, when its SLOC result is stored. */
    public Optional<AnalysisFigures.Effort> effort(SavedConfiguration c, String level) {
        View v = sloc(c);
        return v == null || !v.done() ? Optional.empty() : v.sloc().effortAt(level);
    }

    /** The verdict labels trace results count, in the vocabulary's order. */
    public List<String> verdicts() {
        return org.xenfusa.web.analysis.AnalysisComputer.verdictLabels();
    }

    /** One configuration's change since the previous release, from the two releases' stored results. */
    public record Change(SavedConfiguration configuration, Long makeClocBefore, Long makeClocAfter,
            Map<String, Long> directories, Long coveredBefore, Long coveredAfter, Long untracedBefore,
            Long untracedAfter, Boolean readyBefore, Boolean readyAfter) {
        public Long makeClocDelta() {
            return makeClocBefore == null || makeClocAfter == null ? null : makeClocAfter - makeClocBefore;
        }

        public Long coveredDelta() {
            return coveredBefore == null || coveredAfter == null ? null : coveredAfter - coveredBefore;
        }

        public Long untracedDelta() {
            return untracedBefore == null || untracedAfter == null ? null : untracedAfter - untracedBefore;
        }

        /** Whether both releases' results needed for this change are stored. */
        public boolean complete() {
            return makeClocDelta() != null;
        }
    }

    /** The changes per configuration since the previous release; empty when there is no previous release. */
    public List<Change> changes() {
        if (previous.isEmpty()) {
            return List.of();
        }
        List<Change> out = new ArrayList<>();
        for (SavedConfiguration c : configurations) {
            Map<AnalysisKind, View> before = previousResults.getOrDefault(c.getId(), Map.of());
            Map<AnalysisKind, View> after = results.getOrDefault(c.getId(), Map.of());
            AnalysisFigures.Sloc sb = figures(before, AnalysisKind.SLOC, AnalysisFigures.Sloc.class);
            AnalysisFigures.Sloc sa = figures(after, AnalysisKind.SLOC, AnalysisFigures.Sloc.class);
            Map<String, Long> dirs = new LinkedHashMap<>();
            if (sb != null && sa != null) {
                TreeSet<String> names = new TreeSet<>();
                sb.directories().forEach(d -> names.add(d.directory()));
                sa.directories().forEach(d -> names.add(d.directory()));
                for (String n : names) {
                    long delta = code(sa, n) - code(sb, n);
                    if (delta != 0) {
                        dirs.put(n, delta);
                    }
                }
            }
            AnalysisFigures.Trace tb = figures(before, AnalysisKind.TRACE, AnalysisFigures.Trace.class);
            AnalysisFigures.Trace ta = figures(after, AnalysisKind.TRACE, AnalysisFigures.Trace.class);
            AnalysisFigures.Readiness rb = figures(before, AnalysisKind.READINESS, AnalysisFigures.Readiness.class);
            AnalysisFigures.Readiness ra = figures(after, AnalysisKind.READINESS, AnalysisFigures.Readiness.class);
            out.add(new Change(c, sb == null ? null : sb.makeCloc().code(), sa == null ? null : sa.makeCloc().code(),
                    dirs, tb == null ? null : tb.count("covered"), ta == null ? null : ta.count("covered"),
                    tb == null ? null : (long) tb.untracedCode(), ta == null ? null : (long) ta.untracedCode(),
                    rb == null ? null : rb.ready(), ra == null ? null : ra.ready()));
        }
        return out;
    }

    private static long code(AnalysisFigures.Sloc s, String directory) {
        return s.directories().stream().filter(d -> d.directory().equals(directory)).mapToLong(d -> d.makeCloc().code())
                .sum();
    }

    private static <T> T figures(Map<AnalysisKind, View> views, AnalysisKind kind, Class<T> type) {
        View v = views.get(kind);
        return v == null || !v.done() ? null : type.cast(v.figures());
    }

    /** One release on the trend charts: per configuration its stored figures (null where not stored). */
    public record TrendPoint(String ref, Map<String, Long> makeCloc, Map<String, Double> dalAHours,
            Map<String, Long> covered, Map<String, Long> requirements, Map<String, Long> gatesPassed,
            Map<String, Boolean> ready) {
    }

    /** The trend of stored results across a repository's releases, oldest first (release order). */
    public static List<TrendPoint> trend(List<Snapshot> releases, List<SavedConfiguration> configurations,
            List<View> stored) {
        Map<Long, String> names = new LinkedHashMap<>();
        configurations.forEach(c -> names.put(c.getId(), c.getName()));
        List<TrendPoint> points = new ArrayList<>();
        List<Snapshot> ordered = releases.stream()
                .sorted((a, b) -> ReleaseOrder.INSTANCE.compare(a.getRefName(), b.getRefName())).toList();
        // each release's results in the order of the configurations: the stored ones come in the order of a
        // Map.copyOf, which changes from one JVM to the next, and each point's figures are written in this order
        Map<Long, Integer> position = new java.util.HashMap<>();
        names.keySet().forEach(id -> position.put(id, position.size()));
        Map<Long, List<View>> bySnapshot = new java.util.HashMap<>();
        stored.stream().sorted(java.util.Comparator.comparingInt((View v) -> position.getOrDefault(
                v.configurationId(), Integer.MAX_VALUE)).thenComparing(View::kind))
                .forEach(v -> bySnapshot.computeIfAbsent(v.snapshotId(), k -> new ArrayList<>()).add(v));
        for (Snapshot s : ordered) {
            Map<String, Long> sloc = new LinkedHashMap<>();
            Map<String, Double> effort = new LinkedHashMap<>();
            Map<String, Long> covered = new LinkedHashMap<>();
            Map<String, Long> requirements = new LinkedHashMap<>();
            Map<String, Long> gates = new LinkedHashMap<>();
            Map<String, Boolean> ready = new LinkedHashMap<>();
            for (View v : bySnapshot.getOrDefault(s.getId(), List.of())) {
                if (!names.containsKey(v.configurationId()) || !v.done()) {
                    continue;
                }
                String name = names.get(v.configurationId());
                switch (v.kind()) {
                    case SLOC -> {
                        sloc.put(name, v.sloc().makeCloc().code());
                        v.sloc().effortAt("DAL_A").ifPresent(e -> effort.put(name, (double) Math.round(e.hours())));
                    }
                    case TRACE -> {
                        covered.put(name, v.trace().count("covered"));
                        requirements.put(name, (long) v.trace().requirements());
                    }
                    case READINESS -> {
                        gates.put(name, v.readiness().passed());
                        ready.put(name, v.readiness().ready());
                    }
                    case COVERAGE, MISRA -> {
                        // not plotted across releases: data and findings are imported for the releases that have them
                    }
                }
            }
            points.add(new TrendPoint(s.getRefName(), sloc, effort, covered, requirements, gates, ready));
        }
        return points;
    }
}
