package org.xenfusa.exports.readiness;

import org.xenfusa.coverage.Criterion;
import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.MisraFigures;

import org.xenfusa.sloc.config.DirectoryFigures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.trace.evidence.TestOutcome;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.model.UntracedCode;

/** Evaluates readiness gates on a release's evidence, per configuration, against an optional previous release. */
// [impl->dsn~readiness-gates~1]
public final class ReadinessEvaluator {
    /** OpenFastTrace's artifact type for design requirements. */
    static final String DESIGN_TYPE = "dsn";

    /**
     * Design requirements: OpenFastTrace's {@code dsn} and the artifact types projects name for their
     * design level, such as Xen's {@code XenSwdgn} (software design).
     */
    static boolean isDesignType(String type) {
        String t = type.toLowerCase(java.util.Locale.ROOT);
        return t.equals(DESIGN_TYPE) || t.endsWith("dgn") || t.endsWith("dsn") || t.equals("design");
    }

    private ReadinessEvaluator() {
    }

    public static ReadinessReport evaluate(ReadinessGates gates, ReleaseEvidence current,
            Optional<ReleaseEvidence> previous) throws GateFileException {
        for (ReadinessGates.Scope scope : gates.configurations().values()) {
            if (current.configuration(scope.configuration()).isEmpty()) {
                throw new GateFileException(gates.file(), scope.line(), "configuration '" + scope.configuration()
                        + "' is not in the evidence; it has: " + String.join(", ",
                        current.configurations().stream().map(ConfigurationFigures::name).toList()));
            }
        }
        Map<String, TestOutcome> outcomes = new HashMap<>();
        for (TestResult t : current.testResults()) {
            outcomes.put(t.test(), t.outcome());
        }
        List<GateResult> results = new ArrayList<>();
        for (ConfigurationFigures c : current.configurations()) {
            Optional<ConfigurationFigures> before = previous.flatMap(p -> p.configuration(c.name()));
            for (GateThreshold t : gates.effective(c.name())) {
                results.add(evaluate(t, c, current, before, outcomes, previous.isPresent()));
            }
        }
        return new ReadinessReport(current.context(), gates.file(), results, previous.map(p -> compare(p, current)));
    }

    private static GateResult evaluate(GateThreshold t, ConfigurationFigures c, ReleaseEvidence e,
            Optional<ConfigurationFigures> before, Map<String, TestOutcome> outcomes, boolean hasPrevious) {
        String name = c.name();
        if (t.gate().misra()) {
            return misra(t, name, e);
        }
        if (t.gate().criterion().isPresent()) {
            return coverage(t, name, e);
        }
        if (e.requirements().isEmpty() && t.gate() != Gate.SLOC_GROWTH && t.gate() != Gate.FIGURE_WARNINGS) {
            return notEvaluated(t, name, "no requirements at " + e.context().ref()
                    + ": there is nothing to trace, so the gate cannot be evaluated");
        }
        return switch (t.gate()) {
            case DESIGN_COVERED_BY_CODE -> {
                List<RequirementRow> dsn = e.requirements().stream()
                        .filter(r -> isDesignType(r.type()) && r.verdict(name) != Verdict.NOT_APPLICABLE).toList();
                long covered = dsn.stream()
                        .filter(r -> r.verdict(name) == Verdict.COVERED && !r.codeAnchors().isEmpty()).count();
                yield percent(t, name, covered, dsn.size(), "design requirements COVERED with a code anchor");
            }
            case VERIFIED_BY_PASSED_TESTS -> {
                List<RequirementRow> applicable = e.requirements().stream()
                        .filter(r -> r.verdict(name) != Verdict.NOT_APPLICABLE).toList();
                if (e.testResults().isEmpty()) {
                    yield notEvaluated(t, name, "no test results were imported for this release");
                }
                long verified = applicable.stream().filter(r -> !r.tests().isEmpty() && r.tests().stream()
                        .allMatch(test -> outcomes.get(test) == TestOutcome.PASSED)).count();
                yield percent(t, name, verified, applicable.size(),
                        "requirements whose every test has a PASSED result");
            }
            case SUSPECT_LINKS -> !hasPrevious
                    ? notEvaluated(t, name, "no previous release given: links cannot be checked for changes")
                    : count(t, name, e.suspectLinks().size(), "suspect links (all configurations)");
            case TRACE_DEFECTS -> count(t, name,
                    e.defects().stream().filter(d -> d.configuration().equals(name)).count(), "trace defects");
            case UNCOVERED_REQUIREMENTS -> count(t, name,
                    e.requirements().stream().filter(r -> r.verdict(name) == Verdict.UNCOVERED).count(),
                    "requirements uncovered in this configuration");
            case UNTRACED_SLOC -> count(t, name, e.untracedCode().stream().filter(u -> u.configuration().equals(name))
                    .mapToLong(UntracedCode::code).sum(), "untraced code lines");
            case FIGURE_WARNINGS -> count(t, name, c.warnings().size(), "warnings on this configuration's figures");
            case MISRA_NEW_CLEAN_VIOLATIONS, MISRA_VIOLATIONS_PER_GUIDELINE, MISRA_DANGLING_SAF_IDS -> misra(t, name, e);
            case COVERAGE_STATEMENT, COVERAGE_DECISION, COVERAGE_MCDC -> coverage(t, name, e);
            case SLOC_GROWTH -> {
                if (before.isEmpty()) {
                    yield new GateResult(name, t.gate(), t.threshold(), Optional.empty(), GateVerdict.NOT_EVALUATED,
                            "no previous release of this configuration to compare with");
                }
                long was = before.get().makeCloc().code();
                long now = c.makeCloc().code();
                if (was == 0) {
                    yield new GateResult(name, t.gate(), t.threshold(), Optional.empty(), GateVerdict.NOT_EVALUATED,
                            "the previous release had no make-cloc code");
                }
                double growth = 100.0 * (now - was) / was;
                yield result(t, name, growth, String.format(Locale.UK, "make-cloc code %,d -> %,d", was, now));
            }
        };
    }

    /** A MISRA C gate: the configuration's figure as its MISRA report computed it. */
    private static GateResult misra(GateThreshold t, String name, ReleaseEvidence e) {
        Optional<MisraFigures> m = e.misra(name);
        if (m.isEmpty()) {
            return notEvaluated(t, name, "no MISRA C evidence for this configuration (give findings with"
                    + " --misra-findings, or import them on its MISRA C page)");
        }
        MisraFigures f = m.get();
        return switch (t.gate()) {
            case MISRA_NEW_CLEAN_VIOLATIONS -> count(t, name, f.newCleanViolations(),
                    "new violations of clean guidelines");
            case MISRA_VIOLATIONS_PER_GUIDELINE -> count(t, name, f.maxAcceptedViolations(),
                    "violations of the most violated accepted guideline");
            case MISRA_DANGLING_SAF_IDS -> count(t, name, f.danglingSafIds(), "SAF comments with an unknown id");
            default -> throw new IllegalStateException("not a MISRA gate: " + t.gate());
        };
    }

    /**
     * A coverage gate: the figure of its criterion over the configuration's compiled code, as the coverage report
     * computed it. It does not apply where the configuration's level does not ask for the criterion; where it does,
     * missing data or a criterion no data measures is not evaluated (never a pass).
     */
    private static GateResult coverage(GateThreshold t, String name, ReleaseEvidence e) {
        Criterion k = t.gate().criterion().orElseThrow(() -> new IllegalStateException("not a coverage gate: "
                + t.gate()));
        Optional<CoverageFigures> c = e.coverage(name);
        if (c.isEmpty()) {
            return notEvaluated(t, name, "no coverage evidence for this configuration: neither its level nor coverage"
                    + " data was given (give --level and --coverage-data, or import data on its coverage page)");
        }
        CoverageFigures f = c.get();
        Optional<CoverageFigures.CriterionFigure> figure = f.criterion(k);
        if (figure.isEmpty()) {
            return new GateResult(name, t.gate(), t.threshold(), Optional.empty(), GateVerdict.NOT_APPLICABLE,
                    f.level().label() + " does not ask for " + k.label() + " coverage");
        }
        if (!f.hasData()) {
            return notEvaluated(t, name, "no coverage data for this configuration, whose level " + f.level().label()
                    + " asks for " + k.label() + " coverage");
        }
        CoverageFigures.CriterionFigure m = figure.get();
        if (!m.measured()) {
            return notEvaluated(t, name, "not measured: no data set has " + k.measure() + " of the compiled code ("
                    + f.level().label() + " asks for " + k.label() + " coverage)");
        }
        return result(t, name, m.percent(), m.covered() + " of " + m.total() + " " + k.measure()
                + " of the compiled code covered (" + k.label() + ", " + f.level().label() + ")");
    }

    private static GateResult notEvaluated(GateThreshold t, String name, String reason) {
        return new GateResult(name, t.gate(), t.threshold(), Optional.empty(), GateVerdict.NOT_EVALUATED, reason);
    }

    private static GateResult percent(GateThreshold t, String name, long part, long whole, String what) {
        if (whole == 0) {
            return notEvaluated(t, name, "nothing the gate applies to");
        }
        return result(t, name, 100.0 * part / whole, part + " of " + whole + " " + what);
    }

    private static GateResult count(GateThreshold t, String name, long value, String what) {
        return result(t, name, value, value + " " + what);
    }

    private static GateResult result(GateThreshold t, String name, double value, String detail) {
        GateVerdict v = t.gate().passes(value, t.threshold()) ? GateVerdict.PASSED : GateVerdict.FAILED;
        return new GateResult(name, t.gate(), t.threshold(), Optional.of(value), v, detail);
    }

    /** What changed from {@code before} to {@code now}. */
    public static ReleaseComparison compare(ReleaseEvidence before, ReleaseEvidence now) {
        List<ReleaseComparison.DirectoryDelta> dirs = new ArrayList<>();
        List<ReleaseComparison.EffortDelta> effort = new ArrayList<>();
        for (ConfigurationFigures c : now.configurations()) {
            Optional<ConfigurationFigures> p = before.configuration(c.name());
            Map<String, DirectoryFigures> was = new LinkedHashMap<>();
            p.ifPresent(x -> x.directories().forEach(d -> was.put(d.directory(), d)));
            Map<String, DirectoryFigures> is = new LinkedHashMap<>();
            c.directories().forEach(d -> is.put(d.directory(), d));
            Set<String> paths = new TreeSet<>(was.keySet());
            paths.addAll(is.keySet());
            for (String path : paths) {
                DirectoryFigures a = was.get(path);
                DirectoryFigures b = is.get(path);
                dirs.add(new ReleaseComparison.DirectoryDelta(c.name(), path,
                        a == null ? 0 : a.makeCloc().code(), b == null ? 0 : b.makeCloc().code(),
                        a == null ? 0 : a.activeLines().code(), b == null ? 0 : b.activeLines().code()));
            }
            Map<String, Double> hoursBefore = new HashMap<>();
            p.ifPresent(x -> x.effort().forEach(l -> hoursBefore.put(l.level(), l.hours())));
            for (LevelEffort l : c.effort()) {
                effort.add(new ReleaseComparison.EffortDelta(c.name(), l.level(),
                        hoursBefore.getOrDefault(l.level(), 0.0), l.hours()));
            }
        }
        Map<String, RequirementRow> was = new LinkedHashMap<>();
        before.requirements().forEach(r -> was.put(r.id(), r));
        Map<String, RequirementRow> is = new LinkedHashMap<>();
        now.requirements().forEach(r -> is.put(r.id(), r));
        List<String> added = is.keySet().stream().filter(id -> !was.containsKey(id)).toList();
        List<String> removed = was.keySet().stream().filter(id -> !is.containsKey(id)).toList();
        List<String> changed = is.values().stream().filter(r -> was.containsKey(r.id()))
                .filter(r -> !sameContent(r, was.get(r.id()))).map(RequirementRow::id).toList();
        Set<String> oldLinks = new HashSet<>();
        before.suspectLinks().forEach(s -> oldLinks.add(s.from() + "\n" + s.to()));
        List<SuspectLinkRow> newSuspects = now.suspectLinks().stream()
                .filter(s -> !oldLinks.contains(s.from() + "\n" + s.to())).toList();
        Map<String, TestOutcome> nowTests = new HashMap<>();
        now.testResults().forEach(t -> nowTests.put(t.test(), t.outcome()));
        List<String> regressed = before.testResults().stream().filter(t -> t.outcome() == TestOutcome.PASSED)
                .filter(t -> nowTests.get(t.test()) != TestOutcome.PASSED).map(TestResult::test).toList();
        return new ReleaseComparison(before.context().ref(), before.context().commit(), dirs, effort, added, changed,
                removed, newSuspects, regressed);
    }

    private static boolean sameContent(RequirementRow a, RequirementRow b) {
        return a.type().equals(b.type()) && a.title().equals(b.title()) && a.description().equals(b.description())
                && Objects.equals(a.covers(), b.covers());
    }
}
