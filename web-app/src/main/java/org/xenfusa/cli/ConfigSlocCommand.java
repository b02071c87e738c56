package org.xenfusa.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationDiff;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.config.GeneratedFile;
import org.xenfusa.sloc.config.OptionCost;
import org.xenfusa.sloc.config.OptionRanking;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.sloc.kconfig.ToolchainProfile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fusa config-sloc}: the three SLOC figures of a configuration (make cloc, with headers,
 * active lines) per directory and in total, with the effort per DO-178C level; optionally the
 * difference from the same configuration with other {@code --diff-set} values, and a ranking of
 * the options that carry the most code.
 */
@Command(name = "config-sloc", mixinStandardHelpOptions = true,
        description = "SLOC a configuration compiles (make cloc, with headers, active lines) and its certification effort.")
final class ConfigSlocCommand implements Callable<Integer> {
    @Mixin
    ConfigurationOptions options;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Option(names = "--diff-set", paramLabel = "SYMBOL=VALUE",
            description = "Compare with the same configuration plus these values (repeatable).")
    List<String> diffSet = new ArrayList<>();

    @Option(names = "--generated-count", paramLabel = "PATH=CODE",
            description = "The cloc count of a generated source in your own build of this commit and configuration, "
                    + "e.g. arch/x86/boot/built-in-32.S=242 (or PATH=BLANK,COMMENT,CODE); used instead of the "
                    + "toolchain profile's declared count (repeatable).")
    List<String> generatedCounts = new ArrayList<>();

    @Option(names = "--rank", paramLabel = "N", defaultValue = "0",
            description = "Rank the N options (bool, set to y, with a prompt) that save the most SLOC when switched off.")
    int rank;

    @Override
    public Integer call() throws Exception {
        try (TreeSource source = TreeSource.open(options.repo, options.ref)) {
            ConfigurationCounter counter = ConfigurationCounter.of(source.tree());
            ConfigurationRequest request = options.request(counter);
            List<ToolchainProfile.BuildOutput> measured = measuredCounts(counter, request, source.tree().commit().orElse(""));
            if (!measured.isEmpty()) {
                request = new ConfigurationRequest(request.arch(), request.start(), request.overrides(),
                        request.profile().withMeasuredOutputs(measured));
            }
            ConfigurationReport report = counter.report(request);
            requireGenerated(report, counter.xenFolder(), measured);
            EffortModel model = EffortModel.xenFusaSig();
            ConfigurationDiff diff = null;
            ConfigurationReport other = null;
            if (!diffSet.isEmpty()) {
                other = counter.report(request.with(ConfigurationOptions.assignments(
                        counter.kconfig(request.arch(), request.profile()), diffSet, "--diff-set")));
                diff = ConfigurationDiff.between(report, other);
            }
            List<OptionCost> ranking = List.of();
            if (rank > 0) {
                List<String> candidates = OptionRanking.candidates(report, counter.kconfig(request.arch(), request.profile()));
                System.err.printf("fusa: ranking %d options...%n", candidates.size());
                ranking = OptionRanking.rank(counter, request, report, candidates).stream().limit(rank).toList();
            }
            report.warnings().forEach(w -> System.err.println("fusa: warning: " + w));
            if (json) {
                ConfigSlocJson doc = ConfigSlocJson.of(report, model);
                if (diff != null) {
                    doc = doc.withDiff(diff, model.delta(report, other));
                }
                if (rank > 0) {
                    doc = doc.withRanking(ranking);
                }
                System.out.println(JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(doc));
            } else {
                print(System.out, report, model);
                if (diff != null) {
                    print(System.out, diffSet, diff, model.delta(report, other));
                }
                if (rank > 0) {
                    System.out.printf("%nOptions by make-cloc SLOC saved when switched off:%n%-28s %10s %12s %12s %6s  %s%n",
                            "option", "make cloc", "with hdrs", "active", "files", "also off");
                    for (OptionCost c : ranking) {
                        System.out.printf("%-28s %10d %12d %12d %6d  %s%s%n", c.symbol(), c.makeClocSaved(), c.withHeadersSaved(),
                                c.activeLinesSaved(), c.sourcesRemoved(), String.join(" ", c.alsoOff()),
                                c.switchable() ? "" : " (kept on by Kconfig)");
                    }
                }
            }
        }
        return FusaCommandLine.OK;
    }

    /** The --generated-count values, as counts measured at this commit for this configuration. */
    private List<ToolchainProfile.BuildOutput> measuredCounts(ConfigurationCounter counter, ConfigurationRequest request,
            String commit) {
        List<ToolchainProfile.BuildOutput> out = new ArrayList<>();
        for (String g : generatedCounts) {
            int eq = g.lastIndexOf('=');
            String path = eq <= 0 ? "" : g.substring(0, eq).strip();
            String[] n = eq <= 0 ? new String[0] : g.substring(eq + 1).split(",", -1);
            if (path.isEmpty() || (n.length != 1 && n.length != 3)) {
                throw new BadInputException("--generated-count " + g + ": expected PATH=CODE or PATH=BLANK,COMMENT,CODE");
            }
            if (!counter.xenFolder().isEmpty() && path.startsWith(counter.xenFolder())) {
                path = path.substring(counter.xenFolder().length());
            }
            String language = path.endsWith(".S") || path.endsWith(".s") ? "Assembly" : path.endsWith(".c") ? "C" : "";
            if (language.isEmpty()) {
                throw new BadInputException("--generated-count " + g + ": make cloc counts only .c and .S files");
            }
            int[] v = new int[3];
            try {
                for (int i = 0; i < n.length; i++) {
                    v[3 - n.length + i] = Integer.parseInt(n[i].strip());
                    if (v[3 - n.length + i] < 0) {
                        throw new NumberFormatException("negative");
                    }
                }
            } catch (NumberFormatException e) {
                throw new BadInputException("--generated-count " + g + ": counts are whole numbers >= 0");
            }
            out.add(new ToolchainProfile.BuildOutput(request.arch().targetArch(), path, language, v[0], v[1], v[2], commit,
                    Map.of()));
        }
        return out;
    }

    /** A --generated-count for a file this configuration does not generate is a typo, not something to ignore. */
    private static void requireGenerated(ConfigurationReport report, String xenFolder, List<ToolchainProfile.BuildOutput> measured) {
        for (ToolchainProfile.BuildOutput o : measured) {
            boolean generated = report.generated().stream().anyMatch(g -> g.kind() == GeneratedFile.Kind.DECLARED_COUNT
                    && g.path().equals(xenFolder + o.path()));
            if (!generated) {
                throw new BadInputException("--generated-count " + o.path() + ": not a source this configuration's build "
                        + "makes from compiled binaries; those are: " + report.generated().stream()
                        .filter(g -> g.kind() == GeneratedFile.Kind.DECLARED_COUNT || g.kind() == GeneratedFile.Kind.BUILD_OUTPUT)
                        .filter(g -> g.role() == org.xenfusa.sloc.config.FileRole.SOURCE)
                        .map(g -> g.path().substring(xenFolder.length())).toList());
            }
        }
    }

    static void print(PrintStream out, ConfigurationReport r, EffortModel model) {
        out.printf("commit %s, %s, toolchain %s, .config sha256 %s%n", r.commit().isEmpty() ? "(folder)" : r.commit(),
                r.request().label(), r.toolchain(), r.dotConfigSha256());
        String line = "-".repeat(86);
        out.println(line);
        out.printf("%-30s %6s %10s %8s %12s %10s%n", "Directory", "files", "make cloc", "+ hdrs", "with hdrs", "active");
        out.println(line);
        for (DirectoryFigures d : r.directories()) {
            out.printf("%-30s %6d %10d %8d %12d %10d%n", d.directory(), d.makeCloc().files(), d.makeCloc().code(),
                    d.withHeaders().files() - d.makeCloc().files(), d.withHeaders().code(), d.activeLines().code());
        }
        out.println(line);
        out.printf("%-30s %6d %10d %8d %12d %10d%n", "SUM:", r.makeCloc().files(), r.makeCloc().code(),
                r.withHeaders().files() - r.makeCloc().files(), r.withHeaders().code(), r.activeLines().code());
        out.println(line);
        // make cloc's list can name files of the same content (Xen's mm/guest_walk_*.c and mm/hap/'s); cloc counts
        // those once, as the SUM line does
        int listed = r.compiledFiles().size();
        String counted = listed == r.makeCloc().files() ? "" : " (" + r.makeCloc().files()
                + " counted: files of the same content once, as cloc counts them)";
        out.printf("%d compiled units, %d files in make cloc's list%s, %d headers (%d generated, not counted), %d undecided conditions, %d warnings%n",
                r.translationUnits().size(), listed, counted, r.headers().size(),
                r.generated().stream().filter(g -> !g.counted()).count(), r.undecidedConditions(), r.warnings().size());
        out.printf("%nEffort on %s SLOC (%s, %.0f h per person-year):%n", model.figure().name().toLowerCase().replace('_', '-'),
                model.name(), model.hoursPerPersonYear());
        printEffort(out, model.estimates(r));
        out.println(model.description());
    }

    private static void printEffort(PrintStream out, Map<DesignAssuranceLevel, EffortEstimate> estimates) {
        for (EffortEstimate e : estimates.values()) {
            out.printf("  %-6s %6.3f h/SLOC %14.0f h %10.1f person-years%s%n", e.level().label(), e.hoursPerSloc(), e.hours(),
                    e.personYears(), e.interpolated() ? "  (interpolated)" : "");
        }
    }

    private static void print(PrintStream out, List<String> set, ConfigurationDiff d, Map<DesignAssuranceLevel, EffortEstimate> delta) {
        out.printf("%nWith %s: make cloc %+d code (%+d files), with headers %+d, active %+d%n", String.join(" ", set),
                d.makeCloc().code(), d.makeCloc().files(), d.withHeaders().code(), d.activeLines().code());
        for (DirectoryFigures x : d.directories()) {
            out.printf("  %-30s make cloc %+8d  with headers %+8d  active %+8d%n", x.directory(), x.makeCloc().code(),
                    x.withHeaders().code(), x.activeLines().code());
        }
        d.sourcesRemoved().forEach(f -> out.println("  - " + f));
        d.sourcesAdded().forEach(f -> out.println("  + " + f));
        d.symbols().forEach(s -> out.printf("  %s: %s -> %s%n", s.symbol(), s.before(), s.after()));
        printEffort(out, delta);
    }
}
