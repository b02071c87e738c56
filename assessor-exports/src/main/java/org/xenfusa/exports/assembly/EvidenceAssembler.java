package org.xenfusa.exports.assembly;

import org.xenfusa.coverage.Counter;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.MisraFigures;
import org.xenfusa.misra.MisraRecordsReader;
import org.xenfusa.misra.MisraReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.FileKind;
import org.xenfusa.exports.model.FileSlocRow;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.exports.model.TraceDefect;
import org.xenfusa.exports.model.LinkRow;
import org.xenfusa.exports.model.UntracedCode;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.FileRole;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestCaseResult;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suspect.SuspectLinkAnalysis;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkView;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.report.Verdict;

/**
 * Builds the documents' input ({@link ReleaseEvidence}) from the analysis libraries: configuration reports, the
 * effort model and the one {@link TraceReport}. The web app and every {@code fusa} command call it, so that pages,
 * commands and documents render the same figures and verdicts.
 */
// [impl->dsn~evidence-assembler~1]
public final class EvidenceAssembler {
    private EvidenceAssembler() {
    }

    /**
     * One configuration to put in the evidence: its name in the documents, its board if any (as the documents name it),
     * its report, and the board's id in the board table (what a trace policy's board conditions name).
     */
    public record NamedReport(String name, Optional<String> board, ConfigurationReport report,
            Optional<String> boardId) {
        public NamedReport(String name, Optional<String> board, ConfigurationReport report) {
            this(name, board, report, Optional.empty());
        }
    }

    /**
     * The evidence of one commit: the figures of every configuration and the trace report rendered as rows. The verdicts,
     * links and untraced code are the report's, never recomputed here; {@code trace} must have a configuration of each
     * name in {@code configurations}.
     */
    public static ReleaseEvidence assemble(EvidenceContext context, List<NamedReport> configurations,
            EffortModel model, TraceReport trace, List<SuspectLinkRow> suspects, List<AttachedFile> attachments) {
        return assemble(context, configurations, model, trace, suspects, attachments, List.of());
    }

    /**
     * As {@link #assemble(EvidenceContext, List, EffortModel, TraceReport, List, List)}, with the MISRA C report of
     * configurations (each report's scope is named as its configuration), rendered by {@link #misra(MisraReport)}.
     */
    public static ReleaseEvidence assemble(EvidenceContext context, List<NamedReport> configurations,
            EffortModel model, TraceReport trace, List<SuspectLinkRow> suspects, List<AttachedFile> attachments,
            List<MisraReport> misra) {
        return assemble(context, configurations, model, trace, suspects, attachments, misra, List.of());
    }

    /**
     * As {@link #assemble(EvidenceContext, List, EffortModel, TraceReport, List, List, List)}, with the structural
     * coverage report of configurations (each report's {@code configuration} names one, at most one report each),
     * rendered by {@link #coverage(CoverageReport)}. The data files the reports were made from belong in
     * {@code attachments} ({@link #coverageData(String, byte[])}), so that the package holds them.
     */
    public static ReleaseEvidence assemble(EvidenceContext context, List<NamedReport> configurations,
            EffortModel model, TraceReport trace, List<SuspectLinkRow> suspects, List<AttachedFile> attachments,
            List<MisraReport> misra, List<CoverageReport> coverage) {
        for (CoverageReport c : coverage) {
            if (configurations.stream().noneMatch(n -> n.name().equals(c.configuration()))) {
                throw new IllegalArgumentException("the coverage report of '" + c.configuration()
                        + "' names no configuration of the evidence");
            }
            if (!c.commit().isEmpty() && !c.commit().equals(context.commit())) {
                throw new IllegalArgumentException("the coverage report of '" + c.configuration() + "' is of commit "
                        + c.commit() + ", the evidence of " + context.commit());
            }
        }
        for (MisraReport m : misra) {
            if (configurations.stream().noneMatch(c -> c.name().equals(m.scope().name()))) {
                throw new IllegalArgumentException("the MISRA report of '" + m.scope().name()
                        + "' names no configuration of the evidence");
            }
        }
        if (!context.tracePolicy().sha256().equals(trace.linked().policy().sha256())) {
            throw new IllegalArgumentException("the evidence names trace policy " + context.tracePolicy().label()
                    + " but the trace followed " + trace.linked().policy().label());
        }
        List<ConfigurationFigures> figures = configurations.stream().map(c -> figures(c, model)).toList();
        for (NamedReport c : configurations) {
            if (trace.configuration(c.name()).isEmpty()) {
                throw new IllegalArgumentException("the trace report has no configuration '" + c.name() + "'");
            }
        }
        Set<String> suspectIds = new HashSet<>();
        suspects.forEach(s -> suspectIds.add(s.to()));
        List<RequirementRow> rows = new ArrayList<>();
        List<TraceDefect> defects = new ArrayList<>();
        for (RequirementTrace r : trace.requirements()) {
            Map<String, Verdict> verdicts = new LinkedHashMap<>();
            Map<String, String> reasons = new LinkedHashMap<>();
            r.configurations().forEach((name, v) -> {
                verdicts.put(name, v.verdict());
                reasons.put(name, v.reason());
            });
            List<String> anchors = new ArrayList<>();
            List<String> tests = new ArrayList<>();
            for (LinkView l : r.countedLinks()) {
                (l.kind() == LinkView.Kind.TEST || TraceLevel.of(l.artifactType()) == TraceLevel.TEST ? tests : anchors)
                        .add(l.anchor());
            }
            List<LinkRow> links = r.links().stream().map(l -> new LinkRow(l.kind().name(), l.anchor(), l.artifactType(),
                    l.stateLabel(), l.declaredAt(), l.counts(), l.reviewLabel())).toList();
            rows.add(new RequirementRow(r.id(), r.type(), r.title(), r.description(), r.covers(), r.coveredBy(),
                    anchors, tests, r.overall(), verdicts, links, suspectIds.contains(r.id()), r.overallReason(),
                    reasons));
            verdicts.forEach((config, v) -> {
                if (v == Verdict.DEFECT) {
                    defects.add(new TraceDefect(config, r.id(), reasons.get(config)));
                }
            });
        }
        // a tag (or a link's item) that is a defect (orphaned, outdated, ...) fails the trace as fusa trace and oft
        // trace fail on it: a defect of every configuration, as it makes each one's trace unclean
        for (org.xenfusa.trace.graph.TracedItem t : trace.anchorDefects()) {
            for (NamedReport c : configurations) {
                defects.add(new TraceDefect(c.name(), t.id().toString(), "tag at " + t.item().location() + ": "
                        + String.join(", ", t.problems())));
            }
        }
        List<UntracedCode> untraced = new ArrayList<>();
        List<TestResultFile> results = new ArrayList<>();
        for (ConfigurationTrace c : trace.configurations()) {
            c.coverage().files().stream().filter(f -> f.untracedCode() > 0)
                    .forEach(f -> untraced.add(new UntracedCode(c.name(), f.path(), f.untracedCode())));
            c.testResults().stream().filter(f -> !results.contains(f)).forEach(results::add);
        }
        return new ReleaseEvidence(context, figures, rows, suspects, defects, untraced,
                testResults(trace.linked().graph().links().tests(), results), attachments,
                misra.stream().map(EvidenceAssembler::misra).toList(),
                coverage.stream().map(EvidenceAssembler::coverage).toList());
    }

    /**
     * A configuration's structural coverage report as the documents' rows: data sets, compiled-code figures, criteria,
     * directories, requirements and every never-executed compiled function, verbatim.
     */
    public static CoverageFigures coverage(CoverageReport r) {
        CoverageReport.CompiledFigures c = r.compiled();
        return new CoverageFigures(r.configuration(), r.commit(), r.level(),
                r.dataSets().stream().map(d -> new CoverageFigures.DataSet(d.test(), d.source().name(),
                        d.source().format(), d.source().tool(), d.source().toolVersion(), d.source().sha256(),
                        d.source().bytes(), d.source().files())).toList(),
                new CoverageFigures.Compiled(c.files(), c.sloc(), c.filesWithData(), c.slocWithData(),
                        measures(c.figures().lines(), c.figures().branches(), c.figures().conditions(),
                                c.figures().functions())),
                r.criteria().stream().map(k -> new CoverageFigures.CriterionFigure(k.criterion(), k.measured(),
                        k.counter().total(), k.counter().covered())).toList(),
                r.directories().stream().map(d -> new CoverageFigures.Directory(d.directory(), d.files(),
                        measures(d.figures().lines(),
                                d.figures().branches(), d.figures().conditions(), d.figures().functions()))).toList(),
                r.requirements().stream().map(q -> new CoverageFigures.Requirement(q.id(), q.type(), q.title(),
                        q.tests(), q.dataSets(), q.functions().size(), measures(q.byItsTests().lines(),
                                q.byItsTests().branches(), q.byItsTests().conditions(), q.byItsTests().functions()),
                        measures(q.byAllTests().lines(), q.byAllTests().branches(),
                                q.byAllTests().conditions(), q.byAllTests().functions()))).toList(),
                c.neverExecuted().stream().map(f -> new CoverageFigures.NeverExecuted(f.path(), f.name(),
                        f.startLine(), f.sloc(), f.figures().lines().total() > 0)).toList(),
                r.notInSnapshot().size(), r.unmapped().size(),
                r.problems().stream().map(Object::toString).toList());
    }

    private static CoverageFigures.Measures measures(Counter lines, Counter branches, Counter conditions,
            Counter functions) {
        return new CoverageFigures.Measures(count(lines), count(branches), count(conditions), count(functions));
    }

    private static CoverageFigures.Count count(Counter c) {
        return new CoverageFigures.Count(c.total(), c.covered());
    }

    /**
     * A coverage data file carried byte for byte (compressed when it was) into the evidence package, under
     * {@code inputs/coverage-data/}: its SHA-256 in the package's MANIFEST is the data set's {@code sha256}.
     */
    public static AttachedFile coverageData(String name, byte[] content) {
        return AttachedFile.ofBytes(AttachmentKind.COVERAGE_DATA, name, content);
    }

    /** A configuration's MISRA C report as the documents' rows: its figures and checks verbatim. */
    public static MisraFigures misra(MisraReport r) {
        MisraReport.RecordCounts c = r.records();
        return new MisraFigures(r.scope().name(), r.commit(), r.violations(), r.justified(), r.outside(),
                r.newCleanViolations(), r.maxAcceptedViolations(), r.danglingComments().size(),
                new MisraFigures.Records(c.guidelines(), c.deviations(), c.safIds(), c.safComments(), c.clean(),
                        c.monitored(), c.excludes()),
                r.guidelines().stream().filter(g -> g.accepted() || g.violations() + g.justified() + g.outside() > 0)
                        .map(g -> new MisraFigures.Guideline(g.id().toString(), g.accepted(), g.category(), g.clean(),
                                g.violations(), g.justified(), g.outside(), g.share()))
                        .toList(),
                r.gates().stream().map(g -> new MisraFigures.Check(g.name(), g.passed(), g.detail())).toList(),
                r.sources().stream().map(f -> new MisraFigures.FindingsFile(f.name(), f.format(), f.sha256(),
                        f.findings(), f.toolVersion())).toList(),
                r.problems().stream().map(Object::toString).toList());
    }

    /** Xen's MISRA C record files at the tree's commit, carried verbatim into the evidence package. */
    public static List<AttachedFile> misraRecords(SourceTree tree) {
        List<AttachedFile> out = new ArrayList<>();
        MisraRecordsReader.recordFiles(tree).forEach((path, bytes) -> out.add(new AttachedFile(
                AttachmentKind.MISRA_RECORDS, path, new String(bytes, StandardCharsets.UTF_8))));
        return out;
    }

    /**
     * The trace report of a tree read as it is (its requirements and coverage tags), with the given links and, per
     * configuration name, the test results of that configuration's run: what {@code fusa} commands trace.
     */
    public static TraceReport trace(SourceTree tree, LinkSet links, List<NamedReport> configurations,
            Map<String, List<TestResultFile>> results) {
        return trace(tree, links, configurations, results, TracePolicy.oft());
    }

    /**
     * As {@link #trace(SourceTree, LinkSet, List, Map)} under {@code policy}; each configuration states its
     * architecture, {@code .config} values and board, for the policy's applicability conditions.
     */
    public static TraceReport trace(SourceTree tree, LinkSet links, List<NamedReport> configurations,
            Map<String, List<TestResultFile>> results, TracePolicy policy) {
        return Traceability.trace(scan(tree), links, FunctionIndex.of(tree), configurations.stream()
                .map(c -> ConfigurationInput.of(c.name(), c.report(), results.getOrDefault(c.name(), List.of()),
                        c.boardId()))
                .toList(), policy);
    }

    /** Reads link files (YAML) and JUnit XML files given as attachments; a malformed one is bad input. */
    public static LinkSet links(List<AttachedFile> linkFiles) {
        LinkSet links = LinkSet.empty();
        for (AttachedFile f : linkFiles) {
            links = links.plus(LinkFileReader.read(f.name(), f.text().getBytes(StandardCharsets.UTF_8)));
        }
        return links;
    }

    public static List<TestResultFile> results(List<AttachedFile> junitFiles) {
        List<TestResultFile> results = new ArrayList<>();
        for (AttachedFile f : junitFiles) {
            try {
                results.add(JUnitXmlReader.read(f.name(), f.text().getBytes(StandardCharsets.UTF_8)));
            } catch (EvidenceFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return results;
    }

    /** The links whose code or requirement changed between {@code previous} and {@code current}. */
    public static List<SuspectLinkRow> suspects(LinkSet links, SourceTree current, SourceTree previous) {
        return suspects(links, previous, FunctionIndex.of(current), scan(current));
    }

    private static SpecificationImport scan(SourceTree tree) {
        try {
            return SpecificationScanner.under("").scan(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tree for its requirements and tags", e);
        }
    }

    /** A configuration's figures as the configuration pages show them: report totals and directory rows verbatim. */
    public static ConfigurationFigures figures(NamedReport c, EffortModel model) {
        ConfigurationReport r = c.report();
                List<FileSlocRow> files = new ArrayList<>();
        for (FileFigures f : r.files()) {
            if (!f.count().isCounted()) {
                continue;
            }
            boolean source = f.role() == FileRole.SOURCE;
            boolean kept = f.duplicateOf().isEmpty();
            FileKind role = f.generated() ? FileKind.GENERATED : source ? FileKind.COMPILED : FileKind.HEADER;
            files.add(new FileSlocRow(f.path(), role, source && kept ? sloc(f.count()) : LineFigures.NONE,
                    kept ? sloc(f.count()) : LineFigures.NONE,
                    kept && f.active().isCounted() ? sloc(f.active()) : LineFigures.NONE));
        }
        List<String> warnings = r.warnings().stream().map(Object::toString).toList();
        return new ConfigurationFigures(c.name(), r.request().label(), r.arch().targetArch(), c.board(), r.dotConfig(), r.makeCloc(),
                r.withHeaders(), r.activeLines(), r.directories(), files, effort(model, model.slocOf(r)), warnings);
    }

    /** DO-178C DAL A to E, then ISO 26262 ASIL D to A at the DAL the model maps each to. */
    public static List<LevelEffort> effort(EffortModel model, long sloc) {
        List<LevelEffort> out = new ArrayList<>();
        Map<DesignAssuranceLevel, EffortEstimate> byDal = model.estimates(sloc);
        byDal.forEach((dal, e) -> out.add(level("DO-178C " + dal.label(), e)));
        for (int i = Asil.values().length - 1; i >= 0; i--) {
            Asil a = Asil.values()[i];
            DesignAssuranceLevel dal = model.levelOf(a);
            out.add(level("ISO 26262 " + a.label() + " (as " + dal.label() + ")", byDal.get(dal)));
        }
        return out;
    }

    private static LevelEffort level(String name, EffortEstimate e) {
        return new LevelEffort(name, e.hoursPerSloc(), e.sloc(), e.hours(), e.personYears(), e.interpolated());
    }

    /** How documents state the effort model: its name, its description and the figure its rates apply to. */
    public static String describe(EffortModel model) {
        return model.name() + " (applied to " + model.figure().label()
                + " code lines): " + model.description();
    }

    private static LineFigures sloc(FileCount f) {
        return LineFigures.NONE.plus(f);
    }

    private static List<SuspectLinkRow> suspects(LinkSet links, SourceTree previous, FunctionIndex index,
            SpecificationImport specs) {
        SuspectLinkAnalysis.Snapshot before = new SuspectLinkAnalysis.Snapshot(FunctionIndex.of(previous),
                scan(previous).items());
        SuspectLinkAnalysis.Snapshot after = new SuspectLinkAnalysis.Snapshot(index, specs.items());
        return SuspectLinkAnalysis.compare(links.code(), before, after).stream()
                .map(s -> new SuspectLinkRow(s.link().path() + ":" + s.link().function(), s.link().requirement().toString(),
                        String.join(", ", s.reasons().stream().map(Enum::name).toList())))
                .toList();
    }

    /** One result per linked test (the name requirements cite), then every other case as class.name. */
    private static List<TestResult> testResults(List<TestLink> links, List<TestResultFile> files) {
        Map<String, TestResult> out = new LinkedHashMap<>();
        Set<TestCaseResult> matched = new HashSet<>();
        for (TestLink l : links) {
            for (TestResultFile f : files) {
                for (TestCaseResult c : f.cases()) {
                    if (c.isNamed(l.name()) && !out.containsKey(l.name())) {
                        out.put(l.name(), new TestResult(l.name(), c.outcome()));
                        matched.add(c);
                    }
                }
            }
        }
        for (TestResultFile f : files) {
            for (TestCaseResult c : f.cases()) {
                String name = c.className().isEmpty() ? c.name() : c.className() + "." + c.name();
                if (!matched.contains(c) && !out.containsKey(name)) {
                    out.put(name, new TestResult(name, c.outcome()));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /** A ZIP entry name safe for a link or result file given by path. */
    public static AttachedFile attachment(AttachmentKind kind, String path, byte[] content) {
        String name = path.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        return new AttachedFile(kind, name, new String(content, StandardCharsets.UTF_8));
    }
}
