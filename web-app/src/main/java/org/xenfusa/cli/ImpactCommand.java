package org.xenfusa.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.impact.AreaImpact;
import org.xenfusa.trace.impact.ChangeImpact;
import org.xenfusa.trace.impact.FunctionChange;
import org.xenfusa.trace.impact.ImpactReport;
import org.xenfusa.trace.impact.RequirementImpact;
import org.xenfusa.trace.impact.TestImpact;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suspect.SuspectLink;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa impact}: what changed between two refs of one repository in one configuration, and what must be done
 * again because of it ({@link ChangeImpact}): compiled functions added, removed and changed, suspect links,
 * requirements to review again, tests to run again, SLOC and effort deltas.
 */
@Command(name = "impact", mixinStandardHelpOptions = true,
        description = "Change impact between two refs in one configuration: functions, links, requirements, tests, SLOC, effort.")
final class ImpactCommand implements Callable<Integer> {
    @Option(names = "--repo", required = true, description = "Git repository path or URL.")
    String repo;

    @Option(names = "--from", required = true, description = "The earlier ref (e.g. the previous release tag).")
    String from;

    @Option(names = "--to", required = true, description = "The later ref.")
    String to;

    @Option(names = "--path", defaultValue = "", description = "Only read items and tags under this folder (default: the whole tree).")
    String path;

    @Option(names = "--links", description = "A link file (YAML, see trace-linker/README.md); repeatable.")
    List<Path> links = new ArrayList<>();

    @Option(names = "--arch", required = true, description = "Architecture of the configuration: x86_64, arm64, arm32, riscv64 or ppc64.")
    String arch;

    /** The starting point, overrides and toolchain, as config-sloc and trace take them (none means --defconfig). */
    @Mixin
    ConfigurationOptions.StartingPoint setup = new ConfigurationOptions.StartingPoint();

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LinkSet linkSet = LinkSet.empty();
        for (Path l : links) {
            if (!Files.isRegularFile(l)) {
                throw new BadInputException("link file (--links) not found: " + l);
            }
            linkSet = linkSet.plus(FusaCommandLine.linkFile(l.toString(), Files.readAllBytes(l)));
        }
        linkSet.problems().forEach(p -> System.err.println("fusa: " + p));
        long started = System.nanoTime();
        try (TreeSource source = TreeSource.open(repo, from)) {
            if (source.repository() == null) {
                throw new BadInputException("'" + repo + "' is not a git repository: impact compares two refs of one");
            }
            try (SourceTree later = openRef(source, to)) {
                SourceTree earlier = source.tree();
                FunctionIndex indexFrom = FunctionIndex.of(earlier);
                String[] label = new String[1];
                ChangeImpact.Side a = side(from, earlier, indexFrom, label);
                ChangeImpact.Side b = side(to, later, indexFrom.forTree(later), label);
                ImpactReport report = ChangeImpact.compare(label[0], a, b, linkSet.code(), linkSet.tests(),
                        Optional.of(EffortModel.xenFusaSig()));
                if (json) {
                    System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
                            .writeValueAsString(ImpactJson.of(report, earlier.commit().orElse(null),
                                    later.commit().orElse(null))));
                } else {
                    print(System.out, report);
                }
                System.err.printf("fusa: impact computed in %.1f s%n", (System.nanoTime() - started) / 1e9);
                return FusaCommandLine.OK;
            }
        }
    }

    private static SourceTree openRef(TreeSource source, String ref) {
        try {
            return GitSourceTree.open(source.repository(), ref);
        } catch (GitSourceTree.UnknownRefException e) {
            throw new BadInputException("unknown ref '" + e.ref() + "' (--to)");
        } catch (IOException e) {
            throw new BadInputException("cannot read --to " + ref + ": " + e.getMessage(), e);
        }
    }

    /** One side: its configuration report as {@code fusa config-sloc} computes it, its items and tags. */
    private ChangeImpact.Side side(String ref, SourceTree tree, FunctionIndex index, String[] label) {
        ConfigurationOptions options = ConfigurationOptions.of(repo, ref, arch, setup);
        ConfigurationCounter counter = ConfigurationCounter.of(tree);
        if (tree.file(counter.xenFolder() + "Kconfig").isEmpty()) {
            throw new BadInputException("no Kconfig found in " + repo + " at " + ref);
        }
        ConfigurationRequest request = options.request(counter);
        label[0] = request.label();
        ConfigurationReport report = counter.report(request);
        report.warnings().forEach(w -> System.err.println("fusa: warning: " + ref + ": " + w));
        try {
            return ChangeImpact.Side.of(ref, index, report, SpecificationScanner.under(path).scan(tree).items());
        } catch (IOException e) {
            throw new BadInputException("cannot read the specification items of " + repo + " at " + ref + ": "
                    + e.getMessage(), e);
        }
    }

    static void print(PrintStream out, ImpactReport r) {
        out.println(r.summary());
        out.printf("compiled files: %d -> %d, %d changed%n", r.compiledFrom(), r.compiledTo(), r.changedFiles().size());
        r.sloc().ifPresent(d -> out.printf("SLOC delta: make cloc %+d, with headers %+d, active lines %+d%n",
                d.makeCloc().code(), d.withHeaders().code(), d.activeLines().code()));
        r.effort().forEach((l, e) -> out.printf("effort delta %s: %+.0f h (%+.2f person-years)%s%n", l.name(), e.hours(),
                e.personYears(), e.interpolated() ? " (interpolated rate)" : ""));
        out.println("per directory (added / removed / changed functions):");
        for (AreaImpact d : r.directories()) {
            out.printf("  %-50s %5d %5d %5d%n", d.area().isEmpty() ? "(root)" : d.area(), d.added(), d.removed(), d.changed());
        }
        for (FunctionChange f : r.functions()) {
            out.printf("%-8s %s (lines %s)%n", f.kind().name().toLowerCase(java.util.Locale.ROOT), f.anchor(), f.lines());
        }
        for (SuspectLink s : r.suspects()) {
            out.printf("suspect  %s -> %s: %s%n", s.link().path() + ":" + s.link().function(), s.link().requirement(),
                    s.reasons());
        }
        for (RequirementImpact q : r.requirements()) {
            out.printf("review   %s (%s: %s)%n", q.id(), q.direct() ? "code changed" : "covered by",
                    String.join(", ", q.because()));
        }
        for (TestImpact t : r.tests()) {
            out.printf("re-run   %s in %s (%s)%n", t.test().name(), t.test().path(), String.join(", ", t.requirements()));
        }
    }
}
