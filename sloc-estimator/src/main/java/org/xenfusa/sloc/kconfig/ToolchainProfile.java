package org.xenfusa.sloc.kconfig;

import org.xenfusa.sloc.xen.XenArch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a toolchain answers to Kconfig's probes, declared instead of executed: variables that
 * Xen's Makefile exports to kconfig (CC, LD, ...), and the result of each {@code cc-option},
 * {@code ld-option}, {@code as-instr}, command exit status ({@code success}/{@code failure}/
 * {@code if-success}) and {@code shell} output. Keys may use {@code $(VAR)}; they are expanded
 * with the kconfig environment before matching.
 *
 * <p>Text format, one entry a line, {@code #} starts a comment:
 * <pre>
 * name debian12-gcc12-x86_64
 * set CC = gcc
 * cc-option -fcondition-coverage =&gt; n
 * as-instr endbr64 =&gt; y
 * command $(CC) --version | head -n 1 | grep -q gcc =&gt; y
 * shell $(srctree)/scripts/gcc-version.sh $(CC) =&gt; 120200
 * # what Kbuild needs (the same toolchain, so one profile serves both engines)
 * make XEN_BUILD_EFI = y
 * predefined /org/xenfusa/sloc/kbuild/predefined-x86_64.h
 * build-output x86_64 arch/x86/boot/built-in-32.S =&gt; Assembly 1 3 284 measured at d45d5687... CONFIG_VIDEO=y
 * </pre>
 * {@code make} answers a make variable Xen's {@code arch.mk} gets by running the toolchain;
 * {@code predefined} names a resource holding the compiler's predefined macros
 * ({@code gcc -dM -E}), and {@code predefined -m32 RESOURCE} those for objects a Makefile compiles with that
 * target flag (x86's 32-bit boot code); {@code build-output} is a {@link BuildOutput}.
 */
// [impl->dsn~toolchain-profile~1]
public record ToolchainProfile(String name, String description, Map<String, String> variables,
        Map<ProbeKind, Map<String, String>> answers, Map<String, String> makeVariables,
        java.util.List<String> predefinedMacros, java.util.List<BuildOutput> buildOutputs) {

    /**
     * The cloc count of a file the build makes from compiled binaries (e.g. x86's
     * {@code arch/x86/boot/built-in-32.S}), as measured with this toolchain at one commit for one configuration:
     * only a real build can make its content, so the profile states it, with the commit and the symbols whose
     * values the measurement depended on. Used anywhere else, the count is approximate and the report says so.
     *
     * @param path         relative to Xen's build folder ({@code xen/})
     * @param measuredAt   the commit id of the measured build; empty when not stated
     * @param measuredWith {@code CONFIG_X} to the value it had when measured ({@code n} for not set)
     */
    public record BuildOutput(String arch, String path, String language, int blank, int comment, int code,
            String measuredAt, Map<String, String> measuredWith) {
        public BuildOutput {
            Objects.requireNonNull(arch, "arch");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(measuredAt, "measuredAt");
            measuredWith.forEach((symbol, value) -> Objects.requireNonNull(value, "the value of " + symbol));
            // by symbol, in every JVM: the warning of a count measured under other conditions lists the symbols that
            // differ in this order, and Map.copyOf's order changes from one JVM to the next
            measuredWith = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(measuredWith));
        }

        /** Whether the count was measured at {@code commit} (empty for a plain folder). */
        public boolean measuredAt(String commit) {
            return measuredAt.equals(commit);
        }
    }

    /** A profile with Kconfig answers only (no Kbuild answers). */
    public ToolchainProfile(String name, String description, Map<String, String> variables,
            Map<ProbeKind, Map<String, String>> answers) {
        this(name, description, variables, answers, Map.of(), java.util.List.of(), java.util.List.of());
    }

    /** The kinds of toolchain question a Kconfig macro can ask. */
    public enum ProbeKind {
        CC_OPTION("cc-option"), LD_OPTION("ld-option"), AS_INSTR("as-instr"), COMMAND("command"), SHELL("shell");

        final String keyword;

        ProbeKind(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }

    private static final String RESOURCE_DIR = "/org/xenfusa/sloc/kconfig/toolchains/";

    public ToolchainProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        // sorted (by name, by kind), so that the profile reads its answers in one order in every JVM: Map.copyOf's
        // changes from one JVM to the next, and two questions that read the same once the environment is substituted
        // in are answered by the last one read
        variables = sorted(variables);
        Map<ProbeKind, Map<String, String>> copy = new java.util.EnumMap<>(ProbeKind.class);
        answers.forEach((k, v) -> copy.put(k, sorted(v)));
        answers = java.util.Collections.unmodifiableMap(copy);
        makeVariables = sorted(makeVariables);
        predefinedMacros = java.util.List.copyOf(predefinedMacros);
        buildOutputs = java.util.List.copyOf(buildOutputs);
    }

    private static Map<String, String> sorted(Map<String, String> m) {
        m.forEach((k, v) -> Objects.requireNonNull(v, k));
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(m));
    }

    /**
     * The resources of the compiler's predefined macros for objects compiled with {@code targetFlag} (e.g.
     * {@code -m32}), or for the architecture's own target when it is empty.
     */
    public java.util.List<String> predefinedMacros(String targetFlag) {
        return predefinedMacros.stream().filter(p -> targetFlag.isEmpty() ? !p.startsWith("-") : p.startsWith(targetFlag + " "))
                .map(p -> targetFlag.isEmpty() ? p : p.substring(targetFlag.length()).strip()).toList();
    }

    /** The profile a kconfig run for {@code arch} uses unless told otherwise: Debian 12's GCC 12. */
    public static ToolchainProfile defaultFor(String arch) {
        String name = switch (XenArch.of(arch)) {
            case X86_64 -> "debian12-gcc12-x86_64";
            case ARM64 -> "debian12-gcc12-aarch64";
            case ARM32 -> "debian12-gcc12-armhf";
            case RISCV64 -> "debian12-gcc12-riscv64";
            case PPC64 -> "debian12-gcc12-ppc64";
        };
        return shipped(name).orElseThrow(() -> new IllegalStateException("missing shipped profile " + name));
    }

    /** A profile shipped with the engine, by name. */
    public static Optional<ToolchainProfile> shipped(String name) {
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = ToolchainProfile.class.getResourceAsStream(RESOURCE_DIR + name + ".profile")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read shipped profile " + name, e);
        }
    }

    /**
     * Reads a profile from its text.
     *
     * @throws IllegalArgumentException naming the line of a malformed entry
     */
    public static ToolchainProfile parse(String text) {
        String name = "unnamed";
        StringBuilder description = new StringBuilder();
        Map<String, String> vars = new LinkedHashMap<>();
        Map<ProbeKind, Map<String, String>> answers = new LinkedHashMap<>();
        Map<String, String> make = new LinkedHashMap<>();
        java.util.List<String> predefined = new java.util.ArrayList<>();
        java.util.List<BuildOutput> outputs = new java.util.ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (description.isEmpty() && line.length() > 1) {
                    description.append(line.substring(1).strip());
                }
                continue;
            }
            int space = line.indexOf(' ');
            String keyword = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            if (keyword.equals("name")) {
                name = rest.strip();
                continue;
            }
            if (keyword.equals("set")) {
                int eq = rest.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expected 'set NAME = value'");
                }
                vars.put(rest.substring(0, eq).strip(), rest.substring(eq + 1).strip());
                continue;
            }
            if (keyword.equals("make")) {
                int eq = rest.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": expected 'make NAME = value'");
                }
                make.put(rest.substring(0, eq).strip(), rest.substring(eq + 1).strip());
                continue;
            }
            if (keyword.equals("predefined")) {
                predefined.add(rest.strip());
                continue;
            }
            if (keyword.equals("build-output")) {
                outputs.add(buildOutput(rest, i + 1));
                continue;
            }
            ProbeKind kind = null;
            for (ProbeKind k : ProbeKind.values()) {
                if (k.keyword.equals(keyword)) {
                    kind = k;
                }
            }
            int arrow = rest.lastIndexOf(" =>");
            if (kind == null || arrow < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected 'set', 'name' or a probe "
                        + "(cc-option, ld-option, as-instr, command, shell) with ' => answer': " + line);
            }
            String answer = rest.substring(arrow + 3).strip();
            if (kind != ProbeKind.SHELL && !answer.equals("y") && !answer.equals("n")) {
                throw new IllegalArgumentException("line " + (i + 1) + ": a " + keyword + " answer is y or n");
            }
            answers.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(rest.substring(0, arrow), answer);
        }
        return new ToolchainProfile(name, description.toString(), vars, answers, make, predefined, outputs);
    }

    /** {@code ARCH PATH => LANGUAGE BLANK COMMENT CODE [measured [at COMMIT] CONFIG_X=v ...]}. */
    private static BuildOutput buildOutput(String rest, int line) {
        String[] w = rest.strip().split("\\s+");
        int arrow = java.util.Arrays.asList(w).indexOf("=>");
        if (arrow != 2 || w.length < 7) {
            throw new IllegalArgumentException("line " + line + ": expected 'build-output ARCH PATH => LANGUAGE BLANK "
                    + "COMMENT CODE [measured [at COMMIT] CONFIG_X=v ...]'");
        }
        Map<String, String> with = new LinkedHashMap<>();
        String at = "";
        for (int k = 7; k < w.length; k++) {
            if (k == 7 && w[k].equals("measured")) {
                continue;
            }
            if (k == 8 && w[7].equals("measured") && w[k].equals("at")) {
                if (k + 1 >= w.length || !w[k + 1].matches("[0-9a-f]{40}")) {
                    throw new IllegalArgumentException("line " + line + ": expected a full commit id (40 hex digits) "
                            + "after 'measured at'");
                }
                at = w[++k];
                continue;
            }
            int eq = w[k].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + line + ": expected CONFIG_X=value after 'measured': " + w[k]);
            }
            with.put(w[k].substring(0, eq), w[k].substring(eq + 1));
        }
        try {
            return new BuildOutput(w[0], w[1], w[3], Integer.parseInt(w[4]), Integer.parseInt(w[5]),
                    Integer.parseInt(w[6]), at, with);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("line " + line + ": blank, comment and code are numbers: " + rest);
        }
    }

    /** The answers of one kind, keys as written (not yet expanded). */
    public Map<String, String> answersOf(ProbeKind kind) {
        return answers.getOrDefault(kind, Map.of());
    }

    /**
     * A copy in which {@code measured} (counts from the user's own build) come before the profile's own, so that
     * they are chosen wherever they apply.
     */
    public ToolchainProfile withMeasuredOutputs(java.util.List<BuildOutput> measured) {
        java.util.List<BuildOutput> outputs = new java.util.ArrayList<>(measured);
        outputs.addAll(buildOutputs);
        return new ToolchainProfile(name, description, variables, answers, makeVariables, predefinedMacros, outputs);
    }

    /** A copy with more variables or answers (later entries win), for tests and --set-probe style tweaks. */
    public ToolchainProfile with(String extraText) {
        ToolchainProfile extra = parse(extraText);
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.putAll(extra.variables);
        Map<ProbeKind, Map<String, String>> all = new LinkedHashMap<>();
        answers.forEach((k, v) -> all.put(k, new LinkedHashMap<>(v)));
        extra.answers.forEach((k, v) -> all.computeIfAbsent(k, x -> new LinkedHashMap<>()).putAll(v));
        Map<String, String> make = new LinkedHashMap<>(makeVariables);
        make.putAll(extra.makeVariables);
        java.util.List<String> predefined = extra.predefinedMacros.isEmpty() ? predefinedMacros : extra.predefinedMacros;
        java.util.List<BuildOutput> outputs = new java.util.ArrayList<>(buildOutputs);
        outputs.addAll(extra.buildOutputs);
        return new ToolchainProfile(name, description, vars, all, make, predefined, outputs);
    }
}
