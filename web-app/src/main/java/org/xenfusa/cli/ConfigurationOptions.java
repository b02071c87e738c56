package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.ConfigurationSpec;
import org.xenfusa.sloc.config.ConfigurationSpec.StartKind;
import org.xenfusa.sloc.config.InvalidConfigurationException;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceTree;
import org.xenfusa.sloc.xen.UnsupportedXenReleaseException;
import org.xenfusa.sloc.xen.XenArch;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that name a configuration, shared by {@code fusa kconfig}, {@code config-sloc}, {@code trace},
 * {@code export} and {@code readiness}: repository and ref, architecture, one starting point, overrides and the
 * toolchain profile (which answers both Kconfig's probes and Kbuild's, so one name selects both). A thin adapter:
 * {@link ConfigurationSpec} parses the words, as it does for the web app.
 */
final class ConfigurationOptions {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--arch", required = true, description = "x86_64, arm64, arm32, riscv64 or ppc64.")
    String arch;

    /** The starting point, overrides and toolchain (the options every configuration command shares). */
    @Mixin
    StartingPoint setup = new StartingPoint();

    /** The options that name a configuration, as {@code ConfigurationOptions} of {@code repo} at {@code ref}. */
    static ConfigurationOptions of(String repo, String ref, String arch, StartingPoint setup) {
        ConfigurationOptions o = new ConfigurationOptions();
        o.repo = repo;
        o.ref = ref;
        o.arch = arch;
        o.setup = setup;
        return o;
    }

    /**
     * One starting point (none given means {@code --defconfig}), the overrides and the toolchain profile: a picocli
     * mixin, so that every command that takes a configuration spells these options alike. The architecture stays each
     * command's own option, as it is required by some and optional for others.
     */
    static final class StartingPoint {
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Start start;

        @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "Set a symbol (repeatable).")
        List<String> set = new ArrayList<>();

        @Option(names = "--toolchain", paramLabel = "PROFILE",
                description = "Shipped toolchain profile name or a profile file (default: Debian 12 GCC 12 for the arch).")
        String toolchain;

        static StartingPoint of(Start start, List<String> set, String toolchain) {
            StartingPoint s = new StartingPoint();
            s.start = start;
            s.set = set;
            s.toolchain = toolchain;
            return s;
        }

        /** Whether any of these options was given. */
        boolean given() {
            return start != null || !set.isEmpty() || toolchain != null;
        }
    }

    /** One starting point; none given means --defconfig. */
    static final class Start {
        @Option(names = "--defconfig", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
                description = "arch/<arch>/configs/<arch>_defconfig, or another file there.")
        String defconfig;

        @Option(names = "--allyes", description = "allyesconfig.")
        boolean allYes;

        @Option(names = "--allno", description = "allnoconfig.")
        boolean allNo;

        @Option(names = "--randconfig", paramLabel = "SEED", description = "randconfig with KCONFIG_SEED=SEED.")
        String randSeed;

        @Option(names = "--config", paramLabel = "FILE", description = "An existing .config, resolved as olddefconfig does.")
        Path config;
    }

    /**
     * The architecture {@code --arch} names, spelt as Xen's {@code XEN_TARGET_ARCH} spells it: another spelling
     * ({@code aarch64}, {@code arm}) is refused rather than guessed, so that names in reports match the option.
     */
    static XenArch architecture(String name) {
        try {
            return ConfigurationSpec.architecture(name);
        } catch (InvalidConfigurationException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    /**
     * The configuration the options state, in the library's words: the files {@code --config} and {@code --toolchain}
     * name are read here (a missing one is bad input naming it), everything else is parsed by {@link ConfigurationSpec}.
     */
    ConfigurationSpec spec() {
        architecture(arch);
        ConfigurationSpec spec = ConfigurationSpec.of(arch).withOverrides(setup.set).withToolchain(toolchainText());
        if (setup.start == null || setup.start.defconfig != null) {
            return spec.startingFrom(StartKind.DEFCONFIG, setup.start == null ? "" : setup.start.defconfig);
        }
        if (setup.start.allYes) {
            return spec.startingFrom(StartKind.ALLYES, "");
        }
        if (setup.start.allNo) {
            return spec.startingFrom(StartKind.ALLNO, "");
        }
        if (setup.start.randSeed != null) {
            return spec.startingFrom(StartKind.RANDCONFIG, setup.start.randSeed);
        }
        if (!Files.isRegularFile(setup.start.config)) {
            throw new BadInputException(".config file (--config) not found: " + setup.start.config);
        }
        try {
            return spec.startingFromConfig(setup.start.config.toString(), Files.readString(setup.start.config));
        } catch (IOException e) {
            throw new BadInputException("cannot read --config " + setup.start.config + ": " + e.getMessage(), e);
        }
    }

    /** {@code --toolchain} as the library takes it: a shipped name, or the text of the profile file it names. */
    private String toolchainText() {
        if (toolchainFile().isEmpty()) {
            if (setup.toolchain != null && (setup.toolchain.contains("/") || setup.toolchain.endsWith(".profile"))) {
                throw new BadInputException("toolchain profile file (--toolchain) not found: " + Path.of(setup.toolchain));
            }
            return setup.toolchain == null ? "" : setup.toolchain;
        }
        Path file = toolchainFile().get();
        try {
            String text = Files.readString(file);
            // a profile's text always has a line break, even a one-line file without its final one
            return text.endsWith("\n") ? text : text + "\n";
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The profile file {@code --toolchain} names, when it names no shipped profile and the file exists. */
    private Optional<Path> toolchainFile() {
        if (setup.toolchain == null || setup.toolchain.isBlank() || ToolchainProfile.shipped(setup.toolchain).isPresent()) {
            return Optional.empty();
        }
        Path file = Path.of(setup.toolchain);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** The library's complaint in the options' words: {@code --set NOPE=y: ...}, {@code my.profile: line 2: ...}. */
    BadInputException badInput(InvalidConfigurationException e) {
        return switch (e.part()) {
            case OVERRIDE -> new BadInputException("--set " + e.given() + ": " + e.problem(), e);
            case TOOLCHAIN -> toolchainFile().map(f -> new BadInputException(f + ": " + e.problem(), e))
                    .orElseGet(() -> new BadInputException(e.getMessage() + " (or give a profile file)", e));
            default -> new BadInputException(e.getMessage(), e);
        };
    }

    /** The request, with every --set checked against the tree's Kconfig (unknown symbols are bad input). */
    ConfigurationRequest request(ConfigurationCounter counter) {
        ConfigurationSpec spec = spec();
        try {
            ConfigurationRequest parsed = spec.request();
            KconfigTree kconfig;
            try {
                kconfig = counter.kconfig(parsed.arch(), parsed.profile());
            } catch (UnsupportedXenReleaseException e) {
                throw new BadInputException(repo + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
            }
            if (kconfig.title().isEmpty() && kconfig.symbols().isEmpty()) {
                throw new BadInputException("no Kconfig found in " + repo + (ref == null ? "" : " at " + ref));
            }
            return spec.request(counter);
        } catch (InvalidConfigurationException e) {
            throw badInput(e);
        }
    }

    /** {@code texts} (the values of {@code option}) as overrides, each symbol checked against {@code kconfig}. */
    static List<SymbolAssignment> assignments(KconfigTree kconfig, List<String> texts, String option) {
        try {
            return ConfigurationSpec.assignments(texts, kconfig);
        } catch (InvalidConfigurationException e) {
            throw new BadInputException(option + " " + e.given() + ": " + e.problem(), e);
        }
    }

    /** A configuration evaluated: its name as pages and documents give it, and its report. */
    record Evaluated(String label, ConfigurationReport report) {
    }

    /**
     * The configuration's report in {@code tree} as {@code fusa config-sloc} computes it (warnings go to stderr), with
     * its name. {@code alternative} ends the complaint about a tree without Kconfig or a bad option, e.g. " (or give the
     * compiled files with --config-files)".
     */
    Evaluated evaluate(SourceTree tree, String alternative) {
        ConfigurationCounter counter = ConfigurationCounter.of(tree);
        if (tree.file(counter.xenFolder() + "Kconfig").isEmpty()) {
            throw new BadInputException("no Kconfig found in " + repo + (ref == null ? "" : " at " + ref) + alternative);
        }
        ConfigurationRequest request;
        try {
            request = request(counter);
        } catch (BadInputException e) {
            throw alternative.isEmpty() ? e : new BadInputException(e.getMessage() + alternative, e);
        }
        ConfigurationReport report = counter.report(request);
        report.warnings().forEach(w -> System.err.println("fusa: warning: " + w));
        return new Evaluated(request.label(), report);
    }

    /** The configuration's report in {@code tree}, as {@link #evaluate} gives it. */
    ConfigurationReport report(SourceTree tree, String alternative) {
        return evaluate(tree, alternative).report();
    }
}
