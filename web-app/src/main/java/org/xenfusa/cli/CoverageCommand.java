package org.xenfusa.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.coverage.Counter;
import org.xenfusa.coverage.CoverageAnalysis;
import org.xenfusa.coverage.CoverageImport;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.CoverageCounts;
import org.xenfusa.coverage.PathMap;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.policy.Target;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.LinkedSpecification;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.spec.SpecificationScanner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa coverage}: structural coverage data of a snapshot in a configuration ({@link CoverageAnalysis}): lines,
 * branches, condition outcomes and functions per file (as gcovr reports them), function, directory, requirement and
 * configuration, the compiled functions no test ran, and the criteria the target level asks for. Exit 1 when a
 * criterion is below {@code --min-percent}, 2 when a data file is refused (the rest is still reported).
 */
@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Structural coverage per file, function, directory, requirement and configuration.")
final class CoverageCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--data", required = true, paramLabel = "FILE_OR_FOLDER", description = "Coverage data: gcov JSON"
            + " (.gcov.json.gz), gcovr JSON, lcov .info, Cobertura XML or llvm-cov export JSON, told from the content;"
            + " a folder: every coverage file in it. Repeatable.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--path-map", paramLabel = "FROM=TO", description = "Replace the build path prefix FROM by TO (an"
            + " empty TO removes it); repeatable, the longest FROM applies.")
    List<String> pathMap = new ArrayList<>();

    @Option(names = "--test", paramLabel = "NAME", description = "The test run the data came from (a test's name, file"
            + " or folder, as its links and tags name it); default: each --data argument as given.")
    String test;

    /** The configuration (--arch ... or --config-files); without one, the files the data covers. */
    @Mixin
    OptionalConfiguration configuration = new OptionalConfiguration();

    @Option(names = "--links", paramLabel = "FILE", description = "A link file (YAML); repeatable.")
    List<Path> links = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE|oft|xen", description = PolicyOption.DESCRIPTION)
    String policy;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "DAL_A", description = "The level the"
            + " configuration targets, which decides the criteria: DAL_A (statement, decision, MC/DC), DAL_B"
            + " (statement, decision), DAL_C (statement), DAL_D, DAL_E, or ASIL_A..ASIL_D through the SIG's"
            + " crosswalk (default ${DEFAULT-VALUE}).")
    String level;

    @Option(names = "--min-percent", paramLabel = "N", description = "Exit 1 when a criterion the level asks for covers"
            + " less than N percent of the compiled code, or no data measures it.")
    Double minPercent;

    @Option(names = "--show", paramLabel = "N", defaultValue = "20",
            description = "Never-executed functions to print (default ${DEFAULT-VALUE}; --json has all).")
    int show;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        configuration.check(true);
        DesignAssuranceLevel target = CoverageInputs.level(level, "--level");
        if (minPercent != null && !(minPercent >= 0 && minPercent <= 100)) {
            throw new BadInputException("--min-percent must be from 0 to 100, not " + minPercent);
        }
        if (show < 0) {
            throw new BadInputException("--show must be 0 or more, not " + show);
        }
        PathMap map = CoverageInputs.pathMap(pathMap, "--path-map");
        CoverageInputs.requireExisting(data, "--data");
        LinkSet linkSet = LinkSet.empty();
        for (Path l : links) {
            if (!Files.isRegularFile(l)) {
                throw new BadInputException("link file (--links) not found: " + l);
            }
            linkSet = linkSet.plus(FusaCommandLine.linkFile(l.toString(), Files.readAllBytes(l)));
        }
        TracePolicy tracePolicy = PolicyOption.load(policy);
        try (TreeSource source = TreeSource.open(repo, ref)) {
            List<Map.Entry<String, CoverageImport>> imports = CoverageInputs.read(source.tree(), map, data, test);
            CoverageAnalysis.Imported imported = CoverageAnalysis.Imported.of(imports);
            FunctionIndex index = FunctionIndex.of(source.tree());
            LinkedSpecification linked = Traceability.link(SpecificationScanner.under("").scan(source.tree()), linkSet,
                    index, tracePolicy);
            Optional<OptionalConfiguration.Chosen> chosen = configuration.resolve(source.tree(), repo, ref);
            Optional<String> arch = Optional.ofNullable(configuration.arch).map(a -> XenArch.of(a).targetArch());
            ConfigurationInput input = chosen.map(c -> c.computed()
                    .map(r -> ConfigurationInput.of(c.label(), r, List.of(), Optional.empty()))
                    .orElseGet(() -> new ConfigurationInput(c.label(), c.compiledFiles(), List.of(),
                            new Target(arch, Map.of(), Optional.empty()))))
                    .orElseGet(() -> new ConfigurationInput("files the data covers (no configuration given)",
                            imported.dataSets().stream().flatMap(s -> s.data().files().keySet().stream()).distinct()
                                    .sorted().toList(),
                            List.of()));
            ConfigurationTrace trace = Traceability.configuration(linked, input);
            CoverageReport report = CoverageAnalysis.analyse(source.tree().commit().orElse(""), linked, trace, imported,
                    target);
            report.problems().forEach(p -> System.err.println("fusa: " + p));
            boolean refused = imports.stream().anyMatch(e -> e.getValue().isRefused());
            if (json) {
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(CoverageJson.of(report)));
            } else {
                print(System.out, report, show);
            }
            if (refused) {
                return FusaCommandLine.BAD_INPUT;
            }
            return minPercent != null && !meets(report, minPercent) ? FusaCommandLine.CHECK_FAILED
                    : FusaCommandLine.OK;
        } catch (IOException e) {
            throw new BadInputException("cannot read coverage data: " + e.getMessage(), e);
        }
    }

    /** Whether every criterion the level asks for is measured and covers at least {@code min} percent. */
    static boolean meets(CoverageReport report, double min) {
        return report.criteria().stream().allMatch(c -> c.measured() && c.counter().percent() >= min);
    }

    static void print(PrintStream out, CoverageReport r, int show) {
        out.printf("commit %s, configuration %s, level %s: %d data sets%n",
                r.commit().isEmpty() ? "(folder)" : r.commit(), r.configuration(), r.level().label(), r.dataSets().size());
        r.dataSets().forEach(d -> out.printf("  %s: %s (%s%s), %d files, sha256 %s%n", d.test(), d.source().name(),
                d.source().format(), d.source().tool().isEmpty() ? ""
                        : ", " + d.source().tool() + " " + d.source().toolVersion(),
                d.source().files(), d.source().sha256()));
        out.printf("  %-52s %17s %17s %17s %17s%n", "file", "lines", "branches", "conditions", "functions");
        r.files().forEach(f -> out.printf("  %-52s %s%n", f.path() + (f.compiled() ? "" : " (not compiled)"),
                row(f.figures())));
        out.println("  directories:");
        r.directories().forEach(d -> out.printf("  %-52s %s%n", d.directory(), row(d.figures())));
        CoverageReport.CompiledFigures c = r.compiled();
        out.printf("compiled code: %d files, %d SLOC; %d files with data, %d SLOC (%s)%n", c.files(), c.sloc(),
                c.filesWithData(), c.slocWithData(), Double.isNaN(c.slocWithDataPercent()) ? "-"
                        : String.format(java.util.Locale.ROOT, "%.1f%%", c.slocWithDataPercent()));
        out.printf("  %-52s %s%n", "compiled files with data", row(c.figures()));
        out.printf("never executed: %d compiled functions%n", c.neverExecuted().size());
        c.neverExecuted().stream().limit(show).forEach(f -> out.printf("  %5d SLOC  %s:%d %s%s%n", f.sloc(), f.path(),
                f.startLine(), f.name(), f.figures().lines().total() == 0 ? " (no data)" : ""));
        if (!r.requirements().isEmpty()) {
            out.printf("  %-40s %23s %23s%n", "requirement", "lines by its tests", "lines by all tests");
            r.requirements().forEach(q -> out.printf("  %-40s %23s %23s%n", q.id(), counter(q.byItsTests().lines()),
                    counter(q.byAllTests().lines())));
        }
        r.criteria().forEach(k -> out.printf("%s %s coverage (%s) of compiled code: %s%n", r.level().label(),
                k.criterion().label(), k.criterion().measure(), k.measured() ? counter(k.counter())
                        : "not measured (no data has " + k.criterion().measure() + ")"));
        if (!r.notInSnapshot().isEmpty()) {
            out.printf("not in the snapshot (listed, not counted): %d files%n", r.notInSnapshot().size());
            r.notInSnapshot().stream().limit(show).forEach(p -> out.println("  " + p));
        }
        r.unmapped().forEach(p -> out.println("no --path-map places build path " + p));
    }

    private static String row(CoverageCounts f) {
        return String.format("%17s %17s %17s %17s", counter(f.lines()), counter(f.branches()), counter(f.conditions()),
                counter(f.functions()));
    }

    private static String counter(Counter c) {
        return c.covered() + "/" + c.total() + " " + c.percentText();
    }
}
