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
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.config.ConfigurationSpec;
import org.xenfusa.sloc.config.InvalidConfigurationException;
import org.xenfusa.sloc.kconfig.Configuration;
import org.xenfusa.sloc.kconfig.KconfigDiagnostic;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.web.platform.InvalidInputException;

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
     * @throws InvalidInputException naming what is wrong (unknown ref, arch, symbol, ...)
     */
    @Transactional
    public SavedConfiguration create(ConfigurationForm form, String user) throws InvalidInputException {
        String name = form.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("Give the configuration a name");
        }
        if (configurations.findByName(name).isPresent()) {
            throw new InvalidInputException("A configuration named '" + name + "' exists already");
        }
        if (form.repositoryId() == null || form.startKind() == null) {
            throw new InvalidInputException("Choose the repository and the starting point");
        }
        SavedConfiguration saved = new SavedConfiguration(name, form.repositoryId(), form.ref().strip(),
                form.arch().strip(), form.startKind(), form.startValue(), normaliseOverrides(form.overrides()),
                form.toolchain(), form.description(), user);
        Evaluated e = evaluate(saved, saved.getRefName(), List.of());
        List<KconfigDiagnostic> errors = e.diagnostics().stream()
                .filter(d -> d.severity() == KconfigDiagnostic.Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The configuration does not evaluate: " + errors.get(0));
        }
        return configurations.saveAndFlush(saved);
    }

    public Evaluated evaluate(SavedConfiguration saved) throws InvalidInputException {
        return evaluate(saved, saved.getRefName(), List.of());
    }

    /** Evaluates at {@code ref} (the saved one or another), with extra overrides after the saved ones. */
    public Evaluated evaluate(SavedConfiguration saved, String ref, List<SymbolAssignment> extra)
            throws InvalidInputException {
        SourceRepository repo = repositories.findById(saved.getRepositoryId())
                .orElseThrow(() -> new InvalidInputException("the repository of this configuration was removed"));
        ConfigurationRequest request = request(saved, extra);
        var parsed = trees.parse(repo, ref, request.arch().targetArch(), request.profile());
        Configuration configuration = parsed.tree().configure(request.start(), request.overrides());
        List<KconfigDiagnostic> diagnostics = new ArrayList<>(parsed.tree().diagnostics());
        diagnostics.addAll(configuration.runDiagnostics());
        return new Evaluated(saved, ref, parsed.commit(), configuration, List.copyOf(diagnostics));
    }

    /** Stores one more override (replacing an earlier one for the same symbol). */
    @Transactional
    public SavedConfiguration setValue(long id, String symbol, String value) throws InvalidInputException {
        SavedConfiguration saved = configurations.findById(id)
                .orElseThrow(() -> new InvalidInputException("no configuration " + id));
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

    /**
     * A saved configuration's words (architecture, starting point, overrides, toolchain), parsed by the library's
     * {@link ConfigurationSpec} as the command line's are, into the engine's request with extra overrides after its own.
     */
    public static ConfigurationRequest request(SavedConfiguration saved, List<SymbolAssignment> extra)
            throws InvalidInputException {
        ConfigurationSpec spec = ConfigurationSpec.of(saved.getArch())
                .startingFrom(switch (saved.getStartKind()) {
                    case DEFCONFIG -> ConfigurationSpec.StartKind.DEFCONFIG;
                    case ALLYES -> ConfigurationSpec.StartKind.ALLYES;
                    case ALLNO -> ConfigurationSpec.StartKind.ALLNO;
                    case RANDCONFIG -> ConfigurationSpec.StartKind.RANDCONFIG;
                    case DOTCONFIG -> ConfigurationSpec.StartKind.DOTCONFIG;
                }, saved.getStartValue())
                .withToolchain(saved.getToolchain());
        try {
            return spec.withOverrides(ConfigurationSpec.overrideLines(saved.getOverrides())).request().with(extra);
        } catch (InvalidConfigurationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    /** One {@code SYMBOL=value} a line; blank lines and {@code #} comments are ignored. */
    static List<SymbolAssignment> parseOverrides(String text) throws InvalidInputException {
        try {
            return ConfigurationSpec.assignments(ConfigurationSpec.overrideLines(text));
        } catch (InvalidConfigurationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    static SymbolAssignment parseAssignment(String text) throws InvalidInputException {
        try {
            return ConfigurationSpec.assignment(text);
        } catch (InvalidConfigurationException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    static String normaliseOverrides(String text) throws InvalidInputException {
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
