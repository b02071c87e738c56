package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One evaluated configuration of a {@link KconfigTree}: the .config text Xen's kconfig would
 * write, each written symbol's value as the .config states it, explanations on demand, and the
 * diagnostics of the run (bad lines, unknown or ignored overrides, selects overriding unmet
 * dependencies).
 */
public final class Configuration {
    private final KconfigTree tree;
    private final ConfigEvaluation evaluation;
    private final String dotConfig;
    private final Map<String, String> values;
    private final List<KconfigDiagnostic> diagnostics;

    Configuration(KconfigTree tree, ConfigEvaluation evaluation, String dotConfig, Map<String, String> values,
            List<SymbolAssignment> overrides, List<KconfigDiagnostic> diagnostics) {
        this.tree = tree;
        this.evaluation = evaluation;
        this.dotConfig = dotConfig;
        this.values = Collections.unmodifiableMap(values);
        List<KconfigDiagnostic> all = new ArrayList<>(diagnostics);
        checkOverrides(overrides, all);
        this.diagnostics = List.copyOf(all);
    }

    private void checkOverrides(List<SymbolAssignment> overrides, List<KconfigDiagnostic> out) {
        for (SymbolAssignment a : overrides) {
            KconfigSymbol s = tree.table.find(a.symbol());
            if (s == null || !s.isDefined()) {
                continue;
            }
            String wanted = a.value();
            String actual = evaluation.stringValue(s);
            if (s.type == SymbolType.STRING && wanted.length() >= 2 && wanted.startsWith("\"") && wanted.endsWith("\"")) {
                wanted = wanted.substring(1, wanted.length() - 1);
            }
            boolean same = s.type.isLogic() ? !wanted.isEmpty() && actual.charAt(0) == wanted.charAt(0) : actual.equals(wanted);
            if (!same) {
                SymbolExplanation e = explain(s.displayName()).orElseThrow();
                out.add(new KconfigDiagnostic("override", 0, KconfigDiagnostic.Severity.WARNING,
                        a.symbol() + "=" + a.value() + " requested but the value is " + actual + ": " + e.summary()));
            }
        }
    }

    /** The text of the .config, byte for byte what Xen's kconfig writes. */
    public String writeDotConfig() {
        return dotConfig;
    }

    /**
     * Every symbol the .config states, in .config order: {@code CONFIG_X} to {@code y}, {@code n}
     * (for "is not set"), a number, or a quoted string.
     */
    public Map<String, String> values() {
        return values;
    }

    /** The value of one symbol as .config states it, if it is written. */
    public Optional<String> value(String symbol) {
        String key = symbol.startsWith("CONFIG_") ? symbol : "CONFIG_" + symbol;
        return Optional.ofNullable(values.get(key));
    }

    /** Why {@code symbol} has its value; empty when no Kconfig file defines it. */
    public Optional<SymbolExplanation> explain(String symbol) {
        return tree.symbol(symbol).map(s -> Explainer.explain(evaluation, s));
    }

    /** Diagnostics of reading the tree followed by those of this run. */
    public List<KconfigDiagnostic> diagnostics() {
        List<KconfigDiagnostic> all = new ArrayList<>(tree.diagnostics());
        all.addAll(diagnostics);
        return all;
    }

    /** Diagnostics of this run only. */
    public List<KconfigDiagnostic> runDiagnostics() {
        return diagnostics;
    }

    public KconfigTree tree() {
        return tree;
    }
}
