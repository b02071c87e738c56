package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.tree.SourceTree;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The optional configuration of {@code fusa trace}, {@code suggest-links} and {@code misra} (a picocli mixin): either
 * {@code --arch} with a starting point, {@code --set} and {@code --toolchain}, evaluated as {@code fusa config-sloc}
 * evaluates it, or {@code --config-files}, a list of the configuration's files; or none.
 */
final class ConfigurationChoiceOptions {
    @Option(names = "--arch", description = "Architecture of the configuration: x86_64, arm64, arm32, riscv64 or ppc64.")
    String arch;

    /** With --arch: the starting point, as kconfig and config-sloc take it (none means --defconfig). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    ConfigurationOptions.Start start;

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "With --arch: set a symbol (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--toolchain", paramLabel = "PROFILE",
            description = "With --arch: shipped toolchain profile name or a profile file (default: Debian 12 GCC 12 for the arch).")
    String toolchain;

    @Option(names = "--config-files", description = "The configuration's files, one path per line (as config-sloc's "
            + "compiledFiles or make cloc's list), instead of --arch.")
    Path configFiles;

    /** Refuses options that do not go together (bad input); {@code --arch} never goes with {@code --config-files}. */
    void check() {
        check(false);
    }

    /**
     * As {@link #check()}; with {@code archNamesListedFiles}, {@code --arch} may name the architecture of the files
     * {@code --config-files} lists (for {@code trace}'s applicability conditions).
     */
    void check(boolean archNamesListedFiles) {
        if (configFiles != null && ((!archNamesListedFiles && arch != null) || start != null || !set.isEmpty()
                || toolchain != null)) {
            throw new BadInputException("give the configuration either as --arch with a starting point (--defconfig, "
                    + "--allyes, --allno, --randconfig, --config), --set and --toolchain, or as --config-files");
        }
        if (arch == null && (start != null || !set.isEmpty() || toolchain != null)) {
            throw new BadInputException("a starting point (--defconfig, --allyes, --allno, --randconfig, --config), --set"
                    + " and --toolchain need --arch");
        }
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

    /** The configuration {@code --arch} names, evaluated in {@code tree} (the repository and ref name it in messages). */
    ConfigurationReport report(SourceTree tree, String repo, String ref) {
        return ConfigurationOptions.of(repo, ref, arch, start, set, toolchain)
                .report(tree, " (give the compiled files with --config-files instead)");
    }
}
