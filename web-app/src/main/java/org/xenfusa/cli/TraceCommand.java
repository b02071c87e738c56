package org.xenfusa.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.trace.config.ConfigurationAnalysis;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.config.FunctionSloc;
import org.xenfusa.trace.config.LevelCoverage;
import org.xenfusa.trace.evidence.EvidenceFormatException;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.RequirementVerification;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.evidence.TestVerification;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.xenfusa.trace.spec.SpecificationScanner;

import picocli.CommandLine.Command;
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

    @Option(names = "--arch", description = "Architecture of the configuration (x86_64, arm64, ...).")
    String arch;

    @Option(names = "--defconfig", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "With --arch: the configuration of arch/<arch>/configs/<arch>_defconfig, or another file there "
                    + "(the default when --arch is given without --config-files).")
    String defconfig;

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "With --arch: set a symbol (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--toolchain", paramLabel = "PROFILE",
            description = "With --arch: shipped toolchain profile name or a profile file (default: Debian 12 GCC 12 for the arch).")
    String toolchain;

    @Option(names = "--config-files", description = "The configuration's compiled files, one path per line "
            + "(as config-sloc's compiledFiles or make cloc's list).")
    Path configFiles;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    /** The .config's SHA-256 when the configuration was computed here, to name it in evidence. */
    private String dotConfigSha256;

    @Override
    public Integer call() throws Exception {
        if (configFiles != null && (defconfig != null || !set.isEmpty())) {
            throw new BadInputException("give the configuration either as --arch with --defconfig/--set, or as --config-files");
        }
        if (arch == null && (defconfig != null || !set.isEmpty() || toolchain != null)) {
            throw new BadInputException("--defconfig, --set and --toolchain need --arch");
        }
        LinkSet linkSet = LinkSet.empty();
        for (Path l : links) {
            linkSet = linkSet.plus(LinkFileReader.read(l.toString(), readInput(l, "link file (--links)")));
        }
        List<String> compiled = null;
        if (configFiles != null) {
            compiled = Files.readAllLines(requireFile(configFiles, "compiled-file list (--config-files)")).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        }
        List<TestResultFile> results = new ArrayList<>();
        List<ImportProblem> evidenceProblems = new ArrayList<>();
        for (Path j : junit) {
            try {
                results.add(JUnitXmlReader.read(j.toString(), readInput(j, "JUnit result file (--junit)")));
            } catch (EvidenceFormatException e) {
                evidenceProblems.add(new ImportProblem(e.location(), e.getMessage().substring(e.location().toString().length() + 2)));
            }
        }
        try (TreeSource source = TreeSource.open(repo, ref)) {
            SpecificationImport specs = SpecificationScanner.under(path).scan(source.tree());
            FunctionIndex index = FunctionIndex.of(source.tree());
            if (compiled == null && arch != null) {
                compiled = compiledFiles(source);
            }
            TraceGraph graph = TraceGraph.build(specs, linkSet, index);
            List<ImportProblem> problems = new ArrayList<>(graph.problems());
            problems.addAll(evidenceProblems);
            Map<SpecificationItemId, RequirementVerification> verification =
                    TestVerification.verify(graph.links().tests(), results);
            ConfigurationCoverage coverage = compiled == null ? null
                    : new ConfigurationAnalysis().analyse(graph, index, compiled, verification);
            long defects = graph.trace().defects();
            problems.forEach(p -> System.err.println("fusa: " + p));
            if (json) {
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(toJson(source.tree().commit().orElse(null), graph, coverage,
                                verification, problems)));
            } else {
                printText(System.out, source.tree().commit().orElse("(folder)"), graph, coverage);
            }
            return defects > 0 ? FusaCommandLine.CHECK_FAILED : FusaCommandLine.OK;
        }
    }

    /** The files {@code make cloc} would count for --arch, --defconfig and --set, as {@code fusa config-sloc} computes them. */
    private List<String> compiledFiles(TreeSource source) {
        ConfigurationOptions options = new ConfigurationOptions();
        options.repo = repo;
        options.ref = ref;
        options.arch = arch;
        options.toolchain = toolchain;
        options.set = set;
        options.start = new ConfigurationOptions.Start();
        options.start.defconfig = defconfig == null ? "" : defconfig;
        ConfigurationCounter counter = ConfigurationCounter.of(source.tree());
        if (source.tree().file(counter.xenFolder() + "Kconfig").isEmpty()) {
            throw new BadInputException("no Kconfig found in " + repo + (ref == null ? "" : " at " + ref)
                    + " (give the compiled files with --config-files instead)");
        }
        ConfigurationRequest request;
        try {
            request = options.request(counter);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage() + " (or give the compiled files with --config-files)", e);
        }
        ConfigurationReport report = counter.report(request);
        report.warnings().forEach(w -> System.err.println("fusa: warning: " + w));
        dotConfigSha256 = report.dotConfigSha256();
        return report.compiledFiles();
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

    private Map<String, Object> toJson(String commit, TraceGraph graph, ConfigurationCoverage coverage,
            Map<SpecificationItemId, RequirementVerification> verification, List<ImportProblem> problems) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("commit", commit);
        List<Map<String, Object>> items = new ArrayList<>();
        for (TracedItem t : graph.trace().items()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", t.id().toString());
            i.put("type", t.item().type());
            i.put("title", t.item().title());
            i.put("location", Map.of("path", t.item().location().path(), "line", t.item().location().line()));
            i.put("status", t.item().status().toString());
            i.put("needs", t.item().needs());
            i.put("covers", t.covers().stream().map(SpecificationItemId::toString).toList());
            i.put("coveredBy", t.coveredBy().stream().map(SpecificationItemId::toString).toList());
            i.put("verdict", t.verdict());
            i.put("problems", t.problems());
            i.put("deepCoverage", t.deepCoverage().name().toLowerCase(java.util.Locale.ROOT));
            i.put("uncoveredTypes", t.uncoveredTypes());
            i.put("defect", t.defect());
            RequirementVerification v = verification.get(t.id());
            if (v != null) {
                i.put("verification", v.state().name().toLowerCase(java.util.Locale.ROOT));
            }
            items.add(i);
        }
        root.put("items", items);
        root.put("defects", graph.trace().defects());
        root.put("problems", problems.stream().map(p -> Map.of("path", p.location().path(), "line",
                p.location().line(), "message", p.message())).toList());
        if (!verification.isEmpty()) {
            Map<String, Object> ver = new LinkedHashMap<>();
            verification.forEach((id, v) -> ver.put(id.toString(), Map.of("state",
                    v.state().name().toLowerCase(java.util.Locale.ROOT), "evidence", v.evidence().stream()
                            .flatMap(e -> e.results().stream().map(f -> Map.of("test", e.test().name(), "outcome",
                                    f.result().outcome().name().toLowerCase(java.util.Locale.ROOT), "resultFile",
                                    f.resultFile(), "sha256", f.sha256())))
                            .toList())));
            root.put("verification", ver);
        }
        if (coverage != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("arch", arch);
            if (dotConfigSha256 != null) {
                c.put("defconfig", defconfig == null || defconfig.isEmpty() ? "(default)" : defconfig);
                c.put("set", set);
                c.put("dotConfigSha256", dotConfigSha256);
            }
            c.put("compiledFiles", coverage.compiledFiles());
            c.put("compiledCode", coverage.compiledCode());
            c.put("tracedCode", coverage.tracedCode());
            c.put("untracedCode", coverage.untracedCode());
            c.put("applicable", coverage.applicable().stream().map(SpecificationItemId::toString).sorted().toList());
            Map<String, Object> levels = new LinkedHashMap<>();
            for (LevelCoverage l : coverage.levels()) {
                levels.put(l.level().toString(), Map.of("items", l.items(), "applicable", l.applicable(),
                        "coveredDeep", l.coveredDeep(), "verified", l.verified()));
            }
            c.put("levels", levels);
            Map<String, Object> dirs = new TreeMap<>();
            coverage.directories().forEach(d -> dirs.put(d.directory(), Map.of("files", d.files(), "code", d.code(),
                    "tracedCode", d.tracedCode(), "untracedCode", d.untracedCode())));
            c.put("directories", dirs);
            c.put("untracedFunctions", coverage.untracedFunctions().stream().map(f -> Map.of("path", f.path(),
                    "name", f.name(), "startLine", f.startLine(), "endLine", f.endLine(), "code", f.code())).toList());
            root.put("configuration", c);
        }
        return root;
    }

    private static void printText(PrintStream out, String commit, TraceGraph graph, ConfigurationCoverage coverage) {
        Map<String, Integer> byVerdict = new TreeMap<>();
        graph.trace().items().forEach(t -> byVerdict.merge(t.verdict(), 1, Integer::sum));
        out.printf("commit %s: %d items, %d defects%n", commit, graph.trace().items().size(), graph.trace().defects());
        byVerdict.forEach((v, n) -> out.printf("  %-20s %6d%n", v, n));
        for (TracedItem t : graph.trace().items()) {
            if (t.defect()) {
                out.printf("not ok  %s  %s  %s%n", t.id(), t.item().location(), String.join(", ", t.problems()));
            }
        }
        if (coverage != null) {
            out.printf("configuration: %d compiled files, %d code lines, %d traced, %d untraced (%.1f%%)%n",
                    coverage.compiledFiles(), coverage.compiledCode(), coverage.tracedCode(), coverage.untracedCode(),
                    coverage.compiledCode() == 0 ? 0.0 : 100.0 * coverage.untracedCode() / coverage.compiledCode());
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
