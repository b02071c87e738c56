package org.xenfusa.sloc.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.xenfusa.sloc.config.InvalidConfigurationException.Part;
import org.xenfusa.sloc.kconfig.KconfigTree;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.SourceFile;
import org.xenfusa.sloc.xen.XenArch;

/**
 * A configuration as a person states it, in words: architecture, starting point, {@code SYMBOL=value} overrides and
 * toolchain profile. The one parser of those words into a {@link ConfigurationRequest}: every {@code fusa} command and
 * the web app go through it, so that the same words mean the same configuration everywhere and fail with the same
 * message ({@link InvalidConfigurationException}).
 *
 * @param arch       {@code x86_64}, {@code arm64}, {@code arm32}, {@code riscv64} or {@code ppc64}, spelt as Xen's
 *                   {@code XEN_TARGET_ARCH} spells it (another spelling such as {@code aarch64} is refused, not guessed)
 * @param startKind  which {@code make *config} target starts the configuration
 * @param startValue {@code DEFCONFIG}: a file name of {@code xen/arch/<srcarch>/configs/} (empty: the arch's own);
 *                   {@code RANDCONFIG}: the seed; {@code DOTCONFIG}: the {@code .config} text; otherwise unused
 * @param startName  {@code DOTCONFIG}: where the {@code .config} came from (a file name), as the label shows it
 * @param overrides  {@code SYMBOL=value} or {@code CONFIG_SYMBOL=value}, later ones winning
 * @param toolchain  empty for the arch's default profile, a shipped profile's name, or a profile's text (any text
 *                   with a line break)
 */
// [impl->dsn~configuration-spec~1]
public record ConfigurationSpec(String arch, StartKind startKind, String startValue, String startName,
        List<String> overrides, String toolchain) {

    /** Where a configuration starts, as Xen's {@code make *config} targets do. */
    public enum StartKind {
        /** {@code make defconfig}, or {@code make NAME}: a file of {@code xen/arch/<srcarch>/configs/}. */
        DEFCONFIG,
        ALLYES,
        ALLNO,
        /** {@code make randconfig KCONFIG_SEED=SEED}. */
        RANDCONFIG,
        /** {@code make olddefconfig} on an existing {@code .config}. */
        DOTCONFIG
    }

    public ConfigurationSpec {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(startKind, "startKind");
        Objects.requireNonNull(startValue, "startValue");
        Objects.requireNonNull(startName, "startName");
        overrides = List.copyOf(overrides);
        Objects.requireNonNull(toolchain, "toolchain");
    }

    /** The architecture's own defconfig, no overrides, the default toolchain profile. */
    public static ConfigurationSpec of(String arch) {
        return new ConfigurationSpec(arch, StartKind.DEFCONFIG, "", "", List.of(), "");
    }

    /** The same with another starting point ({@code value} as {@link #startValue()} describes it). */
    public ConfigurationSpec startingFrom(StartKind kind, String value) {
        return new ConfigurationSpec(arch, kind, value == null ? "" : value, kind == StartKind.DOTCONFIG ? ".config" : "",
                overrides, toolchain);
    }

    /** The same starting from an existing {@code .config}: its text, and the file it came from. */
    public ConfigurationSpec startingFromConfig(String name, String text) {
        return new ConfigurationSpec(arch, StartKind.DOTCONFIG, text, name, overrides, toolchain);
    }

    public ConfigurationSpec withOverrides(List<String> texts) {
        return new ConfigurationSpec(arch, startKind, startValue, startName, texts, toolchain);
    }

    /** The same with a toolchain profile: a shipped name, a profile's text, or empty for the default. */
    public ConfigurationSpec withToolchain(String nameOrText) {
        return new ConfigurationSpec(arch, startKind, startValue, startName, overrides, nameOrText == null ? "" : nameOrText);
    }

    /**
     * The request the words name, every part parsed but the overrides' symbols not looked up (no Kconfig tree at hand).
     *
     * @throws InvalidConfigurationException naming the part that is wrong
     */
    public ConfigurationRequest request() {
        XenArch a = architecture(arch);
        ToolchainProfile profile = profile(a);
        return new ConfigurationRequest(a, startingPoint(a), assignments(overrides), profile);
    }

    /**
     * The request, every override's symbol looked up in {@code kconfig}: one no Kconfig file defines is refused (Xen's
     * kconfig would only warn and drop it, so the configuration would not be the one asked for).
     */
    public ConfigurationRequest request(KconfigTree kconfig) {
        ConfigurationRequest r = request();
        requireDefined(kconfig, r.overrides(), overrides);
        return r;
    }

    /**
     * The request checked against the tree {@code counter} reads: the overrides' symbols, and the defconfig file. The
     * Kconfig tree is read with the request's profile (an unsupported release throws
     * {@link org.xenfusa.sloc.xen.UnsupportedXenReleaseException}).
     */
    public ConfigurationRequest request(ConfigurationCounter counter) {
        ConfigurationRequest r = request();
        KconfigTree kconfig = counter.kconfig(r.arch(), r.profile());
        if (r.start() instanceof StartingPoint.Defconfig d) {
            requireDefconfig(counter, r.arch(), d.name());
        }
        requireDefined(kconfig, r.overrides(), overrides);
        return r;
    }

    /**
     * The architecture {@code name} names, spelt exactly as Xen's {@code XEN_TARGET_ARCH} spells it (surrounding blanks
     * aside), so that names in reports match what was asked for.
     */
    public static XenArch architecture(String name) {
        String n = name == null ? "" : name.strip();
        for (XenArch a : XenArch.values()) {
            if (a.targetArch().equals(n)) {
                return a;
            }
        }
        String problem = "unknown architecture; the architectures are " + architectures();
        throw new InvalidConfigurationException(Part.ARCHITECTURE, name, problem,
                "unknown architecture '" + name + "'; the architectures are " + architectures());
    }

    /** {@code x86_64, arm64, arm32, riscv64, ppc64}. */
    public static String architectures() {
        return Arrays.stream(XenArch.values()).map(XenArch::targetArch).collect(Collectors.joining(", "));
    }

    /** The starting point of {@link #startKind()} and {@link #startValue()} for {@code a}. */
    public StartingPoint startingPoint(XenArch a) {
        String v = startValue.strip();
        return switch (startKind) {
            case DEFCONFIG -> {
                if (v.contains("/") || v.contains("\\")) {
                    throw new InvalidConfigurationException(Part.STARTING_POINT, startValue,
                            "a defconfig is a file name of xen/arch/" + a.srcArch() + "/configs/, not a path",
                            "defconfig '" + startValue + "': a file name of xen/arch/" + a.srcArch()
                                    + "/configs/, not a path");
                }
                yield new StartingPoint.Defconfig(v.isEmpty() ? a.defaultDefconfig() : v);
            }
            case ALLYES -> new StartingPoint.AllYes();
            case ALLNO -> new StartingPoint.AllNo();
            case RANDCONFIG -> new StartingPoint.Random(seed(startValue));
            case DOTCONFIG -> new StartingPoint.ExistingConfig(startName.isBlank() ? ".config" : startName, startValue);
        };
    }

    /** A randconfig seed: a whole number ({@code KCONFIG_SEED}). */
    public static int seed(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(Part.STARTING_POINT, text, "randconfig needs a whole number as seed",
                    "randconfig needs a whole number as seed, not '" + text + "'");
        }
    }

    /** The toolchain profile {@link #toolchain()} names, for {@code a}. */
    public ToolchainProfile profile(XenArch a) {
        return profile(a, toolchain);
    }

    /** A toolchain profile by shipped name, from its text (any text with a line break), or {@code a}'s default. */
    public static ToolchainProfile profile(XenArch a, String nameOrText) {
        if (nameOrText == null || nameOrText.isBlank()) {
            return ToolchainProfile.defaultFor(a.targetArch());
        }
        if (nameOrText.indexOf('\n') >= 0) {
            try {
                return ToolchainProfile.parse(nameOrText);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(Part.TOOLCHAIN, nameOrText, e.getMessage(),
                        "toolchain profile: " + e.getMessage());
            }
        }
        Optional<ToolchainProfile> shipped = ToolchainProfile.shipped(nameOrText.strip());
        if (shipped.isEmpty()) {
            String problem = "unknown toolchain profile; the shipped ones are " + shippedProfiles();
            throw new InvalidConfigurationException(Part.TOOLCHAIN, nameOrText, problem,
                    "unknown toolchain profile '" + nameOrText + "'; the shipped ones are " + shippedProfiles());
        }
        return shipped.get();
    }

    /** The shipped profiles' names, one default per architecture. */
    public static String shippedProfiles() {
        return Arrays.stream(XenArch.values()).map(x -> ToolchainProfile.defaultFor(x.targetArch()).name())
                .collect(Collectors.joining(", "));
    }

    /** Each text parsed as {@code SYMBOL=value} (symbols not looked up). */
    public static List<SymbolAssignment> assignments(List<String> texts) {
        List<SymbolAssignment> out = new ArrayList<>();
        for (String t : texts) {
            out.add(assignment(t));
        }
        return out;
    }

    /** One {@code SYMBOL=value} or {@code CONFIG_SYMBOL=value}. */
    public static SymbolAssignment assignment(String text) {
        String t = text == null ? "" : text.strip();
        int eq = t.indexOf('=');
        String symbol = eq < 0 ? "" : t.substring(0, eq).strip();
        if (symbol.isEmpty() || symbol.equals("CONFIG_") || !symbol.matches("[A-Za-z0-9_]+")) {
            throw new InvalidConfigurationException(Part.OVERRIDE, text, "expected SYMBOL=value",
                    "override '" + text + "': expected SYMBOL=value");
        }
        return SymbolAssignment.parse(t);
    }

    /**
     * Each text parsed, its symbol looked up in {@code kconfig}.
     *
     * @throws InvalidConfigurationException for the first text that is not {@code SYMBOL=value} or names a symbol no
     *                                       Kconfig file defines
     */
    public static List<SymbolAssignment> assignments(List<String> texts, KconfigTree kconfig) {
        List<SymbolAssignment> out = assignments(texts);
        requireDefined(kconfig, out, texts);
        return out;
    }

    /**
     * Overrides written one a line (a form's text box, a file): blank lines and {@code #} comments are skipped, and a
     * line that is not {@code SYMBOL=value} is refused naming its line number.
     */
    public static List<String> overrideLines(String text) {
        List<String> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : (text == null ? "" : text).split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                assignment(l);
            } catch (InvalidConfigurationException e) {
                throw new InvalidConfigurationException(Part.OVERRIDE, l, e.problem(),
                        "overrides line " + lineNo + ": " + e.problem() + ": " + l);
            }
            out.add(l);
        }
        return out;
    }

    /**
     * Refuses an override no Kconfig file of {@code kconfig} defines, as {@link #request(KconfigTree)} does: for
     * overrides given apart from a specification (a page's "switch one option").
     *
     * @throws InvalidConfigurationException naming the override and the symbol
     */
    public static void requireDefined(KconfigTree kconfig, List<SymbolAssignment> overrides) {
        requireDefined(kconfig, overrides, overrides.stream().map(a -> "CONFIG_" + a.symbol() + "=" + a.value())
                .toList());
    }

    private static void requireDefined(KconfigTree kconfig, List<SymbolAssignment> parsed, List<String> texts) {
        for (int i = 0; i < parsed.size(); i++) {
            SymbolAssignment a = parsed.get(i);
            if (kconfig.symbol(a.symbol()).isEmpty()) {
                String problem = "no Kconfig file defines CONFIG_" + a.symbol();
                throw new InvalidConfigurationException(Part.OVERRIDE, texts.get(i), problem,
                        "override '" + texts.get(i) + "': " + problem);
            }
        }
    }

    private static void requireDefconfig(ConfigurationCounter counter, XenArch a, String name) {
        String folder = counter.xenFolder() + "arch/" + a.srcArch() + "/configs/";
        if (counter.tree().file(folder + name).isPresent()) {
            return;
        }
        List<String> there = counter.tree().filesUnder(folder).stream().map(SourceFile::path)
                .map(p -> p.substring(folder.length())).filter(p -> !p.contains("/")).sorted().toList();
        String problem = "no such file in " + folder + (there.isEmpty() ? " (none there)" : "; there are " + String.join(", ", there));
        throw new InvalidConfigurationException(Part.STARTING_POINT, name, problem, "defconfig '" + name + "': " + problem);
    }
}
