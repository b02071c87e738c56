package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.tree.SourceTree;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The configuration of a command that also works without one ({@code trace}, {@code suggest-links}): either
 * {@code --arch} with a starting point, {@code --set} and {@code --toolchain}, computed as {@code fusa config-sloc}
 * computes it, or the compiled files as a list ({@code --config-files}). A picocli mixin, so that these commands spell
 * and check the options alike.
 */
final class OptionalConfiguration {
    @Option(names = "--arch", description = "Architecture of the configuration: x86_64, arm64, arm32, riscv64 or ppc64.")
    String arch;

    @Mixin
    ConfigurationOptions.StartingPoint setup = new ConfigurationOptions.StartingPoint();

    @Option(names = "--config-files", description = "The configuration's compiled files, one path per line "
            + "(as config-sloc's compiledFiles or make cloc's list).")
    Path configFiles;

    /** A configuration as the options gave it: its name, its compiled files, and its report when computed here. */
    record Chosen(String label, List<String> compiledFiles, Optional<ConfigurationReport> computed) {
    }

    /**
     * Refuses options that contradict each other: a starting point, {@code --set} or {@code --toolchain} with
     * {@code --config-files} or without {@code --arch}; and {@code --arch} with {@code --config-files} unless
     * {@code archNamesFiles} (the architecture then only names the list's target, as {@code trace} uses it).
     */
    void check(boolean archNamesFiles) {
        if (configFiles != null && (setup.given() || (!archNamesFiles && arch != null))) {
            throw new BadInputException("give the configuration either as --arch with a starting point (--defconfig, "
                    + "--allyes, --allno, --randconfig, --config), --set and --toolchain, or as --config-files");
        }
        if (arch == null && setup.given()) {
            throw new BadInputException("a starting point (--defconfig, --allyes, --allno, --randconfig, --config), --set"
                    + " and --toolchain need --arch");
        }
    }

    /** Whether a configuration was given at all. */
    boolean given() {
        return arch != null || configFiles != null;
    }

    /** The paths {@code --config-files} lists (blank lines and {@code #} comments left out), when it is given. */
    Optional<List<String>> listedFiles() {
        if (configFiles == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(configFiles)) {
            throw new BadInputException("compiled-file list (--config-files) not found: " + configFiles);
        }
        try {
            return Optional.of(Files.readAllLines(configFiles).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList());
        } catch (IOException e) {
            throw new BadInputException("cannot read --config-files " + configFiles + ": " + e.getMessage(), e);
        }
    }

    /** The configuration {@code --arch} and its options state, evaluated in {@code tree} ({@code repo} at {@code ref}). */
    ConfigurationReport report(SourceTree tree, String repo, String ref) {
        return ConfigurationOptions.of(repo, ref, arch, setup).report(tree,
                " (give the compiled files with --config-files instead)");
    }

    /**
     * The configuration of {@code repo} at {@code ref} ({@code tree} read at it): the list {@code --config-files} names,
     * or the one {@code --arch} and its options state; empty when neither was given.
     */
    Optional<Chosen> resolve(SourceTree tree, String repo, String ref) {
        Optional<List<String>> listed = listedFiles();
        if (listed.isPresent()) {
            return Optional.of(new Chosen("compiled files of " + configFiles.getFileName(), listed.get(), Optional.empty()));
        }
        if (arch == null) {
            return Optional.empty();
        }
        ConfigurationOptions.Evaluated evaluated = ConfigurationOptions.of(repo, ref, arch, setup).evaluate(tree,
                " (give the compiled files with --config-files instead)");
        return Optional.of(new Chosen(evaluated.label(), evaluated.report().compiledFiles(),
                Optional.of(evaluated.report())));
    }
}
