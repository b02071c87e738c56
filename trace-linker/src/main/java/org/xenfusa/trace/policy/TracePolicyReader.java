package org.xenfusa.trace.policy;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.trace.link.SafeYaml;
import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.TextLines;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a policy's YAML node by node (see {@link SafeYaml}); every problem names file and line. */
// [impl->dsn~trace-policy~1]
final class TracePolicyReader {
    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_NESTING = 12;
    private static final Pattern TYPE = Pattern.compile("\\p{Alpha}\\p{Alnum}*");
    private static final Pattern KCONFIG = Pattern.compile("(!?)(?:CONFIG_)?([A-Za-z0-9_]+)(?:=(\\S+))?");
    private static final Set<String> TOP = Set.of("name", "version", "types", "applicability");
    private static final Set<String> TYPE_KEYS = Set.of("needs", "covered-by", "required");
    private static final Set<String> APPLICABILITY_KEYS = Set.of("unconditioned", "tags", "locations", "items");
    private static final Set<String> LOCATION_KEYS = Set.of("path", "arch", "config", "board");
    private static final Set<String> ITEM_KEYS = Set.of("id", "arch", "config", "board");

    private final String file;
    private final List<ImportProblem> problems = new ArrayList<>();
    private String name;

    private TracePolicyReader(String file) {
        this.file = file;
    }

    static TracePolicy read(String file, byte[] content) throws TracePolicyException {
        TracePolicyReader r = new TracePolicyReader(file);
        String text = TextLines.decode(content);
        byte[] canonical = text.getBytes(StandardCharsets.UTF_8);
        Node root = SafeYaml.compose(file, canonical, MAX_BYTES, MAX_NESTING, r.problems);
        if (root == null) {
            if (r.problems.isEmpty()) {
                r.problems.add(new ImportProblem(new Location(file, 1), "empty policy: 'name' is required"));
            }
            throw new TracePolicyException(r.problems);
        }
        TracePolicy policy = r.policy(root, text, TracePolicy.sha256(canonical));
        if (!r.problems.isEmpty() || policy == null) {
            throw new TracePolicyException(r.problems);
        }
        return policy;
    }

    private TracePolicy policy(Node root, String text, String sha) {
        Map<String, Node> top = mapping(root, TOP);
        if (top == null) {
            return null;
        }
        name = requiredText(top, "name", root);
        String version = "1";
        if (top.containsKey("version")) {
            version = requiredText(top, "version", root);
        }
        Map<String, TypeRule> types = new LinkedHashMap<>();
        Map<String, Node> coveredByNodes = new LinkedHashMap<>();
        if (top.containsKey("types")) {
            types(top.get("types"), types, coveredByNodes);
        }
        // every type named in covered-by is declared, and covered-by has no cycle
        coveredByNodes.forEach((type, node) -> types.get(type).coveredBy().stream()
                .filter(t -> !types.containsKey(t)).forEach(t -> problem(node, "unknown item type '" + t
                        + "' in covered-by of " + type + " (declared types: " + String.join(", ", types.keySet())
                        + ")")));
        cycle(types, coveredByNodes);
        Applicability applicability = top.containsKey("applicability") ? applicability(top.get("applicability"))
                : Applicability.NONE;
        if (name == null || version == null || applicability == null) {
            return null;
        }
        return new TracePolicy(name, version, text, sha, types, applicability);
    }

    private void types(Node node, Map<String, TypeRule> types, Map<String, Node> coveredByNodes) {
        if (!(node instanceof MappingNode m)) {
            problem(node, "'types' must be a mapping of item type to its rule");
            return;
        }
        for (NodeTuple t : m.getValue()) {
            String type = text(t.getKeyNode());
            if (type == null || !TYPE.matcher(type).matches()) {
                problem(t.getKeyNode(), "item type must be letters and digits, starting with a letter");
                continue;
            }
            if (types.containsKey(type)) {
                problem(t.getKeyNode(), "duplicate key '" + type + "'");
                continue;
            }
            Node value = t.getValueNode();
            Map<String, Node> rule = value instanceof ScalarNode s && s.getValue().isEmpty() ? Map.of()
                    : mapping(value, TYPE_KEYS);
            if (rule == null) {
                continue;
            }
            Optional<List<String>> needs = rule.containsKey("needs") ? Optional.of(typeList(rule.get("needs"), "needs"))
                    : Optional.empty();
            List<String> coveredBy = rule.containsKey("covered-by") ? typeList(rule.get("covered-by"), "covered-by")
                    : List.of();
            boolean required = !rule.containsKey("required") || bool(rule.get("required"), "required");
            types.put(type, new TypeRule(needs, coveredBy, required));
            if (rule.containsKey("covered-by")) {
                coveredByNodes.put(type, rule.get("covered-by"));
            }
        }
    }

    /** A cycle T1 covered-by T2 ... covered-by T1 is refused: no item of those types could ever be covered deep. */
    private void cycle(Map<String, TypeRule> types, Map<String, Node> coveredByNodes) {
        Set<String> done = new HashSet<>();
        for (String start : types.keySet()) {
            List<String> path = new ArrayList<>();
            if (visit(start, types, done, path, new HashSet<>())) {
                Node at = coveredByNodes.get(path.get(0));
                problem(at, "cycle in covered-by: " + String.join(" covered-by ", path));
                return;
            }
        }
    }

    private boolean visit(String type, Map<String, TypeRule> types, Set<String> done, List<String> path,
            Set<String> onPath) {
        if (onPath.contains(type)) {
            path.subList(0, path.indexOf(type)).clear();
            path.add(type);
            return true;
        }
        if (done.contains(type) || !types.containsKey(type)) {
            return false;
        }
        onPath.add(type);
        path.add(type);
        for (String next : types.get(type).coveredBy()) {
            if (visit(next, types, done, path, onPath)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        onPath.remove(type);
        done.add(type);
        return false;
    }

    private Applicability applicability(Node node) {
        Map<String, Node> m = mapping(node, APPLICABILITY_KEYS);
        if (m == null) {
            return null;
        }
        Applicability.Unconditioned unconditioned = Applicability.Unconditioned.COMPILED_CODE;
        if (m.containsKey("unconditioned")) {
            String v = text(m.get("unconditioned"));
            if ("applies".equals(v)) {
                unconditioned = Applicability.Unconditioned.APPLIES;
            } else if (!"compiled-code".equals(v)) {
                problem(m.get("unconditioned"), "'unconditioned' must be 'applies' or 'compiled-code'");
            }
        }
        boolean tags = m.containsKey("tags") && bool(m.get("tags"), "tags");
        List<Applicability.Rule> locations = rules(m.get("locations"), "path", LOCATION_KEYS, "location");
        List<Applicability.Rule> items = rules(m.get("items"), "id", ITEM_KEYS, "item");
        return new Applicability(unconditioned, tags, locations, items);
    }

    private List<Applicability.Rule> rules(Node node, String key, Set<String> keys, String what) {
        List<Applicability.Rule> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (!(node instanceof SequenceNode s)) {
            problem(node, "'" + what + "s' must be a list");
            return out;
        }
        for (Node entry : s.getValue()) {
            Map<String, Node> m = mapping(entry, keys);
            if (m == null) {
                continue;
            }
            String pattern = requiredText(m, key, entry);
            if (pattern == null) {
                continue;
            }
            PathMatcher matcher;
            try {
                matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
            } catch (IllegalArgumentException e) {
                problem(m.get(key), "'" + key + "' is not a valid glob: " + e.getMessage());
                continue;
            }
            List<String> arch = new ArrayList<>();
            for (String a : list(m.get("arch"), "arch")) {
                Optional<String> known = architecture(a);
                if (known.isEmpty()) {
                    problem(m.get("arch"), "unknown architecture '" + a + "' (x86_64, arm64, arm32, riscv64, ppc64)");
                } else {
                    arch.add(known.get());
                }
            }
            List<String> config = new ArrayList<>();
            for (String c : list(m.get("config"), "config")) {
                Optional<String> term = kconfigTerm(c);
                if (term.isEmpty()) {
                    problem(m.get("config"), "'" + c + "' is not a Kconfig term (CONFIG_X, !CONFIG_X, CONFIG_X=value)");
                } else {
                    config.add(term.get());
                }
            }
            List<String> board = list(m.get("board"), "board");
            if (arch.isEmpty() && config.isEmpty() && board.isEmpty() && !m.containsKey("arch")
                    && !m.containsKey("config") && !m.containsKey("board")) {
                problem(entry, "a " + what + " rule needs 'arch', 'config' or 'board'");
                continue;
            }
            out.add(new Applicability.Rule(pattern, matcher,
                    new Condition("policy " + (name == null ? "?" : name) + ", " + what + " " + pattern, arch, config,
                            board)));
        }
        return out;
    }

    static Optional<String> architecture(String name) {
        try {
            return Optional.of(XenArch.of(name).targetArch());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code SBSA_VUART_CONSOLE} becomes {@code CONFIG_SBSA_VUART_CONSOLE}; {@code !X=y} is refused. */
    static Optional<String> kconfigTerm(String text) {
        var m = KCONFIG.matcher(text.strip());
        if (!m.matches() || (!m.group(1).isEmpty() && m.group(3) != null)) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) + "CONFIG_" + m.group(2) + (m.group(3) == null ? "" : "=" + m.group(3)));
    }

    // ---- node helpers: every shape error becomes a problem at the node's line

    private void problem(Node node, String message) {
        problems.add(new ImportProblem(new Location(file, node == null ? 0 : node.getStartMark().getLine() + 1),
                message));
    }

    private Map<String, Node> mapping(Node node, Set<String> allowed) {
        if (!(node instanceof MappingNode m)) {
            problem(node, "expected a mapping (keys: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            return null;
        }
        Map<String, Node> result = new LinkedHashMap<>();
        boolean ok = true;
        for (NodeTuple t : m.getValue()) {
            String key = text(t.getKeyNode());
            if (key == null || !allowed.contains(key)) {
                problem(t.getKeyNode(), "unknown key '" + key + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
                ok = false;
                continue;
            }
            if (result.putIfAbsent(key, t.getValueNode()) != null) {
                // the composer keeps both: only constructing objects would refuse them
                problem(t.getKeyNode(), "duplicate key '" + key + "'");
                ok = false;
            }
        }
        return ok ? result : null;
    }

    private static String text(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private String requiredText(Map<String, Node> m, String key, Node owner) {
        Node n = m.get(key);
        String v = text(n);
        if (v == null || v.isBlank()) {
            problem(n == null ? owner : n, "'" + key + "' is required and must be text");
            return null;
        }
        return v.strip();
    }

    private boolean bool(Node node, String key) {
        String v = text(node);
        if ("true".equals(v)) {
            return true;
        }
        if (!"false".equals(v)) {
            problem(node, "'" + key + "' must be true or false");
        }
        return false;
    }

    /** One text or a list of texts. */
    private List<String> list(Node node, String key) {
        if (node == null) {
            return List.of();
        }
        if (node instanceof ScalarNode s) {
            return s.getValue().isBlank() ? List.of() : List.of(s.getValue().strip());
        }
        List<String> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            for (Node n : seq.getValue()) {
                String v = text(n);
                if (v == null || v.isBlank()) {
                    problem(n, "'" + key + "' must list texts");
                } else {
                    out.add(v.strip());
                }
            }
            return out;
        }
        problem(node, "'" + key + "' must be a text or a list of texts");
        return out;
    }

    private List<String> typeList(Node node, String key) {
        List<String> out = new ArrayList<>();
        for (String t : list(node, key)) {
            if (TYPE.matcher(t).matches()) {
                out.add(t);
            } else {
                problem(node, "'" + t + "' in '" + key + "' is not a type (letters and digits)");
            }
        }
        return out;
    }
}
