package org.xenfusa.trace.impact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xenfusa.sloc.config.ConfigurationDiff;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.function.SourceFunction;
import org.xenfusa.trace.link.CodeLink;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.suspect.SuspectLink;
import org.xenfusa.trace.suspect.SuspectLinkAnalysis;
import org.xenfusa.trace.suspect.SuspectReason;

/**
 * The change impact between two snapshots of one repository in one configuration.
 * <ul>
 * <li>Functions: those of the compiled files ({@link FunctionIndex}, each side's compiled-file list). A file compiled on
 * both sides with the same blob id has no change; otherwise functions are matched by file and name (same-named
 * functions, the two branches of an {@code #if}, in file order) and a function whose content hash differs changed. A
 * function of a file only one side compiles is added or removed, as is a function only one side defines.</li>
 * <li>Suspect links: {@link SuspectLinkAnalysis} on the links of compiled files.</li>
 * <li>Requirements to review again: those a link names whose function changed or was removed (the suspect reasons
 * {@link SuspectReason#FUNCTION_CHANGED} and {@link SuspectReason#FUNCTION_REMOVED}), or that a coverage tag inside a
 * changed or removed function covers; and, transitively, the requirements they cover (their parents).</li>
 * <li>Tests to run again: the test links of those requirements.</li>
 * <li>SLOC: {@link ConfigurationDiff} of the two configuration reports; effort: {@link EffortModel#delta}.</li>
 * </ul>
 */
// [impl->dsn~change-impact~1]
public final class ChangeImpact {
    private ChangeImpact() {
    }

    /**
     * One snapshot in the configuration.
     *
     * @param ref           its name (tag, branch or commit)
     * @param functions     the function index of its tree
     * @param compiledFiles the files it compiles (make cloc's list)
     * @param items         its specification items and coverage tags
     * @param report        its configuration report, for the SLOC and effort deltas (empty: none computed)
     */
    public record Side(String ref, FunctionIndex functions, Collection<String> compiledFiles,
            List<SpecificationItem> items, Optional<ConfigurationReport> report) {
        public Side {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(functions, "functions");
            compiledFiles = List.copyOf(new TreeSet<>(compiledFiles));
            items = List.copyOf(items);
            Objects.requireNonNull(report, "report");
        }

        /** A side whose compiled files are those of its configuration report. */
        public static Side of(String ref, FunctionIndex functions, ConfigurationReport report,
                List<SpecificationItem> items) {
            return new Side(ref, functions, report.compiledFiles(), items, Optional.of(report));
        }
    }

    public static ImpactReport compare(String configuration, Side from, Side to, List<CodeLink> links,
            List<TestLink> tests, Optional<EffortModel> effort) {
        Set<String> compiledFrom = new HashSet<>(from.compiledFiles());
        Set<String> compiledTo = new HashSet<>(to.compiledFiles());
        Set<String> paths = new TreeSet<>(compiledFrom);
        paths.addAll(compiledTo);

        List<FunctionChange> changes = new ArrayList<>();
        List<String> changedFiles = new ArrayList<>();
        for (String path : paths) {
            boolean inFrom = compiledFrom.contains(path);
            boolean inTo = compiledTo.contains(path);
            Optional<String> blobFrom = inFrom ? from.functions().tree().file(path).map(SourceFile::blobId) : Optional.empty();
            Optional<String> blobTo = inTo ? to.functions().tree().file(path).map(SourceFile::blobId) : Optional.empty();
            if (inFrom && inTo && blobFrom.equals(blobTo)) {
                continue;
            }
            changedFiles.add(path);
            List<SourceFunction> before = inFrom ? from.functions().functions(path) : List.of();
            List<SourceFunction> after = inTo ? to.functions().functions(path) : List.of();
            changes.addAll(fileChanges(path, before, after));
        }
        changes.sort(Comparator.comparing(FunctionChange::path)
                .thenComparingInt(c -> c.after().or(c::before).orElseThrow().startLine()));

        List<SuspectLink> suspects = SuspectLinkAnalysis.compare(
                links.stream().filter(l -> paths.contains(l.path())).toList(),
                new SuspectLinkAnalysis.Snapshot(from.functions(), from.items()),
                new SuspectLinkAnalysis.Snapshot(to.functions(), to.items()));

        List<RequirementImpact> requirements = requirements(from, to, changes, suspects, compiledFrom, compiledTo);
        Map<String, List<String>> byName = new HashMap<>();
        requirements.forEach(r -> byName.computeIfAbsent(name(r.id()), k -> new ArrayList<>()).add(r.id().toString()));
        List<TestImpact> rerun = new ArrayList<>();
        for (TestLink t : tests) {
            List<String> reqs = byName.get(name(t.requirement()));
            if (reqs != null) {
                rerun.add(new TestImpact(t, reqs));
            }
        }

        Optional<ConfigurationDiff> sloc = Optional.empty();
        Map<org.xenfusa.sloc.effort.DesignAssuranceLevel, org.xenfusa.sloc.effort.EffortEstimate> effortDelta = Map.of();
        if (from.report().isPresent() && to.report().isPresent()) {
            sloc = Optional.of(ConfigurationDiff.between(from.report().get(), to.report().get()));
            if (effort.isPresent()) {
                effortDelta = effort.get().delta(from.report().get(), to.report().get());
            }
        }
        return new ImpactReport(from.ref(), to.ref(), configuration, compiledFrom.size(), compiledTo.size(), changedFiles,
                changes, areas(changes, false), areas(changes, true), suspects, requirements, rerun, sloc,
                effort.filter(e -> from.report().isPresent() && to.report().isPresent()).map(EffortModel::name),
                effortDelta);
    }

    /** Same-named functions are paired in file order; what is left over on one side was added or removed. */
    static List<FunctionChange> fileChanges(String path, List<SourceFunction> before, List<SourceFunction> after) {
        Map<String, List<SourceFunction>> b = byName(before);
        Map<String, List<SourceFunction>> a = byName(after);
        Set<String> names = new LinkedHashSet<>(b.keySet());
        names.addAll(a.keySet());
        List<FunctionChange> out = new ArrayList<>();
        for (String name : names) {
            List<SourceFunction> fb = b.getOrDefault(name, List.of());
            List<SourceFunction> fa = a.getOrDefault(name, List.of());
            for (int i = 0; i < Math.max(fb.size(), fa.size()); i++) {
                Optional<SourceFunction> x = i < fb.size() ? Optional.of(fb.get(i)) : Optional.empty();
                Optional<SourceFunction> y = i < fa.size() ? Optional.of(fa.get(i)) : Optional.empty();
                if (x.isEmpty()) {
                    out.add(new FunctionChange(FunctionChange.Kind.ADDED, path, name, x, y));
                } else if (y.isEmpty()) {
                    out.add(new FunctionChange(FunctionChange.Kind.REMOVED, path, name, x, y));
                } else if (!x.get().contentHash().equals(y.get().contentHash())) {
                    out.add(new FunctionChange(FunctionChange.Kind.CHANGED, path, name, x, y));
                }
            }
        }
        return out;
    }

    private static Map<String, List<SourceFunction>> byName(List<SourceFunction> functions) {
        Map<String, List<SourceFunction>> m = new LinkedHashMap<>();
        functions.forEach(f -> m.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f));
        return m;
    }

    private static List<RequirementImpact> requirements(Side from, Side to, List<FunctionChange> changes,
            List<SuspectLink> suspects, Set<String> compiledFrom, Set<String> compiledTo) {
        // requirement type~name -> (its id as named, the changed functions that name it)
        Map<String, SpecificationItemId> ids = new TreeMap<>();
        Map<String, Set<String>> because = new HashMap<>();
        for (SuspectLink s : suspects) {
            if (s.reasons().contains(SuspectReason.FUNCTION_CHANGED) || s.reasons().contains(SuspectReason.FUNCTION_REMOVED)) {
                direct(ids, because, s.link().requirement(), s.link().path() + ":" + s.link().function());
            }
        }
        // coverage tags inside a changed or removed function (earlier side) or a changed or added one (later side)
        Set<SourceFunction> before = new HashSet<>();
        Set<SourceFunction> after = new HashSet<>();
        for (FunctionChange c : changes) {
            if (c.kind() != FunctionChange.Kind.ADDED) {
                c.before().ifPresent(before::add);
            }
            if (c.kind() == FunctionChange.Kind.CHANGED) {
                c.after().ifPresent(after::add);
            }
        }
        tags(from, compiledFrom, before, ids, because);
        tags(to, compiledTo, after, ids, because);

        Map<String, List<SpecificationItemId>> covers = new HashMap<>();
        for (List<SpecificationItem> items : List.of(to.items(), from.items())) {
            for (SpecificationItem i : items) {
                covers.putIfAbsent(name(i.id()), i.covers());
            }
        }
        List<RequirementImpact> out = new ArrayList<>();
        ids.forEach((n, id) -> out.add(new RequirementImpact(id, true, List.copyOf(new TreeSet<>(because.get(n))))));
        Map<String, SpecificationItemId> parents = new TreeMap<>();
        Map<String, Set<String>> below = new HashMap<>();
        ArrayDeque<SpecificationItemId> todo = new ArrayDeque<>(ids.values());
        while (!todo.isEmpty()) {
            SpecificationItemId child = todo.poll();
            for (SpecificationItemId up : covers.getOrDefault(name(child), List.of())) {
                String n = name(up);
                if (ids.containsKey(n)) {
                    continue;
                }
                below.computeIfAbsent(n, k -> new TreeSet<>()).add(child.toString());
                if (parents.putIfAbsent(n, up) == null) {
                    todo.add(up);
                }
            }
        }
        parents.forEach((n, id) -> out.add(new RequirementImpact(id, false, List.copyOf(below.get(n)))));
        return out;
    }

    private static void tags(Side side, Set<String> compiled, Set<SourceFunction> changed,
            Map<String, SpecificationItemId> ids, Map<String, Set<String>> because) {
        if (changed.isEmpty()) {
            return;
        }
        for (SpecificationItem tag : side.items()) {
            String path = tag.location().path();
            if (tag.covers().isEmpty() || !compiled.contains(path)) {
                continue;
            }
            Optional<SourceFunction> f = side.functions().at(path, tag.location().line());
            if (f.isPresent() && changed.contains(f.get())) {
                tag.covers().forEach(r -> direct(ids, because, r, path + ":" + f.get().name()));
            }
        }
    }

    private static void direct(Map<String, SpecificationItemId> ids, Map<String, Set<String>> because,
            SpecificationItemId requirement, String function) {
        String n = name(requirement);
        ids.merge(n, requirement, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        because.computeIfAbsent(n, k -> new TreeSet<>()).add(function);
    }

    private static String name(SpecificationItemId id) {
        return id.type() + "~" + id.name();
    }

    /** Per file ({@code directories} false) or per directory: added, removed and changed functions. */
    private static List<AreaImpact> areas(List<FunctionChange> changes, boolean directories) {
        Map<String, int[]> m = new TreeMap<>();
        for (FunctionChange c : changes) {
            String area = c.path();
            if (directories) {
                int slash = area.lastIndexOf('/');
                area = slash < 0 ? "" : area.substring(0, slash + 1);
            }
            m.computeIfAbsent(area, k -> new int[3])[c.kind().ordinal()]++;
        }
        List<AreaImpact> out = new ArrayList<>();
        m.forEach((a, n) -> out.add(new AreaImpact(a, n[0], n[1], n[2])));
        return out;
    }
}
