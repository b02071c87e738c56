package org.xenfusa.web.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.DirectorySloc;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.FileRole;
import org.xenfusa.exports.model.FileSloc;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.model.SlocFigure;
import org.xenfusa.exports.model.SuspectLink;
import org.xenfusa.exports.model.TestOutcome;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.exports.model.TraceDefect;
import org.xenfusa.exports.model.TraceVerdict;
import org.xenfusa.exports.model.UntracedCode;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.FileFigures;
import org.xenfusa.sloc.config.LineFigures;
import org.xenfusa.sloc.count.FileCount;
import org.xenfusa.sloc.effort.Asil;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.trace.config.ConfigurationAnalysis;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.config.TraceLevel;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.TestCaseResult;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.evidence.TestVerification;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.link.ResolvedCodeLink;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItem;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suspect.SuspectLinkAnalysis;

/**
 * Builds the documents' input ({@link ReleaseEvidence}) from the analysis libraries: configuration reports, the
 * effort model and the trace of a tree. Plain Java without Spring, so that the web app and {@code fusa export}
 * make the same evidence from the same inputs.
 */
public final class EvidenceAssembler {
    private EvidenceAssembler() {
    }

    /** One configuration to put in the evidence: its name in the documents, its board if any, and its report. */
    public record NamedReport(String name, Optional<String> board, ConfigurationReport report) {
    }

    /**
     * The trace's inputs besides the tree: link files and JUnit XML results, kept verbatim for the package.
     * {@code note} says where they came from (shown with the package's inputs).
     */
    public record TraceInputs(List<AttachedFile> linkFiles, List<AttachedFile> testResults, String note) {
        public TraceInputs {
            linkFiles = List.copyOf(linkFiles);
            testResults = List.copyOf(testResults);
        }

        public static TraceInputs treeOnly(String note) {
            return new TraceInputs(List.of(), List.of(), note);
        }
    }

    /** Everything in one call: figures of every configuration, the trace of {@code tree}, suspect links since
     * {@code previous} when given. */
    public static ReleaseEvidence assemble(EvidenceContext context, SourceTree tree, List<NamedReport> configurations,
            EffortModel model, TraceInputs inputs, Optional<SourceTree> previous) {
        List<ConfigurationFigures> figures = configurations.stream().map(c -> figures(c, model)).toList();
        LinkSet links = LinkSet.empty();
        for (AttachedFile f : inputs.linkFiles()) {
            links = links.plus(LinkFileReader.read(f.name(), f.text().getBytes(StandardCharsets.UTF_8)));
        }
        List<TestResultFile> results = new ArrayList<>();
        for (AttachedFile f : inputs.testResults()) {
            try {
                results.add(JUnitXmlReader.read(f.name(), f.text().getBytes(StandardCharsets.UTF_8)));
            } catch (EvidenceFormatException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        FunctionIndex index = FunctionIndex.of(tree);
        SpecificationImport specs = scan(tree);
        TraceGraph graph = TraceGraph.build(specs, links, index);
        Map<SpecificationItemId, RequirementVerification> verification =
                TestVerification.verify(graph.links().tests(), results);
        Map<String, ConfigurationCoverage> coverage = new LinkedHashMap<>();
        ConfigurationAnalysis analysis = new ConfigurationAnalysis();
        for (NamedReport c : configurations) {
            coverage.put(c.name(), analysis.analyse(graph, index, c.report().compiledFiles(), verification));
        }
        LinkSet allLinks = links;
        List<SuspectLink> suspects = previous.map(p -> suspects(allLinks, p, index, specs)).orElse(List.of());
        Set<String> suspectIds = new HashSet<>();
        suspects.forEach(s -> suspectIds.add(s.to()));
        List<RequirementRow> rows = requirements(graph, coverage, suspectIds);
        List<TraceDefect> defects = new ArrayList<>();
        for (RequirementRow r : rows) {
            r.verdicts().forEach((config, v) -> {
                if (v == TraceVerdict.DEFECT) {
                    TracedItem t = graph.trace().items().stream().filter(i -> i.id().toString().equals(r.id()))
                            .findFirst().orElseThrow();
                    defects.add(new TraceDefect(config, r.id(), String.join(", ", t.problems())));
                }
            });
        }
        List<UntracedCode> untraced = new ArrayList<>();
        coverage.forEach((config, cov) -> cov.files().stream().filter(f -> f.untracedCode() > 0)
                .forEach(f -> untraced.add(new UntracedCode(config, f.path(), f.untracedCode()))));
        List<AttachedFile> attachments = new ArrayList<>(inputs.linkFiles());
        attachments.addAll(inputs.testResults());
        if (!inputs.note().isBlank()) {
            attachments.add(new AttachedFile(AttachmentKind.OTHER, "trace-inputs.txt", inputs.note() + "\n"));
        }
        return new ReleaseEvidence(context, figures, rows, suspects, defects, untraced,
                testResults(graph.links().tests(), results), attachments);
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
        List<DirectorySloc> dirs = r.directories().stream().map(d -> new DirectorySloc(d.directory(),
                sloc(d.makeCloc()), sloc(d.withHeaders()), sloc(d.activeLines()))).toList();
        List<FileSloc> files = new ArrayList<>();
        for (FileFigures f : r.files()) {
            if (!f.count().isCounted()) {
                continue;
            }
            boolean source = f.role() == org.xenfusa.sloc.config.FileRole.SOURCE;
            boolean kept = f.duplicateOf().isEmpty();
            FileRole role = f.generated() ? FileRole.GENERATED : source ? FileRole.COMPILED : FileRole.HEADER;
            files.add(new FileSloc(f.path(), role, source && kept ? sloc(f.count()) : SlocFigure.ZERO,
                    kept ? sloc(f.count()) : SlocFigure.ZERO,
                    kept && f.active().isCounted() ? sloc(f.active()) : SlocFigure.ZERO));
        }
        List<String> warnings = r.warnings().stream().map(Object::toString).toList();
        return new ConfigurationFigures(c.name(), r.arch().targetArch(), c.board(), r.dotConfig(), sloc(r.makeCloc()),
                sloc(r.withHeaders()), sloc(r.activeLines()), dirs, files, effort(model, model.slocOf(r)), warnings);
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
        return model.name() + " (applied to " + model.figure().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + " code lines): " + model.description();
    }

    private static SlocFigure sloc(LineFigures f) {
        return new SlocFigure(f.files(), f.blank(), f.comment(), f.code());
    }

    private static SlocFigure sloc(FileCount f) {
        return new SlocFigure(1, f.blank(), f.comment(), f.code());
    }

    /**
     * The requirements: traced items that are neither a code tag nor a link file's item. A requirement's verdict in a
     * configuration is DEFECT when OFT reports a defect, EXCLUDED when code implements it but none of that code is
     * compiled there, COVERED when OFT calls it covered, else UNCOVERED.
     */
    private static List<RequirementRow> requirements(TraceGraph graph, Map<String, ConfigurationCoverage> coverage,
            Set<String> suspectIds) {
        Set<SpecificationItemId> notRequirements = new HashSet<>();
        Map<SpecificationItemId, String> anchorOf = new HashMap<>();
        Map<SpecificationItemId, Boolean> isTest = new HashMap<>();
        for (SpecificationItem tag : graph.tagItems()) {
            notRequirements.add(tag.id());
            anchorOf.put(tag.id(), tag.location().path() + ":" + tag.location().line());
            isTest.put(tag.id(), TraceLevel.of(tag.type()) == TraceLevel.TEST);
        }
        graph.links().items().forEach(i -> notRequirements.add(i.id()));
        for (ResolvedCodeLink l : graph.links().code()) {
            anchorOf.put(l.item().id(), l.link().path() + ":" + l.link().function());
            isTest.put(l.item().id(), TraceLevel.of(l.item().type()) == TraceLevel.TEST);
        }
        Map<SpecificationItemId, List<String>> testsOf = new HashMap<>();
        for (TestLink t : graph.links().tests()) {
            testsOf.computeIfAbsent(t.requirement(), k -> new ArrayList<>()).add(t.name());
        }
        List<RequirementRow> rows = new ArrayList<>();
        for (TracedItem t : graph.trace().items()) {
            if (notRequirements.contains(t.id())) {
                continue;
            }
            List<String> anchors = new ArrayList<>();
            Set<String> tests = new LinkedHashSet<>(testsOf.getOrDefault(t.id(), List.of()));
            boolean implemented = false;
            for (SpecificationItemId by : t.coveredBy()) {
                String anchor = anchorOf.get(by);
                if (anchor == null) {
                    continue;
                }
                if (isTest.get(by)) {
                    tests.add(anchor);
                } else {
                    anchors.add(anchor);
                    implemented = true;
                }
            }
            Map<String, TraceVerdict> verdicts = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigurationCoverage> c : coverage.entrySet()) {
                TraceVerdict v;
                if (t.defect()) {
                    v = TraceVerdict.DEFECT;
                } else if (implemented && !c.getValue().applicable().contains(t.id())) {
                    v = TraceVerdict.EXCLUDED;
                } else {
                    v = t.verdict().equals("covered") ? TraceVerdict.COVERED : TraceVerdict.UNCOVERED;
                }
                verdicts.put(c.getKey(), v);
            }
            String id = t.id().toString();
            rows.add(new RequirementRow(id, t.item().type(), t.item().title(), t.item().description(),
                    t.covers().stream().map(SpecificationItemId::toString).toList(),
                    t.coveredBy().stream().map(SpecificationItemId::toString).toList(), anchors, List.copyOf(tests),
                    verdicts, suspectIds.contains(id)));
        }
        return rows;
    }

    private static List<SuspectLink> suspects(LinkSet links, SourceTree previous, FunctionIndex index,
            SpecificationImport specs) {
        SuspectLinkAnalysis.Snapshot before = new SuspectLinkAnalysis.Snapshot(FunctionIndex.of(previous),
                scan(previous).items());
        SuspectLinkAnalysis.Snapshot after = new SuspectLinkAnalysis.Snapshot(index, specs.items());
        return SuspectLinkAnalysis.compare(links.code(), before, after).stream()
                .map(s -> new SuspectLink(s.link().path() + ":" + s.link().function(), s.link().requirement().toString(),
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
                        out.put(l.name(), new TestResult(l.name(), TestOutcome.valueOf(c.outcome().name())));
                        matched.add(c);
                    }
                }
            }
        }
        for (TestResultFile f : files) {
            for (TestCaseResult c : f.cases()) {
                String name = c.className().isEmpty() ? c.name() : c.className() + "." + c.name();
                if (!matched.contains(c) && !out.containsKey(name)) {
                    out.put(name, new TestResult(name, TestOutcome.valueOf(c.outcome().name())));
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
