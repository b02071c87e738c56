package org.xenfusa.exports.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed gate file: thresholds for every configuration ({@code all}) and overrides per configuration or board
 * name ({@code configurations}), each remembering its line so that evaluation errors can point at it.
 */
public record ReadinessGates(String file, List<GateThreshold> all, Map<String, Scope> configurations) {
    /** The overrides for one configuration. */
    public record Scope(String configuration, int line, List<GateThreshold> thresholds) {
        public Scope {
            thresholds = List.copyOf(thresholds);
        }
    }

    public ReadinessGates {
        all = List.copyOf(all);
        configurations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configurations));
    }

    /** The thresholds in force for a configuration: {@code all}, then its own overrides. */
    public List<GateThreshold> effective(String configuration) {
        Map<Gate, GateThreshold> byGate = new LinkedHashMap<>();
        for (GateThreshold t : all) {
            byGate.put(t.gate(), t);
        }
        Scope scope = configurations.get(configuration);
        if (scope != null) {
            for (GateThreshold t : scope.thresholds()) {
                byGate.put(t.gate(), t);
            }
        }
        return byGate.values().stream().sorted(java.util.Comparator.comparing(GateThreshold::gate)).toList();
    }

    /** The name of the shipped gate file (the SIG's gates), a resource of this library. */
    public static final String SHIPPED_NAME = "readiness-gates.yaml";

    /** The text of the shipped gate file: what the web app starts with and {@code fusa readiness} uses without --gates. */
    public static String shippedText() {
        try (java.io.InputStream in = ReadinessGates.class.getResourceAsStream("/" + SHIPPED_NAME)) {
            if (in == null) {
                throw new IllegalStateException("the shipped gate file " + SHIPPED_NAME + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the shipped gate file " + SHIPPED_NAME, e);
        }
    }
}
