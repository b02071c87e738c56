package org.xenfusa.web.analysis;

import java.util.List;
import java.util.Map;

import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.LineFigures;

/** The figures a stored analysis result holds, one record per kind, as they are kept (JSON) and read back. */
public final class AnalysisFigures {
    private AnalysisFigures() {
    }

    /**
     * A configuration's compiled code at a snapshot ({@link AnalysisKind#SLOC}): the three figures in total and per
     * directory, as the configuration's SLOC page shows them, and the effort per level from the effort model.
     *
     * @param effortFigure the SLOC figure the effort model reads (its label)
     * @param effortSloc   that figure's code lines
     */
    public record Sloc(String commit, LineFigures makeCloc, LineFigures withHeaders, LineFigures activeLines,
            List<DirectoryFigures> directories, String effortFigure, long effortSloc, double hoursPerPersonYear,
            List<Effort> effort, List<String> warnings, int undecidedConditions) {
        public Sloc {
            directories = List.copyOf(directories);
            effort = List.copyOf(effort);
            warnings = List.copyOf(warnings);
        }

        /** The effort at a DO-178C level ({@code DAL_A}), if the model has it. */
        public java.util.Optional<Effort> effortAt(String level) {
            return effort.stream().filter(e -> e.level().equals(level)).findFirst();
        }
    }

    /** One level's effort: the DO-178C level, the ISO 26262 ASILs the model maps to it, hours and person-years. */
    public record Effort(String level, String label, List<String> asils, double hoursPerSloc, double hours,
            double personYears, boolean interpolated) {
        public Effort {
            asils = List.copyOf(asils);
        }
    }

    /**
     * The trace of a configuration at a snapshot ({@link AnalysisKind#TRACE}): requirements by verdict (labels of
     * {@link org.xenfusa.trace.report.Verdict}), compiled code traced and untraced (cloc code lines), and the links
     * that became suspect since the previous release ({@code previousRef} empty when there is none).
     */
    /**
     * The structural coverage of a configuration as its coverage page shows it ({@code CoverageService.report}):
     * {@code dataFiles} 0 when no data is imported (then nothing else is computed). Counts are total and covered.
     */
    public record Coverage(int dataFiles, int testRuns, String level, List<CoverageCriterion> criteria,
            int compiledFiles, int filesWithData, long sloc, long slocWithData, long[] lines, long[] branches,
            long[] conditions, int neverExecuted) {
        public boolean hasData() {
            return dataFiles > 0;
        }

        /** The share of compiled SLOC with any data, in percent, one decimal. */
        public String slocWithDataText() {
            return sloc == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * slocWithData / sloc);
        }
    }

    /**
     * The MISRA C figures of a configuration as its MISRA C page shows them ({@code MisraService.report}):
     * {@code findingsFiles} 0 when no findings are imported (then nothing else is computed); {@code top} the most
     * violated guidelines, as "Rule 21.1: 309".
     */
    public record Misra(int findingsFiles, int violations, int justified, int outside, int guidelinesViolated,
            List<String> top, boolean gatesPass) {
        public boolean hasFindings() {
            return findingsFiles > 0;
        }
    }

    /** A criterion of the level over the compiled code: its figure, or not measured. */
    public record CoverageCriterion(String criterion, String measure, long total, long covered, boolean measured,
            String percentText) {
    }

    public record Trace(int requirements, Map<String, Long> verdicts, int compiledFiles, int compiledCode,
            int tracedCode, int untracedCode, Integer suspectLinks, String previousRef, Long previousSnapshotId) {
        public Trace {
            verdicts = Map.copyOf(verdicts);
        }

        public long count(String verdictLabel) {
            return verdicts.getOrDefault(verdictLabel, 0L);
        }
    }

    /** The readiness of a release for a configuration ({@link AnalysisKind#READINESS}) and each gate. */
    public record Readiness(boolean ready, String previousRef, List<Gate> gates, List<String> reasons) {
        public Readiness {
            gates = List.copyOf(gates);
            reasons = List.copyOf(reasons);
        }

        public long passed() {
            return gates.stream().filter(g -> g.verdict().equals("PASSED")).count();
        }

        public long failed() {
            return gates.stream().filter(g -> g.verdict().equals("FAILED")).count();
        }

        public long notEvaluated() {
            return gates.stream().filter(g -> g.verdict().equals("NOT_EVALUATED")).count();
        }

        /** The gates that failed or could not be evaluated, each shown with its reason. */
        public List<Gate> notPassed() {
            return gates.stream().filter(g -> !g.verdict().equals("PASSED") && !g.verdict().equals("NOT_APPLICABLE"))
                    .toList();
        }

        /** The gates the configuration's level does not ask for (a coverage criterion above its level). */
        public List<Gate> notApplicable() {
            return gates.stream().filter(g -> g.verdict().equals("NOT_APPLICABLE")).toList();
        }

        /** The gates that passed, shown on one line. */
        public List<Gate> passedGates() {
            return gates.stream().filter(g -> g.verdict().equals("PASSED")).toList();
        }
    }

    /** One gate: its key and description, threshold, measured value (none when not evaluated), verdict and why. */
    public record Gate(String key, String description, double threshold, Double value, String verdict,
            String detail) {
        /** The measured value as pages show it: whole numbers without decimals, others with one ("" when none). */
        public String valueText() {
            if (value == null) {
                return "";
            }
            return value == Math.rint(value) ? String.format(java.util.Locale.US, "%,d", value.longValue())
                    : String.format(java.util.Locale.US, "%,.1f", value);
        }
    }
}
