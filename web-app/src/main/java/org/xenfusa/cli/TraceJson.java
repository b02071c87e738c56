package org.xenfusa.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationItemId;

/**
 * What {@code fusa trace --json} prints: the trace report as records, written by Jackson. Verdicts are the report's
 * labels ({@code covered}, {@code nothing required}, ...); OpenFastTrace's own word is {@code oftVerdict}.
 */
record TraceJson(String commit, int requirements, long failing, Map<String, Long> verdicts, List<Item> items,
        List<Problem> problems, List<Configuration> configurations, Policy policy, List<AnchorDefect> anchorDefects) {

    /** A tag in the code (or a link's item) that is a defect: orphaned, outdated, predated, ambiguous, unwanted. */
    record AnchorDefect(String id, Location location, List<String> problems) {
    }

    /** The trace policy the verdicts follow. */
    record Policy(String name, String version, String sha256) {
    }

    record Location(String path, int line) {
    }

    record Link(String kind, String anchor, String artifactType, String state, String declaredAt, boolean counts) {
    }

    record PerConfiguration(String verdict, String verification, String reason) {
    }

    record Item(String id, String type, String level, String title, Location location, String status,
            List<String> needs, List<String> covers, List<String> coveredBy, String oftVerdict, List<String> problems,
            String verdict, List<Link> links, Map<String, PerConfiguration> configurations, String reason) {
    }

    record Problem(String path, int line, String message) {
    }

    record Level(String level, int items, int applicable, int coveredDeep, int verified) {
    }

    record Directory(String directory, int files, int code, int tracedCode, int untracedCode) {
    }

    record Function(String path, String name, int startLine, int endLine, int code) {
    }

    record Evidence(String test, String outcome, String resultFile, String sha256) {
    }

    record Verification(String state, List<Evidence> evidence) {
    }

    record Configuration(String name, String dotConfigSha256, Map<String, Long> verdicts, int compiledFiles,
            List<String> generatedNotInTree, int compiledCode, int tracedCode, int untracedCode, List<String> applicable,
            List<Level> levels, List<Directory> directories, List<Function> untracedFunctions,
            Map<String, Verification> verification) {
    }

    /** Requirements whose verdict is uncovered or defect, overall or in any configuration: they fail the trace. */
    /** Requirements uncovered or a defect (overall or in a configuration), and tags or links that are defects. */
    static long failing(TraceReport report) {
        return report.requirements().stream().filter(r -> bad(r.overall())
                || r.configurations().values().stream().anyMatch(v -> bad(v.verdict()))).count()
                + report.anchorDefects().size();
    }

    private static boolean bad(Verdict v) {
        return v == Verdict.UNCOVERED || v == Verdict.DEFECT;
    }

    static TraceJson of(String commit, TraceReport report, List<ImportProblem> problems, String dotConfigSha256) {
        List<Item> items = report.requirements().stream().map(TraceJson::item).toList();
        List<Configuration> configurations = report.configurations().stream()
                .map(c -> configuration(c, report, dotConfigSha256)).toList();
        org.xenfusa.trace.policy.TracePolicy policy = report.linked().policy();
        return new TraceJson(commit, report.requirements().size(), failing(report), labels(report.overallCounts()),
                items, problems.stream().map(p -> new Problem(p.location().path(), p.location().line(), p.message()))
                        .toList(), configurations, new Policy(policy.name(), policy.version(), policy.sha256()),
                report.anchorDefects().stream().map(t -> new AnchorDefect(t.id().toString(), new Location(
                        t.item().location().path(), t.item().location().line()), t.problems())).toList());
    }

    private static Map<String, Long> labels(Map<Verdict, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.forEach((v, n) -> out.put(v.label(), n));
        return out;
    }

    private static Item item(RequirementTrace r) {
        int colon = r.location().lastIndexOf(':');
        Location at = colon < 0 ? new Location(r.location(), 0)
                : new Location(r.location().substring(0, colon), parse(r.location().substring(colon + 1)));
        Map<String, PerConfiguration> per = new LinkedHashMap<>();
        r.configurations().forEach((name, v) -> per.put(name, new PerConfiguration(v.verdict().label(),
                v.verification().name().toLowerCase(Locale.ROOT).replace('_', ' '), v.reason())));
        return new Item(r.id(), r.type(), r.level().toString(), r.title(), at, r.status(), r.needs(), r.covers(),
                r.coveredBy(), r.oftVerdict(), r.problems(), r.overall().label(),
                r.links().stream().map(l -> new Link(l.kind().name().toLowerCase(Locale.ROOT), l.anchor(),
                        l.artifactType(), l.stateLabel(), l.declaredAt(), l.counts())).toList(),
                per, r.overallReason());
    }

    private static int parse(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Configuration configuration(ConfigurationTrace c, TraceReport report, String dotConfigSha256) {
        ConfigurationCoverage cov = c.coverage();
        Map<String, Verification> verification = new TreeMap<>();
        c.verification().forEach((id, v) -> verification.put(id.toString(), new Verification(
                v.state().name().toLowerCase(Locale.ROOT), v.evidence().stream().flatMap(e -> e.results().stream()
                        .map(f -> new Evidence(e.test().name(), f.result().outcome().name().toLowerCase(Locale.ROOT),
                                f.resultFile(), f.sha256())))
                        .toList())));
        return new Configuration(c.name(), dotConfigSha256, labels(report.counts(c.name())), cov.compiledFiles(),
                c.notInTree(), cov.compiledCode(), cov.tracedCode(), cov.untracedCode(),
                cov.applicable().stream().map(SpecificationItemId::toString).sorted().toList(),
                cov.levels().stream().map(l -> new Level(l.level().toString(), l.items(), l.applicable(),
                        l.coveredDeep(), l.verified())).toList(),
                cov.directories().stream().map(d -> new Directory(d.directory(), d.files(), d.code(), d.tracedCode(),
                        d.untracedCode())).toList(),
                cov.untracedFunctions().stream().map(f -> new Function(f.path(), f.name(), f.startLine(), f.endLine(),
                        f.code())).toList(),
                verification);
    }
}
