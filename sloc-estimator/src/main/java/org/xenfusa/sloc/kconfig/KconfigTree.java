package org.xenfusa.sloc.kconfig;

import org.xenfusa.sloc.xen.XenArch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.xenfusa.sloc.tree.SourceTree;

/**
 * A parsed Kconfig tree: the menu tree, every symbol, what the toolchain probes answered, and the
 * diagnostics of reading it. Not changed by configuring; each {@link #configure} call works on
 * its own state, so one tree serves many configurations.
 */
public final class KconfigTree {
    final MenuNode root;
    final SymbolTable table;
    final List<SymbolProperty> properties;
    final KconfigSymbol modules;
    final KconfigSymbol defconfigList;
    final List<KconfigSymbol> hashOrder;
    private final List<KconfigDiagnostic> diagnostics;
    private final List<ToolchainProbe> probes;
    private final Map<String, String> environment;
    private final ToolchainProfile profile;
    private final Optional<XenArch> arch;
    private final SourceTree source;
    private final String srcDir;

    KconfigTree(MenuNode root, SymbolTable table, List<SymbolProperty> properties, KconfigSymbol modules,
            KconfigSymbol defconfigList, List<KconfigDiagnostic> diagnostics, List<ToolchainProbe> probes,
            Map<String, String> environment, ToolchainProfile profile, Optional<XenArch> arch, SourceTree source,
            String srcDir) {
        this.root = root;
        this.table = table;
        this.properties = List.copyOf(properties);
        this.modules = modules;
        this.defconfigList = defconfigList;
        this.hashOrder = table.hashOrder();
        this.diagnostics = List.copyOf(diagnostics);
        this.probes = List.copyOf(probes);
        this.environment = Map.copyOf(environment);
        this.profile = profile;
        this.arch = arch;
        this.source = source;
        this.srcDir = srcDir;
    }

    /** Problems found while reading (syntax errors, missing files, loops, unanswered probes). */
    public List<KconfigDiagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether reading found an error that would have stopped kconfig. */
    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == KconfigDiagnostic.Severity.ERROR);
    }

    /** Every toolchain question asked while reading, with the profile's answers. */
    public List<ToolchainProbe> probes() {
        return probes;
    }

    /** The environment the macros saw. */
    public Map<String, String> environment() {
        return environment;
    }

    public ToolchainProfile profile() {
        return profile;
    }

    /** The title of the top menu ({@code mainmenu}), as the .config header repeats it. */
    public String title() {
        return root.prompt.text();
    }

    /** The menu tree's root. */
    public MenuNode menu() {
        return root;
    }

    /** Every symbol some Kconfig file defines (config, menuconfig, named choices), in definition order. */
    public List<KconfigSymbol> symbols() {
        List<KconfigSymbol> out = new ArrayList<>();
        for (KconfigSymbol s : table.all()) {
            if (s.isDefined() && s.name != null) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** A defined symbol by name (with or without {@code CONFIG_}). */
    public Optional<KconfigSymbol> symbol(String name) {
        String n = name.startsWith("CONFIG_") ? name.substring(7) : name;
        KconfigSymbol s = table.find(n);
        return s != null && s.isDefined() ? Optional.of(s) : Optional.empty();
    }

    /**
     * Computes the configuration {@code start} and {@code overrides} give, exactly as Xen's
     * {@code make <target>config} would, and writes its .config.
     */
    public Configuration configure(StartingPoint start, List<SymbolAssignment> overrides) {
        ConfigEvaluation ev = new ConfigEvaluation(this);
        List<KconfigDiagnostic> problems = new ArrayList<>();
        ConfigEvaluation.ConfigText overrideText = overrideText(overrides);
        if (start instanceof StartingPoint.Defconfig d) {
            {
                String path = srcDir + "arch/" + arch.map(XenArch::srcArch).orElse("") + "/configs/" + d.name();
                Optional<byte[]> content = arch.isPresent() ? source.read(path) : source.read(srcDir + d.name());
                if (content.isEmpty()) {
                    problems.add(KconfigDiagnostic.error(path, 0, "Can't find default configuration \"" + path + "\""));
                }
                String text = content.map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
                ev.confRead(List.of(new ConfigEvaluation.ConfigText(path, text, false), overrideText));
                ev.setAllNewSymbols(ConfigEvaluation.Mode.DEFAULT, null);
            }
        } else if (start instanceof StartingPoint.DefconfigText d) {
            {
                ev.confRead(List.of(new ConfigEvaluation.ConfigText(d.name(), d.content(), false), overrideText));
                ev.setAllNewSymbols(ConfigEvaluation.Mode.DEFAULT, null);
            }
        } else if (start instanceof StartingPoint.ExistingConfig c) {
            ev.confRead(List.of(new ConfigEvaluation.ConfigText(c.name(), c.content(), false), overrideText));
        } else if (start instanceof StartingPoint.AllYes) {
            allConfig(ev, ConfigEvaluation.Mode.YES, overrideText, null);
        } else if (start instanceof StartingPoint.AllNo) {
            allConfig(ev, ConfigEvaluation.Mode.NO, overrideText, null);
        } else if (start instanceof StartingPoint.AllDefault) {
            allConfig(ev, ConfigEvaluation.Mode.DEFAULT, overrideText, null);
        } else if (start instanceof StartingPoint.Random r) {
            allConfig(ev, ConfigEvaluation.Mode.RANDOM, overrideText, new GlibcRandom(r.seed()));
        }
        Map<String, String> values = new java.util.LinkedHashMap<>();
        String text = ev.write(values);
        problems.addAll(ev.diagnostics);
        return new Configuration(this, ev, text, values, overrides, problems);
    }

    private void allConfig(ConfigEvaluation ev, ConfigEvaluation.Mode mode, ConfigEvaluation.ConfigText overrides,
            GlibcRandom random) {
        ev.changed = true;
        ev.readUserValues(List.of(new ConfigEvaluation.ConfigText("KCONFIG_ALLCONFIG", allConfigFragment(), false),
                overrides));
        if (mode == ConfigEvaluation.Mode.RANDOM) {
            while (ev.setAllNewSymbols(mode, random)) {
                // conf repeats until no choice changes, as 'make randconfig' does
            }
        } else {
            ev.setAllNewSymbols(mode, random);
        }
    }

    /**
     * The fragment Xen's Makefile hands to all*config and randconfig: without a checkpolicy that
     * knows Xen, {@code CONFIG_XSM_FLASK_POLICY=n}.
     */
    String allConfigFragment() {
        if (arch.isPresent() && environment.getOrDefault("XEN_HAS_CHECKPOLICY", "n").contains("n")) {
            return "CONFIG_XSM_FLASK_POLICY=n\n";
        }
        return "";
    }

    private ConfigEvaluation.ConfigText overrideText(List<SymbolAssignment> overrides) {
        StringBuilder sb = new StringBuilder();
        for (SymbolAssignment a : overrides) {
            KconfigSymbol s = table.find(a.symbol());
            sb.append(a.configLine(s == null ? SymbolType.UNKNOWN : s.type)).append('\n');
        }
        return new ConfigEvaluation.ConfigText("override", sb.toString(), true);
    }
}
