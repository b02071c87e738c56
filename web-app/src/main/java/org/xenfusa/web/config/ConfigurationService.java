package org.xenfusa.web.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.web.ingest.InvalidRepositoryException;

/** Creates, evaluates, changes and compares saved configurations. */
@Service
public class ConfigurationService {
    private final SavedConfigurationRepository configurations;
    private final SourceRepositoryRepository repositories;
    private final KconfigTrees trees;

    public ConfigurationService(SavedConfigurationRepository configurations, SourceRepositoryRepository repositories,
            KconfigTrees trees) {
        this.configurations = configurations;
        this.repositories = repositories;
        this.trees = trees;
    }

    /** A configuration evaluated at a ref: the commit read, the result and what went wrong. */
    public record Evaluated(SavedConfiguration saved, String ref, String commit, Configuration configuration,
            List<KconfigDiagnostic> diagnostics) {
    }

    /** One symbol whose written value differs between two configurations ("" when not written). */
    public record SymbolChange(String symbol, String before, String after) {
        public String kind() {
            return before.isEmpty() ? "added" : after.isEmpty() ? "removed" : "changed";
        }
    }

    /**
     * Validates and stores a new configuration; it must evaluate without errors.
     *
     * @throws InvalidRepositoryException naming what is wrong (unknown ref, arch, symbol, ...)
     */
    @Transactional
    public SavedConfiguration create(ConfigurationForm form, String user) throws InvalidRepositoryException {
        String name = form.name().strip();
        if (name.isEmpty()) {
            throw new InvalidRepositoryException("Give the configuration a name");
        }
        if (configurations.findByName(name).isPresent()) {
            throw new InvalidRepositoryException("A configuration named '" + name + "' exists already");
        }
        if (form.repositoryId() == null || form.startKind() == null) {
            throw new InvalidRepositoryException("Choose the repository and the starting point");
        }
        SavedConfiguration saved = new SavedConfiguration(name, form.repositoryId(), form.ref().strip(),
                form.arch().strip(), form.startKind(), form.startValue(), normaliseOverrides(form.overrides()),
                form.toolchain(), form.description(), user);
        Evaluated e = evaluate(saved, saved.getRefName(), List.of());
        List<KconfigDiagnostic> errors = e.diagnostics().stream()
                .filter(d -> d.severity() == KconfigDiagnostic.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new InvalidRepositoryException("The configuration does not evaluate: " + errors.get(0));
        }
        return configurations.saveAndFlush(saved);
    }

    public Evaluated evaluate(SavedConfiguration saved) throws InvalidRepositoryException {
        return evaluate(saved, saved.getRefName(), List.of());
    }

    /** Evaluates at {@code ref} (the saved one or another), with extra overrides after the saved ones. */
    public Evaluated evaluate(SavedConfiguration saved, String ref, List<SymbolAssignment> extra)
            throws InvalidRepositoryException {
        SourceRepository repo = repositories.findById(saved.getRepositoryId())
                .orElseThrow(() -> new InvalidRepositoryException("the repository of this configuration was removed"));
        XenArch arch;
        try {
            arch = XenArch.of(saved.getArch());
        } catch (IllegalArgumentException e) {
            throw new InvalidRepositoryException(e.getMessage());
        }
        ToolchainProfile profile = saved.getToolchain().isBlank() ? ToolchainProfile.defaultFor(arch.targetArch())
                : ToolchainProfile.shipped(saved.getToolchain()).orElseThrow(() -> new InvalidRepositoryException(
                        "unknown toolchain profile '" + saved.getToolchain() + "'"));
        var parsed = trees.parse(repo, ref, arch.targetArch(), profile);
        List<SymbolAssignment> overrides = new ArrayList<>(parseOverrides(saved.getOverrides()));
        overrides.addAll(extra);
        Configuration configuration = parsed.tree().configure(startingPoint(saved, arch), overrides);
        List<KconfigDiagnostic> diagnostics = new ArrayList<>(parsed.tree().diagnostics());
        diagnostics.addAll(configuration.runDiagnostics());
        return new Evaluated(saved, ref, parsed.commit(), configuration, List.copyOf(diagnostics));
    }

    /** Stores one more override (replacing an earlier one for the same symbol). */
    @Transactional
    public SavedConfiguration setValue(long id, String symbol, String value) throws InvalidRepositoryException {
        SavedConfiguration saved = configurations.findById(id)
                .orElseThrow(() -> new InvalidRepositoryException("no configuration " + id));
        SymbolAssignment assignment = parseAssignment(symbol + "=" + value);
        Map<String, String> byName = new LinkedHashMap<>();
        for (SymbolAssignment a : parseOverrides(saved.getOverrides())) {
            byName.put(a.symbol(), a.value());
        }
        byName.remove(assignment.symbol());
        byName.put(assignment.symbol(), assignment.value());
        StringBuilder text = new StringBuilder();
        byName.forEach((k, v) -> text.append(prefixed(k)).append('=').append(v).append('\n'));
        saved.setOverrides(text.toString());
        return configurations.saveAndFlush(saved);
    }

    /** Written values that differ between two evaluated configurations, by symbol name. */
    public static List<SymbolChange> diff(Configuration a, Configuration b) {
        Map<String, String> va = a.values();
        Map<String, String> vb = b.values();
        List<SymbolChange> out = new ArrayList<>();
        for (String s : new TreeSet<>(union(va.keySet(), vb.keySet()))) {
            String x = va.getOrDefault(s, "");
            String y = vb.getOrDefault(s, "");
            if (!Objects.equals(x, y)) {
                out.add(new SymbolChange(s, x, y));
            }
        }
        return out;
    }

    private static <T> List<T> union(java.util.Set<T> a, java.util.Set<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static StartingPoint startingPoint(SavedConfiguration saved, XenArch arch) throws InvalidRepositoryException {
        String v = saved.getStartValue().strip();
        return switch (saved.getStartKind()) {
            case DEFCONFIG -> new StartingPoint.Defconfig(v.isEmpty() ? arch.defaultDefconfig() : v);
            case ALLYES -> new StartingPoint.AllYes();
            case ALLNO -> new StartingPoint.AllNo();
            case RANDCONFIG -> {
                try {
                    yield new StartingPoint.Random(Integer.parseInt(v));
                } catch (NumberFormatException e) {
                    throw new InvalidRepositoryException("randconfig needs a whole number as seed, not '" + v + "'");
                }
            }
            case DOTCONFIG -> new StartingPoint.ExistingConfig(".config", saved.getStartValue());
        };
    }

    /** One {@code SYMBOL=value} a line; blank lines and {@code #} comments are ignored. */
    static List<SymbolAssignment> parseOverrides(String text) throws InvalidRepositoryException {
        List<SymbolAssignment> out = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            try {
                out.add(SymbolAssignment.parse(l));
            } catch (IllegalArgumentException e) {
                throw new InvalidRepositoryException("overrides line " + lineNo + ": " + e.getMessage());
            }
        }
        return out;
    }

    static SymbolAssignment parseAssignment(String text) throws InvalidRepositoryException {
        try {
            return SymbolAssignment.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRepositoryException(e.getMessage());
        }
    }

    static String normaliseOverrides(String text) throws InvalidRepositoryException {
        StringBuilder sb = new StringBuilder();
        for (SymbolAssignment a : parseOverrides(text == null ? "" : text)) {
            sb.append(prefixed(a.symbol())).append('=').append(a.value()).append('\n');
        }
        return sb.toString();
    }

    private static String prefixed(String symbol) {
        return symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol;
    }
}
