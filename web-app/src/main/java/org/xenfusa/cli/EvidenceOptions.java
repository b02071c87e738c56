package org.xenfusa.cli;

import java.nio.charset.StandardCharsets;

import org.xenfusa.coverage.CoverageAnalysis;
import org.xenfusa.coverage.CoverageImport;
import org.xenfusa.coverage.CoverageReport;
import org.xenfusa.coverage.PathMap;
import org.xenfusa.misra.FindingsImport;
import org.xenfusa.misra.FindingsImporter;
import org.xenfusa.misra.MisraAnalysis;
import org.xenfusa.misra.MisraRecords;
import org.xenfusa.misra.MisraRecordsReader;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraScope;
import org.xenfusa.sloc.tree.SourceTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.EvidenceContext;
import org.xenfusa.exports.model.PolicyRef;
import org.xenfusa.trace.policy.TracePolicy;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.sloc.boards.Board;
import org.xenfusa.sloc.boards.BoardCatalog;
import org.xenfusa.sloc.boards.BoardConfigurations;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.exports.ToolVersion;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.assembly.EvidenceAssembler.NamedReport;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.report.ConfigurationTrace;
import org.xenfusa.trace.report.TraceReport;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The analysis options of {@code fusa export} and {@code fusa readiness}: a repository and ref, one or more
 * configurations (each {@code --arch} starts one, as in {@code fusa config-sloc}) or boards, link files and JUnit
 * results. Builds the same evidence the web app builds, without Spring.
 */
final class EvidenceOptions {
    @Option(names = "--repo", description = "Repository path, folder or URL (instead of --input).")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD).")
    String ref;

    @ArgGroup(exclusive = false, multiplicity = "0..*",
            heading = "Configurations (repeatable; each starts with --arch):%n")
    List<ConfigurationChoice> configurations = new ArrayList<>();

    @Option(names = "--board", paramLabel = "ID", description = "A board of the shipped table: its minimal "
            + "configuration (repeatable).")
    List<String> boards = new ArrayList<>();

    @Option(names = "--policy", paramLabel = "FILE|oft|xen", description = PolicyOption.DESCRIPTION)
    String policy;

    @Option(names = "--links", paramLabel = "FILE", description = "A link file (YAML); repeatable.")
    List<Path> links = new ArrayList<>();

    @Option(names = "--junit", paramLabel = "FILE", description = "A JUnit XML result file; repeatable.")
    List<Path> junit = new ArrayList<>();

    @Option(names = "--misra-findings", paramLabel = "FILE", description = "MISRA C findings (SARIF 2.1.0, cppcheck XML"
            + " 2 or xen-analysis.py's text report), counted in every configuration that compiles their files;"
            + " repeatable. Without it, a tree with Xen's MISRA records still gets its MISRA C section.")
    List<Path> misraFindings = new ArrayList<>();

    @Option(names = "--coverage-data", paramLabel = "FILE_OR_FOLDER", description = "Structural coverage data of --ref"
            + " (gcov JSON, gcovr JSON, lcov .info, Cobertura XML, llvm-cov export JSON; a folder: every coverage file"
            + " in it), applied to every configuration; repeatable. The documents get a structural coverage"
            + " chapter/sheets, the package the data files byte for byte.")
    List<Path> coverageData = new ArrayList<>();

    @Option(names = "--coverage-path-map", paramLabel = "FROM=TO", description = "Replace the build path prefix FROM"
            + " of the coverage data by TO (an empty TO removes it); repeatable, the longest FROM applies.")
    List<String> coveragePathMap = new ArrayList<>();

    @Option(names = "--coverage-test", paramLabel = "NAME", description = "The test run the coverage data came from"
            + " (a test's name, file or folder, as its links and tags name it); default: each --coverage-data"
            + " argument as given.")
    String coverageTest;

    @Option(names = "--level", paramLabel = "LEVEL", description = "The level the configurations target, which decides"
            + " the coverage criteria and gates: DAL_A (statement, decision, MC/DC; the default with"
            + " --coverage-data), DAL_B, DAL_C (statement), DAL_D, DAL_E, or ASIL_A..ASIL_D through the SIG's"
            + " crosswalk. Without --coverage-data, the coverage gates then say the data is missing.")
    String level;

    @Option(names = "--generated-at", paramLabel = "INSTANT", description = "The time the documents state, e.g. "
            + "2025-06-01T12:00:00Z (default: SOURCE_DATE_EPOCH, else now), so that a rebuild gives the same bytes.")
    String generatedAt;

    @Option(names = "--dashboard-url", paramLabel = "URL", description = "Base URL of the dashboard the documents link to.")
    String dashboardUrl;

    /** One configuration: the options of {@code fusa config-sloc}, and an optional name for the documents. */
    static final class ConfigurationChoice {
        @Option(names = "--arch", required = true, description = "x86_64, arm64, arm32, riscv64 or ppc64.")
        String arch;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        ConfigurationOptions.Start start;

        @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "Set a symbol (repeatable).")
        List<String> set = new ArrayList<>();

        @Option(names = "--toolchain", paramLabel = "PROFILE", description = "Toolchain profile name or file.")
        String toolchain;

        @Option(names = "--name", description = "The configuration's name in the documents (default arch-start).")
        String name;

        ConfigurationOptions asOptions(String repo, String ref) {
            return ConfigurationOptions.of(repo, ref, arch, ConfigurationOptions.StartingPoint.of(start, set, toolchain));
        }

        String documentName(org.xenfusa.sloc.config.ConfigurationRequest request) {
            if (name != null && !name.isBlank()) {
                return name;
            }
            return request.label();
        }
    }

    boolean given() {
        return repo != null;
    }

    /** Refuses analysis options that were given with {@code --input} (they would be silently ignored). */
    void requireAbsent(String why) {
        if (repo != null || ref != null || !configurations.isEmpty() || !boards.isEmpty() || !links.isEmpty()
                || !junit.isEmpty() || policy != null || !misraFindings.isEmpty() || !coverageData.isEmpty()
                || !coveragePathMap.isEmpty() || coverageTest != null || level != null) {
            throw new BadInputException(why);
        }
    }

    /** The evidence of {@code at} (the --ref, or another ref such as --previous); suspect links since {@code since}. */
    ReleaseEvidence evidence(String at, Optional<String> since) {
        if (configurations.isEmpty() && boards.isEmpty()) {
            throw new BadInputException("name at least one configuration (--arch A [--defconfig|--allno|...]) or --board");
        }
        List<AttachedFile> linkFiles = read(links, AttachmentKind.LINKS, "link file (--links)");
        // an unusable link file is bad input here too, not an evidence that silently lacks its links
        linkFiles.forEach(f -> FusaCommandLine.linkFile(f.name(), f.text().getBytes(StandardCharsets.UTF_8)));
        List<AttachedFile> junitFiles = read(junit, AttachmentKind.TEST_RESULTS, "JUnit result file (--junit)");
        // the findings are of --ref: an earlier release (--previous) gets its own records only
        List<AttachedFile> findingsFiles = java.util.Objects.equals(at, ref) ? read(misraFindings,
                AttachmentKind.MISRA_FINDINGS, "findings file (--misra-findings)") : List.of();
        // the coverage data is of --ref too; its options are checked before the (long) analysis
        boolean coverageOfThisRef = java.util.Objects.equals(at, ref) && (!coverageData.isEmpty() || level != null);
        if (coverageData.isEmpty() && (!coveragePathMap.isEmpty() || coverageTest != null)) {
            throw new BadInputException("--coverage-path-map and --coverage-test go with --coverage-data");
        }
        DesignAssuranceLevel target = CoverageInputs.level(level, "--level");
        PathMap coverageMap = CoverageInputs.pathMap(coveragePathMap, "--coverage-path-map");
        CoverageInputs.requireExisting(coverageData, "--coverage-data");
        EffortModel model = EffortModel.xenFusaSig();
        TracePolicy tracePolicy = PolicyOption.load(policy);
        try (TreeSource source = TreeSource.open(repo, at)) {
            ConfigurationCounter counter = ConfigurationCounter.of(source.tree());
            List<NamedReport> reports = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (ConfigurationChoice c : configurations) {
                ConfigurationOptions o = c.asOptions(repo, at);
                var request = o.request(counter);
                String name = c.documentName(request);
                if (!names.add(name)) {
                    throw new BadInputException("two configurations are named " + name + ": give one of them --name");
                }
                System.err.printf("fusa: configuration %s ...%n", name);
                reports.add(new NamedReport(name, Optional.empty(), counter.report(request)));
            }
            BoardCatalog catalog = BoardCatalog.shipped();
            for (String id : boards) {
                Board b = catalog.board(id).orElseThrow(() -> new BadInputException("unknown board '" + id
                        + "'; the table has: " + String.join(", ", catalog.boards().stream().map(Board::id).toList())));
                System.err.printf("fusa: board %s ...%n", id);
                reports.add(new NamedReport("minimal-" + id, Optional.of(b.title()),
                        new BoardConfigurations(counter).minimal(List.of(b)).report(), Optional.of(id)));
            }
            String commit = source.tree().commit().orElse("(folder, no commit)");
            EvidenceContext context = new EvidenceContext(repo, at == null ? "HEAD" : at, commit, ToolVersion.NAME,
                    time(), EvidenceAssembler.describe(model), dashboardUrl == null ? "" : dashboardUrl,
                    Optional.empty(), PolicyRef.of(tracePolicy));
            System.err.println("fusa: tracing requirements and tags ...");
            LinkSet linkSet = EvidenceAssembler.links(linkFiles);
            List<TestResultFile> results = EvidenceAssembler.results(junitFiles);
            Map<String, List<TestResultFile>> resultsByConfiguration = new HashMap<>();
            reports.forEach(r -> resultsByConfiguration.put(r.name(), results));
            TraceReport trace = EvidenceAssembler.trace(source.tree(), linkSet, reports, resultsByConfiguration,
                    tracePolicy);
            List<AttachedFile> attachments = new ArrayList<>(linkFiles);
            attachments.addAll(junitFiles);
            attachments.add(new AttachedFile(AttachmentKind.OTHER, "trace-inputs.txt", "Trace inputs: the"
                    + " requirements and coverage tags of the tree at " + commit + "; " + linkFiles.size()
                    + " link file(s) (reviewed links counted, draft links listed but never counted) and "
                    + junitFiles.size() + " JUnit result file(s), given on the command line and attached; the same"
                    + " test results apply to every configuration; trace policy " + tracePolicy.label() + ".\n"));
            List<SuspectLinkRow> suspects = List.of();
            if (since.isPresent()) {
                try (TreeSource before = TreeSource.open(repo, since.get())) {
                    suspects = EvidenceAssembler.suspects(linkSet, source.tree(), before.tree());
                }
            }
            List<MisraReport> misra = misra(source.tree(), reports, findingsFiles, commit, attachments);
            List<CoverageReport> coverage = coverageOfThisRef ? coverage(source.tree(), trace, reports, target,
                    coverageMap, attachments) : List.of();
            return EvidenceAssembler.assemble(context, reports, model, trace, suspects, attachments, misra, coverage);
        } catch (BadInputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new BadInputException("cannot read " + repo + ": " + e.getMessage(), e);
        }
    }

    /**
     * The change impact from {@code since} to {@code at} of every configuration and board, as {@code fusa impact}
     * computes it (the link files given here), for the documents' section on the previous release.
     */
    List<org.xenfusa.trace.impact.ImpactReport> impacts(String at, String since) {
        LinkSet linkSet = EvidenceAssembler.links(read(links, AttachmentKind.LINKS, "link file (--links)"));
        List<org.xenfusa.trace.impact.ImpactReport> out = new ArrayList<>();
        try (TreeSource later = TreeSource.open(repo, at); TreeSource earlier = TreeSource.open(repo, since)) {
            org.xenfusa.trace.function.FunctionIndex indexFrom = org.xenfusa.trace.function.FunctionIndex.of(earlier.tree());
            org.xenfusa.trace.function.FunctionIndex indexTo = indexFrom.forTree(later.tree());
            var itemsFrom = org.xenfusa.trace.spec.SpecificationScanner.under("").scan(earlier.tree()).items();
            var itemsTo = org.xenfusa.trace.spec.SpecificationScanner.under("").scan(later.tree()).items();
            ConfigurationCounter counterFrom = ConfigurationCounter.of(earlier.tree());
            ConfigurationCounter counterTo = ConfigurationCounter.of(later.tree());
            List<String> names = new ArrayList<>();
            List<org.xenfusa.sloc.config.ConfigurationReport[]> pairs = new ArrayList<>();
            for (ConfigurationChoice c : configurations) {
                var requestTo = c.asOptions(repo, at).request(counterTo);
                names.add(c.documentName(requestTo));
                pairs.add(new org.xenfusa.sloc.config.ConfigurationReport[] {
                    counterFrom.report(c.asOptions(repo, since).request(counterFrom)), counterTo.report(requestTo)});
            }
            BoardCatalog catalog = BoardCatalog.shipped();
            for (String id : boards) {
                Board b = catalog.board(id).orElseThrow(() -> new BadInputException("unknown board '" + id + "'"));
                names.add("minimal-" + id);
                pairs.add(new org.xenfusa.sloc.config.ConfigurationReport[] {
                    new BoardConfigurations(counterFrom).minimal(List.of(b)).report(),
                    new BoardConfigurations(counterTo).minimal(List.of(b)).report()});
            }
            for (int i = 0; i < names.size(); i++) {
                System.err.printf("fusa: change impact of %s since %s ...%n", names.get(i), since);
                out.add(org.xenfusa.trace.impact.ChangeImpact.compare(names.get(i),
                        org.xenfusa.trace.impact.ChangeImpact.Side.of(since, indexFrom, pairs.get(i)[0], itemsFrom),
                        org.xenfusa.trace.impact.ChangeImpact.Side.of(at == null ? "HEAD" : at, indexTo,
                                pairs.get(i)[1], itemsTo),
                        linkSet.code(), linkSet.tests(), Optional.of(EffortModel.xenFusaSig())));
            }
            return out;
        } catch (IOException e) {
            throw new BadInputException("cannot read " + repo + ": " + e.getMessage(), e);
        }
    }

    Instant time() {
        if (generatedAt != null) {
            try {
                return Instant.parse(generatedAt);
            } catch (DateTimeParseException e) {
                throw new BadInputException("--generated-at " + generatedAt + ": not an instant such as "
                        + "2025-06-01T12:00:00Z");
            }
        }
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && epoch.matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(epoch));
        }
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * The MISRA C report of every configuration (as {@code fusa misra} computes it, at its default limit) when the tree
     * has Xen's MISRA records or findings were given; the record and findings files join the attachments. A findings
     * file that cannot be read as a whole is bad input; a finding that cannot be placed is a warning, and a problem in
     * the report.
     */
    private static List<MisraReport> misra(SourceTree tree, List<NamedReport> reports, List<AttachedFile> findings,
            String commit, List<AttachedFile> attachments) {
        List<AttachedFile> records = EvidenceAssembler.misraRecords(tree);
        if (records.isEmpty() && findings.isEmpty()) {
            return List.of();
        }
        System.err.println("fusa: MISRA C records and findings ...");
        MisraRecords read = MisraRecordsReader.read(tree);
        FindingsImporter importer = new FindingsImporter(MisraAnalysis.paths(tree));
        FindingsImport imported = FindingsImport.empty();
        for (AttachedFile f : findings) {
            FindingsImport one = importer.read(f.name(), f.text().getBytes(StandardCharsets.UTF_8));
            if (one.sources().isEmpty()) {
                throw new BadInputException(one.problems().get(0).toString());
            }
            imported = imported.plus(one);
        }
        imported.problems().forEach(p -> System.err.println("fusa: warning: " + p));
        List<MisraReport> out = new ArrayList<>();
        for (NamedReport r : reports) {
            out.add(MisraAnalysis.analyse(commit, read, imported, MisraScope.of(r.name(), r.report()),
                    MisraAnalysis.Limits.STRICT, Optional.empty()));
        }
        attachments.addAll(findings);
        attachments.addAll(records);
        return out;
    }

    /**
     * The structural coverage report of every configuration, as {@code fusa coverage} computes it (the same import and
     * {@link CoverageAnalysis#analyse}), at the level given; the data files join the attachments byte for byte. A data
     * file that cannot be read as a whole is bad input; what could not be placed is a warning, and a problem in the
     * report.
     */
    private List<CoverageReport> coverage(SourceTree tree, TraceReport trace, List<NamedReport> reports,
            DesignAssuranceLevel target, PathMap map, List<AttachedFile> attachments) throws IOException {
        System.err.println("fusa: structural coverage at " + target.label() + " ...");
        List<Map.Entry<String, CoverageImport>> imports = CoverageInputs.read(tree, map, coverageData, coverageTest);
        for (Map.Entry<String, CoverageImport> i : imports) {
            if (i.getValue().isRefused()) {
                throw new BadInputException(i.getValue().problems().isEmpty() ? "coverage data refused"
                        : i.getValue().problems().get(0).toString());
            }
        }
        CoverageAnalysis.Imported imported = CoverageAnalysis.Imported.of(imports);
        // the importer's problems name unmapped build paths by folder, with the --path-map that would place them
        imported.problems().forEach(p -> System.err.println("fusa: warning: " + p));
        List<CoverageReport> out = new ArrayList<>();
        for (NamedReport r : reports) {
            ConfigurationTrace configuration = trace.configuration(r.name()).orElseThrow(
                    () -> new IllegalStateException("the trace has no configuration " + r.name()));
            out.add(CoverageAnalysis.analyse(tree.commit().orElse(""), trace.linked(), configuration, imported,
                    target));
        }
        attachments.addAll(CoverageInputs.dataFiles(imported));
        return out;
    }

    private static List<AttachedFile> read(List<Path> files, AttachmentKind kind, String what) {
        List<AttachedFile> out = new ArrayList<>();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException(what + " not found: " + p);
            }
            try {
                out.add(EvidenceAssembler.attachment(kind, p.toString(), Files.readAllBytes(p)));
            } catch (IOException e) {
                throw new BadInputException("cannot read " + what + " '" + p + "': " + e.getMessage(), e);
            }
        }
        return out;
    }
}
