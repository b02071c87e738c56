package org.xenfusa.misra;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * MISRA C evidence of one snapshot in one configuration, computed once by {@link MisraAnalysis} and rendered as it is
 * by every page, command and document.
 *
 * @param commit     the commit read, empty for a folder
 * @param scope      the configuration (its name, architecture and files)
 * @param guidelines the guideline matrix: every accepted guideline and every guideline with a finding, in MISRA order
 * @param files      per file with a finding, by path
 * @param directories per folder with a finding, by path
 * @param records    counts of Xen's own records
 * @param findings   every imported finding with its justification and whether the configuration compiles its code
 * @param diff       new and fixed violations against a baseline (another release), when one was given
 * @param gates      the readiness gate checks, in a fixed order
 * @param sources    the imported analyser reports (name, format, SHA-256)
 * @param notMisra   findings of checks that are not MISRA C guidelines (counted, not kept)
 * @param recordProblems problems reading Xen's records (each naming file and line)
 * @param importProblems problems reading the analyser reports (each naming the report, its line and the finding)
 * @param danglingComments SAF comments whose id no record has
 */
public record MisraReport(String commit, MisraScope scope, List<GuidelineRow> guidelines, List<LocationRow> files,
        List<LocationRow> directories, RecordCounts records, List<MatchedFinding> findings, Optional<MisraDiff> diff,
        List<MisraGateCheck> gates, List<FindingsImport.Source> sources, int notMisra, List<MisraProblem> recordProblems,
        List<MisraProblem> importProblems,
        List<SafComment> danglingComments) {
    public MisraReport {
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(scope, "scope");
        guidelines = List.copyOf(guidelines);
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        Objects.requireNonNull(records, "records");
        findings = List.copyOf(findings);
        Objects.requireNonNull(diff, "diff");
        gates = List.copyOf(gates);
        sources = List.copyOf(sources);
        recordProblems = List.copyOf(recordProblems);
        importProblems = List.copyOf(importProblems);
        danglingComments = List.copyOf(danglingComments);
    }

    /**
     * One guideline of the matrix. {@code share} is its part of all violations in the configuration (0 to 1).
     *
     * @param category    the category rules.rst gives (empty when not accepted)
     * @param saf         of {@code justified}, by a SAF comment
     * @param deviation   of {@code justified}, by a documented deviation
     * @param excluded    of {@code justified}, in a file of the exclude list
     */
    public record GuidelineRow(GuidelineId id, boolean accepted, String category, boolean clean, boolean monitored,
            int violations, int justified, int outside, double share, int saf, int deviation, int excluded) {
    }

    /** Findings per file or folder: violations, justified, outside; {@code share} of all violations. */
    public record LocationRow(String path, int violations, int justified, int outside, double share) {
    }

    /** Counts of Xen's own records. */
    public record RecordCounts(int guidelines, int deviations, int safIds, int safComments, int clean, int monitored,
            int excludes) {
    }

    /** A finding, its justification and whether the configuration compiles its file. */
    public record MatchedFinding(MisraFinding finding, Justification justification, boolean inScope) {
        public boolean violation() {
            return inScope && !justification.justified();
        }
    }

    /** One readiness check: its name, whether it passed, and what it found. */
    public record MisraGateCheck(String name, boolean passed, String detail) {
    }

    /** Violations in the configuration (findings it compiles that nothing justifies). */
    public int violations() {
        return guidelines.stream().mapToInt(GuidelineRow::violations).sum();
    }

    public int justified() {
        return guidelines.stream().mapToInt(GuidelineRow::justified).sum();
    }

    public int outside() {
        return guidelines.stream().mapToInt(GuidelineRow::outside).sum();
    }

    /** Every problem: Xen's records first, then the analyser reports. */
    public List<MisraProblem> problems() {
        List<MisraProblem> all = new java.util.ArrayList<>(recordProblems);
        all.addAll(importProblems);
        return all;
    }

    /**
     * New violations of guidelines tagged clean: against the baseline when one was given, else every violation of a
     * clean guideline (the readiness check "no new violation of a clean guideline").
     */
    public int newCleanViolations() {
        return newCleanViolationsPerGuideline().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** {@link #newCleanViolations()} per clean guideline that has any, in MISRA order. */
    public java.util.SortedMap<GuidelineId, Integer> newCleanViolationsPerGuideline() {
        java.util.SortedMap<GuidelineId, Integer> out = new java.util.TreeMap<>();
        for (GuidelineRow g : guidelines) {
            int added = !g.clean() ? 0 : diff.map(d -> d.addedOf(g.id())).orElse(g.violations());
            if (added > 0) {
                out.put(g.id(), added);
            }
        }
        return out;
    }

    /** This report with its readiness checks (computed by {@link MisraAnalysis} from the report itself). */
    MisraReport withGates(List<MisraGateCheck> checks) {
        return new MisraReport(commit, scope, guidelines, files, directories, records, findings, diff, checks, sources,
                notMisra, recordProblems, importProblems, danglingComments);
    }

    /** The violations of the most violated accepted guideline (the readiness check's figure against its limit). */
    public int maxAcceptedViolations() {
        return guidelines.stream().filter(GuidelineRow::accepted).mapToInt(GuidelineRow::violations).max().orElse(0);
    }

    public boolean gatesPass() {
        return gates.stream().allMatch(MisraGateCheck::passed);
    }

    public Optional<GuidelineRow> guideline(GuidelineId id) {
        return guidelines.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The violations (in scope, unjustified), in file and line order. */
    public List<MatchedFinding> violationList() {
        return findings.stream().filter(MatchedFinding::violation).toList();
    }
}
