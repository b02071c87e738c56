package org.xenfusa.misra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Xen's MISRA records at one commit, as {@link MisraRecordsReader} read them: accepted guidelines
 * ({@code rules.rst}), deviations ({@code deviations.rst}), SAF ids ({@code safe.json},
 * {@code false-positive-*.json}), in-code SAF comments, the exclude list, ECLAIR's clean guidelines
 * ({@code tagging.ecl}, the common set and the set per architecture) and monitored guidelines
 * ({@code monitored.ecl}), and the problems found reading them (each naming file and line).
 */
public record MisraRecords(List<AcceptedGuideline> accepted, List<DeviationRecord> deviations, List<SafRecord> safIds,
        List<SafComment> safComments, List<ExcludeEntry> excludes, Set<GuidelineId> clean,
        Map<String, Set<GuidelineId>> cleanPerArch, Set<GuidelineId> monitored, List<MisraProblem> problems) {
    public MisraRecords {
        accepted = List.copyOf(accepted);
        deviations = List.copyOf(deviations);
        safIds = List.copyOf(safIds);
        safComments = List.copyOf(safComments);
        excludes = List.copyOf(excludes);
        clean = Set.copyOf(clean);
        cleanPerArch = Map.copyOf(new LinkedHashMap<>(cleanPerArch));
        monitored = Set.copyOf(monitored);
        problems = List.copyOf(problems);
    }

    /** No records at all (a tree without {@code docs/misra}). */
    public static MisraRecords none() {
        return new MisraRecords(List.of(), List.of(), List.of(), List.of(), List.of(), Set.of(), Map.of(), Set.of(),
                List.of());
    }

    public Optional<AcceptedGuideline> acceptedGuideline(GuidelineId id) {
        return accepted.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public Optional<SafRecord> safRecord(String id) {
        Objects.requireNonNull(id, "id");
        return safIds.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The clean guidelines for an architecture ({@code x86_64}, {@code arm64}; empty or unknown: the common set). */
    public Set<GuidelineId> clean(String arch) {
        Set<GuidelineId> out = new TreeSet<>(clean);
        out.addAll(cleanPerArch.getOrDefault(arch == null ? "" : arch, Set.of()));
        return out;
    }

    /** SAF comments whose id no record has: each a defect (a dangling id). */
    public List<SafComment> danglingComments() {
        Set<String> ids = new TreeSet<>();
        safIds.forEach(r -> ids.add(r.id()));
        return safComments.stream().filter(c -> !ids.contains(c.id())).toList();
    }
}
