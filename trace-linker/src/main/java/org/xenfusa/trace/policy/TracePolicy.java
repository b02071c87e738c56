package org.xenfusa.trace.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.xenfusa.trace.graph.CoverageRules;
import org.xenfusa.trace.spec.SpecificationItem;

/**
 * A trace policy (YAML, format in {@code trace-linker/README.md}): per item type the artifact types it needs, the item
 * types that may cover it and whether it must be covered at all, and the conditions under which an item applies to a
 * configuration. Types the policy does not name follow OpenFastTrace's rules (their own {@code Needs:}). Immutable;
 * named in evidence by {@link #name()} and {@link #sha256()} of its exact text.
 */
// [impl->dsn~trace-policy~1]
public final class TracePolicy implements CoverageRules {
    /** The policies shipped with the platform, by name. */
    public static final List<String> SHIPPED = List.of("oft", "xen");

    private final String name;
    private final String version;
    private final String text;
    private final String sha256;
    private final Map<String, TypeRule> types;
    private final Applicability applicability;

    TracePolicy(String name, String version, String text, String sha256, Map<String, TypeRule> types,
            Applicability applicability) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = Objects.requireNonNull(version, "version");
        this.text = Objects.requireNonNull(text, "text");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        this.applicability = Objects.requireNonNull(applicability, "applicability");
    }

    /**
     * Reads a policy; {@code file} names it in errors.
     *
     * @throws TracePolicyException with every problem (file, line, what) when it cannot be used
     */
    public static TracePolicy parse(String file, byte[] content) throws TracePolicyException {
        return TracePolicyReader.read(file, content);
    }

    /** OpenFastTrace's rules unchanged: every item's own {@code Needs:}, applicability from compiled code only. */
    public static TracePolicy oft() {
        return shipped("oft");
    }

    /** The shipped policy for Xen's {@code docs/fusa/reqs} (see {@code xen.yaml}). */
    public static TracePolicy xen() {
        return shipped("xen");
    }

    /** A shipped policy by name ({@link #SHIPPED}). */
    public static TracePolicy shipped(String name) {
        if (!SHIPPED.contains(name)) {
            throw new IllegalArgumentException("no shipped policy '" + name + "' (shipped: " + SHIPPED + ")");
        }
        return Shipped.of(name);
    }

    /** The text of a shipped policy, as a resource of this library. */
    public static byte[] shippedText(String name) {
        try (InputStream in = TracePolicy.class.getResourceAsStream(name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped policy '" + name + "'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Shipped policies are parsed once. */
    private static final class Shipped {
        private static final Map<String, TracePolicy> POLICIES = load();

        static TracePolicy of(String name) {
            return POLICIES.get(name);
        }

        private static Map<String, TracePolicy> load() {
            Map<String, TracePolicy> m = new LinkedHashMap<>();
            for (String n : SHIPPED) {
                try {
                    m.put(n, parse(n + ".yaml", shippedText(n)));
                } catch (TracePolicyException e) {
                    throw new IllegalStateException("shipped policy " + n + " is invalid: " + e.getMessage(), e);
                }
            }
            return m;
        }
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    /** The policy's YAML text exactly as read. */
    public String text() {
        return text;
    }

    /** SHA-256 of the policy's bytes, 64 hex digits. */
    public String sha256() {
        return sha256;
    }

    /** How pages and documents name it: {@code xen 1 (sha256:0123456789ab)}. */
    public String label() {
        return name + " " + version + " (sha256:" + sha256.substring(0, 12) + ")";
    }

    public Map<String, TypeRule> types() {
        return types;
    }

    public Applicability applicability() {
        return applicability;
    }

    /** Whether the policy leaves OpenFastTrace's verdicts unchanged (no type rule, no applicability condition). */
    public boolean isOftEquivalent() {
        return types.isEmpty() && applicability.isNone();
    }

    @Override
    public boolean wanted(SpecificationItem covered, String coveringType) {
        TypeRule rule = types.get(covered.type());
        if (rule == null) {
            return OFT.wanted(covered, coveringType);
        }
        return needs(covered).contains(coveringType) || rule.coveredBy().contains(coveringType);
    }

    @Override
    public List<String> needs(SpecificationItem item) {
        TypeRule rule = types.get(item.type());
        return rule == null ? item.needs() : rule.needs().orElse(item.needs());
    }

    @Override
    public List<String> uncovered(SpecificationItem item, Set<String> coveredTypes) {
        TypeRule rule = types.get(item.type());
        if (rule == null) {
            return OFT.uncovered(item, coveredTypes);
        }
        if (!rule.required()) {
            return List.of();
        }
        List<String> uncovered = new ArrayList<>(needs(item));
        uncovered.removeAll(coveredTypes);
        if (!rule.coveredBy().isEmpty() && rule.coveredBy().stream().noneMatch(coveredTypes::contains)
                && rule.coveredBy().stream().noneMatch(uncovered::contains)) {
            uncovered.add(rule.coveredBy().size() == 1 ? rule.coveredBy().get(0)
                    : "one of " + String.join(", ", rule.coveredBy()));
        }
        return uncovered;
    }

    /** Every condition the policy puts on an item: by its location, its tags, its id; all must hold. */
    public List<Condition> conditions(SpecificationItem item) {
        List<Condition> out = new ArrayList<>();
        String path = item.location().path();
        for (Applicability.Rule r : applicability.locations()) {
            if (!path.isEmpty() && r.matcher().matches(Path.of(path))) {
                out.add(r.condition());
            }
        }
        if (applicability.tags()) {
            tagCondition(item).ifPresent(out::add);
        }
        String byName = item.id().type() + "~" + item.id().name();
        for (Applicability.Rule r : applicability.items()) {
            String subject = r.pattern().chars().filter(c -> c == '~').count() >= 2 ? item.id().toString() : byName;
            if (r.matcher().matches(Path.of(subject))) {
                out.add(r.condition());
            }
        }
        return out;
    }

    /** Whether an item with no condition applies everywhere (else: where code implementing it is compiled). */
    public boolean unconditionedApplies() {
        return applicability.unconditioned() == Applicability.Unconditioned.APPLIES;
    }

    private static java.util.Optional<Condition> tagCondition(SpecificationItem item) {
        List<String> arch = new ArrayList<>();
        List<String> config = new ArrayList<>();
        List<String> board = new ArrayList<>();
        for (String tag : item.tags()) {
            String t = tag.strip();
            int colon = t.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = t.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = t.substring(colon + 1).strip();
            switch (key) {
                case "arch" -> arch.add(TracePolicyReader.architecture(value).orElse(value));
                case "config" -> config.add(TracePolicyReader.kconfigTerm(value).orElse(value));
                case "board" -> board.add(value);
                default -> {
                }
            }
        }
        if (arch.isEmpty() && config.isEmpty() && board.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Condition("tags of " + item.location(), arch, config, board));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text as UTF-8 bytes, as hashed. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return label();
    }
}
