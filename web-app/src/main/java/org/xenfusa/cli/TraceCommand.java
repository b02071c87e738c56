package org.xenfusa.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationReport;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.trace.policy.Target;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.config.FunctionSloc;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa trace}: OpenFastTrace's verdicts on a snapshot's specification items, tags and link
 * files, and with a configuration its coverage and untraced code. Exit 1 when any item is a
 * defect, as OFT's {@code trace} does.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Trace requirements to code and tests with OpenFastTrace's rules, per configuration.")
final class TraceCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--path", defaultValue = "", description = "Only read items and tags under this folder (default: the whole tree).")
    String path;

    @Option(names = "--links", description = "A link file (YAML, see trace-linker/README.md); repeatable.")
    List<Path> links = new ArrayList<>();

    @Option(names = "--junit", description = "A JUnit XML result file of this configuration's test run; repeatable.")
    List<Path> junit = new ArrayList<>();

    /** The configuration: --arch with its starting point, overrides and toolchain, or --config-files. */
    @Mixin
    OptionalConfiguration configuration = new OptionalConfiguration();

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--policy", paramLabel = "FILE|oft|xen", description = PolicyOption.DESCRIPTION)
    String policy;

    @Option(names = "--board", paramLabel = "NAME", description = "The board (id of the board table) the configuration is for, for the"
            + " policy's board conditions.")
    String board;

    @Override
    public Integer call() throws Exception {
        configuration.check(true);
        TracePolicy tracePolicy = PolicyOption.load(policy);
        LinkSet linkSet = LinkSet.empty();
        for (Path l : links) {
            linkSet = linkSet.plus(FusaCommandLine.linkFile(l.toString(), readInput(l, "link file (--links)")));
        }
        List<TestResultFile> results = new ArrayList<>();
        for (Path j : junit) {
            try {
                results.add(JUnitXmlReader.read(j.toString(), readInput(j, "JUnit result file (--junit)")));
            } catch (EvidenceFormatException e) {
                // a result file the user gave that cannot be read is bad input, as an unreadable --links is
                throw new BadInputException("JUnit result file (--junit) unusable: " + e.getMessage(), e);
            }
        }
        if (!configuration.given() && !junit.isEmpty()) {
            throw new BadInputException("--junit needs a configuration to verify (--arch ... or --config-files)");
        }
        try (TreeSource source = TreeSource.open(repo, ref)) {
            SpecificationImport specs = SpecificationScanner.under(path).scan(source.tree());
            FunctionIndex index = FunctionIndex.of(source.tree());
            Optional<OptionalConfiguration.Chosen> chosen = configuration.resolve(source.tree(), repo, ref);
            Optional<String> arch = Optional.ofNullable(configuration.arch).map(a -> XenArch.of(a).targetArch());
            List<ConfigurationInput> configurations = chosen.map(c -> c.computed()
                    .map(r -> ConfigurationInput.of(c.label(), r, results, Optional.ofNullable(board)))
                    .orElseGet(() -> new ConfigurationInput(c.label(), c.compiledFiles(), results,
                            new Target(arch, Map.of(), Optional.ofNullable(board))))).stream().toList();
            TraceReport report = Traceability.trace(specs, linkSet, index, configurations, tracePolicy);
            List<ImportProblem> problems = new ArrayList<>(report.problems());
            problems.forEach(p -> System.err.println("fusa: " + p));
            String commit = source.tree().commit().orElse(null);
            if (json) {
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(TraceJson.of(commit, report, problems, chosen.flatMap(c -> c.computed())
                                .map(ConfigurationReport::dotConfigSha256).orElse(null))));
            } else {
                printText(System.out, commit == null ? "(folder)" : commit, report);
            }
            return TraceJson.failing(report) > 0 ? FusaCommandLine.CHECK_FAILED : FusaCommandLine.OK;
        }
    }

    private static Path requireFile(Path p, String what) {
        if (!Files.isRegularFile(p)) {
            throw new BadInputException(what + " not found: " + p);
        }
        return p;
    }

    private static byte[] readInput(Path p, String what) {
        try {
            return Files.readAllBytes(requireFile(p, what));
        } catch (IOException e) {
            throw new BadInputException("cannot read " + what + " '" + p + "': " + e.getMessage(), e);
        }
    }

    private static void printText(PrintStream out, String commit, TraceReport report) {
        out.printf("commit %s: %d requirements, %d failing (uncovered or defect)%n", commit,
                report.requirements().size(), TraceJson.failing(report));
        out.printf("trace policy %s%n", report.linked().policy().label());
        report.overallCounts().forEach((v, n) -> out.printf("  %-20s %6d%n", v.label(), n));
        for (org.xenfusa.trace.graph.TracedItem t : report.anchorDefects()) {
            out.printf("not ok  %s  %s  defect: %s%n", t.id(), t.item().location(), String.join(", ", t.problems()));
        }
        for (RequirementTrace r : report.requirements()) {
            if (r.overall() == Verdict.DEFECT || r.overall() == Verdict.UNCOVERED) {
                out.printf("not ok  %s  %s  %s: %s%n", r.id(), r.location(), r.overall().label(),
                        r.overallReason());
            }
        }
        for (ConfigurationTrace c : report.configurations()) {
            ConfigurationCoverage coverage = c.coverage();
            out.printf("configuration %s: %d compiled files in the tree (%d generated, not traceable), %d code lines,"
                    + " %d traced, %d untraced (%.1f%%)%n", c.name(), coverage.compiledFiles(), c.notInTree().size(),
                    coverage.compiledCode(), coverage.tracedCode(), coverage.untracedCode(),
                    coverage.compiledCode() == 0 ? 0.0 : 100.0 * coverage.untracedCode() / coverage.compiledCode());
            report.counts(c.name()).forEach((v, n) -> out.printf("  %-20s %6d%n", v.label(), n));
            for (RequirementTrace r : report.requirements()) {
                Verdict v = r.verdict(c.name());
                if (v == Verdict.DEFECT || v == Verdict.UNCOVERED || v == Verdict.NOT_APPLICABLE) {
                    out.printf("  %-15s %s: %s%n", v.label(), r.id(), r.reason(c.name()));
                }
            }
            out.printf("  %-8s %6s %10s %11s %8s%n", "level", "items", "applicable", "coveredDeep", "verified");
            coverage.levels().forEach(l -> out.printf("  %-8s %6d %10d %11d %8d%n", l.level(), l.items(),
                    l.applicable(), l.coveredDeep(), l.verified()));
            out.println("  biggest untraced functions:");
            for (FunctionSloc f : coverage.untracedFunctions().stream().limit(10).toList()) {
                out.printf("  %6d  %s:%d %s%n", f.code(), f.path(), f.startLine(), f.name());
            }
        }
    }
}
