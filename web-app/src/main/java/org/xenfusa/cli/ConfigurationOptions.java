package org.xenfusa.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.xenfusa.cli.FusaCommandLine.BadInputException;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.xen.UnsupportedXenReleaseException;
import org.xenfusa.sloc.xen.XenArch;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options that name a configuration, shared by {@code fusa kconfig} and {@code fusa config-sloc}:
 * repository and ref, architecture, one starting point, overrides and the toolchain profile (which
 * answers both Kconfig's probes and Kbuild's, so one name selects both).
 */
final class ConfigurationOptions {
    @Option(names = "--repo", required = true, description = "Repository path, folder or URL.")
    String repo;

    @Option(names = "--ref", description = "Branch, tag or commit (default HEAD; none for a plain folder).")
    String ref;

    @Option(names = "--arch", required = true, description = "x86_64, arm64, arm32, riscv64 or ppc64.")
    String arch;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Start start;

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
        Integer randSeed;

        @Option(names = "--config", paramLabel = "FILE", description = "An existing .config, resolved as olddefconfig does.")
        Path config;
    }

    @Option(names = "--set", paramLabel = "SYMBOL=VALUE", description = "Set a symbol (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--toolchain", paramLabel = "PROFILE",
            description = "Shipped toolchain profile name or a profile file (default: Debian 12 GCC 12 for the arch).")
    String toolchain;

    XenArch xenArch() {
        return architecture(arch);
    }

    /**
     * The architecture {@code --arch} names, spelt as Xen's {@code XEN_TARGET_ARCH} spells it: another spelling
     * ({@code aarch64}, {@code arm}) is refused rather than guessed, so that names in reports match the option.
     */
    static XenArch architecture(String name) {
        for (XenArch a : XenArch.values()) {
            if (a.targetArch().equals(name)) {
                return a;
            }
        }
        throw new BadInputException("unknown architecture '" + name + "'; the architectures are "
                + java.util.Arrays.stream(XenArch.values()).map(XenArch::targetArch).collect(java.util.stream.Collectors.joining(", ")));
    }

    ToolchainProfile profile(XenArch a) {
        if (toolchain == null) {
            return ToolchainProfile.defaultFor(a.targetArch());
        }
        Optional<ToolchainProfile> shipped = ToolchainProfile.shipped(toolchain);
        if (shipped.isPresent()) {
            return shipped.get();
        }
        Path file = Path.of(toolchain);
        if (!Files.isRegularFile(file) && (toolchain.contains("/") || toolchain.endsWith(".profile"))) {
            throw new BadInputException("toolchain profile file (--toolchain) not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("unknown toolchain profile '" + toolchain + "' (a shipped name such as debian12-gcc12-"
                    + (a == XenArch.ARM64 ? "aarch64" : a.targetArch()) + ", or a profile file)");
        }
        try {
            return ToolchainProfile.parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new BadInputException("cannot read " + file + ": " + e.getMessage());
        }
    }

    StartingPoint startingPoint(XenArch a) {
        if (start == null || start.defconfig != null) {
            String name = start == null || start.defconfig == null || start.defconfig.isEmpty() ? a.defaultDefconfig() : start.defconfig;
            return new StartingPoint.Defconfig(name);
        }
        if (start.allYes) {
            return new StartingPoint.AllYes();
        }
        if (start.allNo) {
            return new StartingPoint.AllNo();
        }
        if (start.randSeed != null) {
            return new StartingPoint.Random(start.randSeed);
        }
        if (!Files.isRegularFile(start.config)) {
            throw new BadInputException(".config file (--config) not found: " + start.config);
        }
        try {
            return new StartingPoint.ExistingConfig(start.config.toString(), Files.readString(start.config));
        } catch (IOException e) {
            throw new BadInputException("cannot read --config " + start.config + ": " + e.getMessage());
        }
    }

    /** The request, with every --set checked against the tree's Kconfig (unknown symbols are bad input). */
    ConfigurationRequest request(ConfigurationCounter counter) {
        XenArch a = xenArch();
        ToolchainProfile profile = profile(a);
        // a missing --config file is reported before the Kconfig tree is read
        StartingPoint start = startingPoint(a);
        KconfigTree kconfig;
        try {
            kconfig = counter.kconfig(a, profile);
        } catch (UnsupportedXenReleaseException e) {
            throw new BadInputException(repo + (ref == null ? "" : " at " + ref) + ": " + e.getMessage(), e);
        }
        if (kconfig.title().isEmpty() && kconfig.symbols().isEmpty()) {
            throw new BadInputException("no Kconfig found in " + repo + (ref == null ? "" : " at " + ref));
        }
        return new ConfigurationRequest(a, start, assignments(kconfig, set), profile);
    }

    static List<SymbolAssignment> assignments(KconfigTree kconfig, List<String> texts) {
        List<SymbolAssignment> out = new ArrayList<>();
        for (String s : texts) {
            SymbolAssignment a;
            try {
                a = SymbolAssignment.parse(s);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--set " + s + ": " + e.getMessage());
            }
            if (kconfig.symbol(a.symbol()).isEmpty()) {
                throw new BadInputException("--set " + s + ": no Kconfig file defines CONFIG_" + a.symbol());
            }
            out.add(a);
        }
        return out;
    }
}
