package org.xenfusa.misra;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Justifies findings as Xen's flow does, in its order: a file on the exclude list is not analysed ({@code EXCLUDED});
 * a SAF comment that applies to the finding's line (on its own on the line before, or at the end of the line), whose
 * id has a record that names the finding's tool with an id of its guideline ({@code -false-positive-<tool>} comments
 * only for that tool) justifies it ({@code SAF}); a deviation of its guideline that is project-wide, names its file,
 * or that the analyser applied (the finding is marked suppressed) justifies it ({@code DEVIATION}); else it is a
 * violation.
 */
public final class FindingMatcher {
    private final Map<String, Map<Integer, List<SafComment>>> comments = new HashMap<>();
    private final Map<String, SafRecord> safIds = new HashMap<>();
    private final Map<GuidelineId, List<DeviationRecord>> deviations = new HashMap<>();
    private final List<ExcludeEntry> excludes;
    private final Map<String, Optional<ExcludeEntry>> excludedFiles = new HashMap<>();

    public FindingMatcher(MisraRecords records) {
        for (SafComment c : records.safComments()) {
            comments.computeIfAbsent(c.file(), k -> new HashMap<>()).computeIfAbsent(c.appliesTo(),
                    k -> new ArrayList<>()).add(c);
        }
        records.safIds().forEach(r -> safIds.put(r.id(), r));
        for (DeviationRecord d : records.deviations()) {
            d.guidelines().forEach(g -> deviations.computeIfAbsent(g, k -> new ArrayList<>()).add(d));
        }
        excludes = records.excludes();
    }

    public Justification match(MisraFinding f) {
        Optional<ExcludeEntry> excluded = excludedFiles.computeIfAbsent(f.file(),
                p -> excludes.stream().filter(e -> e.matches(p)).findFirst());
        if (excluded.isPresent() && appliesTo(excluded.get(), f.tool())) {
            return new Justification(Justification.Kind.EXCLUDED, "docs/misra/exclude-list.json:"
                    + excluded.get().line() + " (" + excluded.get().relPath() + ")");
        }
        for (SafComment c : comments.getOrDefault(f.file(), Map.of()).getOrDefault(f.line(), List.of())) {
            SafRecord r = safIds.get(c.id());
            if (r == null) {
                continue; // a dangling id justifies nothing (and fails its own gate)
            }
            String fpTool = c.falsePositiveTool();
            if (!fpTool.isEmpty() && !fpTool.equals(f.tool())) {
                continue;
            }
            if (r.justifies(f.tool(), f.guideline())) {
                return new Justification(Justification.Kind.SAF, c.id() + " at " + c.file() + ":" + c.line());
            }
        }
        for (DeviationRecord d : deviations.getOrDefault(f.guideline(), List.of())) {
            if (d.projectWide() || d.files().contains(f.file())) {
                return new Justification(Justification.Kind.DEVIATION, d.reference());
            }
        }
        if (f.toolSuppressed()) {
            List<DeviationRecord> ds = deviations.getOrDefault(f.guideline(), List.of());
            if (!ds.isEmpty()) {
                return new Justification(Justification.Kind.DEVIATION, ds.get(0).reference()
                        + (ds.size() > 1 ? " (+" + (ds.size() - 1) + " more)" : "") + ", applied by " + f.tool());
            }
        }
        return Justification.NONE;
    }

    private static boolean appliesTo(ExcludeEntry e, String tool) {
        return e.checkers().isEmpty() || e.checkers().contains(tool)
                || (tool.equals("cppcheck") && e.checkers().contains("xen-analysis"));
    }
}
