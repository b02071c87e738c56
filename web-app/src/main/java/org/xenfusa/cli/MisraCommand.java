package org.xenfusa.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.misra.FindingsImport;
import org.xenfusa.misra.FindingsImporter;
import org.xenfusa.misra.MisraAnalysis;
import org.xenfusa.misra.MisraRecords;
import org.xenfusa.misra.MisraRecordsReader;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.misra.MisraReport.GuidelineRow;
import org.xenfusa.misra.MisraReport.LocationRow;
import org.xenfusa.misra.MisraReport.MisraGateCheck;
import org.xenfusa.misra.MisraScope;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceTree;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa misra}: Xen's MISRA C records at a ref and analyser findings, per configuration ({@link MisraAnalysis}):
 * the guideline matrix, per file and folder, new and fixed violations against a base ref, and the readiness checks.
 * Exit 1 when a check fails, 2 when an input cannot be read or a finding cannot be placed (the rest is still shown).
 */
@Command(name = "misra", mixinStandardHelpOptions = true,
        description = "MISRA C evidence per configuration: Xen's records, analyser findings, justifications, gates.")
final class MisraCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--findings", paramLabel = "FILE", description = "Analyser findings: SARIF 2.1.0, cppcheck XML"
            + " version 2 or xen-analysis.py's text report (told from the content); repeatable.")
    List<Path> findings = new ArrayList<>();

    /** The configuration (--arch ... or --config-files); without one, the whole tree. */
    @Mixin
    OptionalConfiguration configuration = new OptionalConfiguration();

    @Option(names = "--base-ref", paramLabel = "REF", description = "An earlier release of the same repository: new and"
            + " fixed violations against it (its findings with --base-findings).")
    String baseRef;

    @Option(names = "--base-findings", paramLabel = "FILE", description = "Findings of --base-ref; repeatable.")
    List<Path> baseFindings = new ArrayList<>();

    @Option(names = "--max-violations", paramLabel = "N", defaultValue = "0",
            description = "Readiness: at most N violations of any accepted guideline (default ${DEFAULT-VALUE}).")
    int maxViolations;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        configuration.check(false);
        if (baseRef == null && !baseFindings.isEmpty()) {
            throw new BadInputException("--base-findings needs --base-ref");
        }
        if (maxViolations < 0) {
            throw new BadInputException("--max-violations must be 0 or more, not " + maxViolations);
        }
        if (configuration.arch != null) {
            ConfigurationOptions.architecture(configuration.arch);
        }
        List<byte[]> inputs = read(findings, "findings file (--findings)");
        List<byte[]> baseInputs = read(baseFindings, "findings file (--base-findings)");
        List<String> listed = configuration.listedFiles().orElse(null);
        MisraAnalysis.Limits limits = new MisraAnalysis.Limits(maxViolations);
        try (TreeSource source = TreeSource.open(repo, ref)) {
            Optional<MisraReport> base = Optional.empty();
            boolean badInput = false;
            if (baseRef != null) {
                if (source.repository() == null) {
                    throw new BadInputException("'" + repo + "' is not a git repository, so --base-ref cannot be used");
                }
                try (SourceTree baseTree = openBase(source)) {
                    MisraReport b = report(baseTree, baseRef, baseFindings, baseInputs, listed, limits, Optional.empty());
                    badInput |= printProblems(b, "base " + baseRef + ": ");
                    base = Optional.of(b);
                }
            }
            MisraReport report = report(source.tree(), ref, findings, inputs, listed, limits, base);
            badInput |= printProblems(report, "");
            if (json) {
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                        .writeValueAsString(MisraJson.of(report)));
            } else {
                print(System.out, report);
            }
            return badInput ? FusaCommandLine.BAD_INPUT
                    : report.gatesPass() ? FusaCommandLine.OK : FusaCommandLine.CHECK_FAILED;
        }
    }

    private MisraReport report(SourceTree tree, String at, List<Path> files, List<byte[]> contents, List<String> listed,
            MisraAnalysis.Limits limits, Optional<MisraReport> base) {
        MisraRecords records = MisraRecordsReader.read(tree);
        Set<String> paths = MisraAnalysis.paths(tree);
        Map<String, byte[]> named = new LinkedHashMap<>();
        for (int i = 0; i < files.size(); i++) {
            named.put(files.get(i).toString(), contents.get(i));
        }
        FindingsImport imported = new FindingsImporter(paths).readAll(named);
        MisraScope scope;
        if (listed != null) {
            scope = MisraScope.ofFiles("files of " + configuration.configFiles.getFileName(), "", listed);
        } else if (configuration.arch != null) {
            ConfigurationReport evaluated = configuration.report(tree, repo, at);
            scope = MisraScope.of(evaluated.request().label(), evaluated);
        } else {
            scope = MisraScope.whole();
        }
        return MisraAnalysis.analyse(tree.commit().orElse(""), records, imported, scope, limits, base);
    }

    private SourceTree openBase(TreeSource source) {
        try {
            return GitSourceTree.open(source.repository(), baseRef);
        } catch (GitSourceTree.UnknownRefException e) {
            throw new BadInputException("unknown ref '" + e.ref() + "' (--base-ref)");
        } catch (IOException e) {
            throw new BadInputException("cannot read --base-ref " + baseRef + ": " + e.getMessage(), e);
        }
    }

    private static List<byte[]> read(List<Path> files, String what) {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new BadInputException(what + " not found: " + p);
            }
            try {
                out.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new BadInputException("cannot read " + what + " '" + p + "': " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** Problems of the findings files are bad input; problems of Xen's own records fail a readiness check. */
    private static boolean printProblems(MisraReport report, String prefix) {
        report.problems().forEach(p -> System.err.println("fusa: " + prefix + p));
        report.danglingComments().forEach(c -> System.err.println("fusa: " + prefix + c.file() + ":" + c.line() + ": "
                + c.id() + " names no entry of docs/misra/safe.json or false-positive-*.json"));
        return !report.importProblems().isEmpty();
    }

    static void print(PrintStream out, MisraReport r) {
        out.printf("commit %s, configuration %s: %d violations, %d justified, %d outside the configuration%n",
                r.commit().isEmpty() ? "(folder)" : r.commit(), r.scope().name(), r.violations(), r.justified(),
                r.outside());
        MisraReport.RecordCounts c = r.records();
        out.printf("Xen's records: %d accepted guidelines, %d deviations, %d SAF ids, %d SAF comments, %d clean,"
                + " %d monitored, %d excluded paths%n", c.guidelines(), c.deviations(), c.safIds(), c.safComments(),
                c.clean(), c.monitored(), c.excludes());
        out.printf("  %-10s %-8s %-5s %10s %9s %7s %6s%n", "guideline", "accepted", "clean", "violations", "justified",
                "outside", "share");
        for (GuidelineRow g : r.guidelines()) {
            if (g.violations() + g.justified() + g.outside() > 0) {
                out.printf("  %-10s %-8s %-5s %10d %9d %7d %5.1f%%%n", g.id(), g.accepted() ? "yes" : "no",
                        g.clean() ? "yes" : "no", g.violations(), g.justified(), g.outside(), 100 * g.share());
            }
        }
        out.println("  folders with violations:");
        r.directories().stream().filter(d -> d.violations() > 0)
                .sorted((a, b) -> Integer.compare(b.violations(), a.violations())).limit(15)
                .forEach((LocationRow d) -> out.printf("  %6d %5.1f%%  %s%n", d.violations(), 100 * d.share(),
                        d.path()));
        r.diff().ifPresent(d -> d.guidelines().forEach(g -> out.printf("  since %s: %s +%d new, -%d fixed%n",
                d.baseCommit().length() > 12 ? d.baseCommit().substring(0, 12) : d.baseCommit(), g.id(), g.added(),
                g.fixed())));
        for (MisraGateCheck g : r.gates()) {
            out.printf("%s  %s: %s%n", g.passed() ? "ok    " : "not ok", g.name(), g.detail());
        }
    }

}
