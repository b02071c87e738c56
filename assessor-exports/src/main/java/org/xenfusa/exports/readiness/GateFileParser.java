package org.xenfusa.exports.readiness;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a readiness gate file:
 *
 * <pre>
 * all:
 *   design-covered-by-code-min-percent: 100
 *   suspect-links-max: 0
 * configurations:
 *   arm64-defconfig:
 *     untraced-sloc-max: 5000
 * </pre>
 *
 * YAML is composed into nodes (never into objects), so every error can name its line and no YAML tag can
 * instantiate anything. Aliases, nesting and size are bounded (the file is three levels deep), so an
 * alias bomb or thousands of nested brackets are a clear error at their line, not a crash.
 */
// [impl->dsn~readiness-gates~1]
public final class GateFileParser {
    private static final Set<String> TOP_LEVEL = Set.of("all", "configurations");
    static final int MAX_NESTING = 20;
    static final int MAX_ALIASES = 10;
    static final int MAX_CODE_POINTS = 1 << 20;

    private GateFileParser() {
    }

    public static ReadinessGates parse(String text, String file) throws GateFileException {
        Node root;
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        StreamReader reader = new StreamReader(new StringReader(text));
        try {
            root = new Composer(new ParserImpl(reader, options), new Resolver(), options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new GateFileException(file, m == null ? 1 : m.getLine() + 1, "not YAML: " + e.getProblem());
        } catch (YAMLException e) {
            // a limit (aliases, nesting, size) carries no mark: where the reader stopped is the line
            throw new GateFileException(file, reader.getMark().getLine() + 1, "not accepted: " + e.getMessage()
                    + " (a gate file needs no aliases and at most " + MAX_NESTING + " levels)");
        }
        if (root == null) {
            throw new GateFileException(file, 1, "the gate file is empty; expected 'all:' and/or 'configurations:'");
        }
        MappingNode top = mapping(root, file, "the gate file");
        List<GateThreshold> all = List.of();
        Map<String, ReadinessGates.Scope> scopes = new LinkedHashMap<>();
        for (NodeTuple t : unique(top, file)) {
            String key = key(t, file);
            switch (key) {
                case "all" -> all = thresholds(t.getValueNode(), file, "all");
                case "configurations" -> {
                    for (NodeTuple c : unique(mapping(t.getValueNode(), file, "configurations"), file)) {
                        String name = key(c, file);
                        scopes.put(name, new ReadinessGates.Scope(name, line(c.getKeyNode()),
                                thresholds(c.getValueNode(), file, name)));
                    }
                }
                default -> throw new GateFileException(file, line(t.getKeyNode()), "unknown key '" + key
                        + "'; expected one of " + String.join(", ", TOP_LEVEL.stream().sorted().toList()));
            }
        }
        return new ReadinessGates(file, all, scopes);
    }

    private static List<GateThreshold> thresholds(Node node, String file, String scope) throws GateFileException {
        List<GateThreshold> out = new ArrayList<>();
        for (NodeTuple t : unique(mapping(node, file, "'" + scope + "'"), file)) {
            String key = key(t, file);
            int line = line(t.getKeyNode());
            Gate gate = Gate.byKey(key).orElseThrow(() -> new GateFileException(file, line, "unknown gate '" + key
                    + "'; known gates: " + Arrays.stream(Gate.values()).map(Gate::key).collect(Collectors.joining(", "))));
            out.add(new GateThreshold(gate, number(gate, t.getValueNode(), file), line));
        }
        return out;
    }

    private static double number(Gate gate, Node value, String file) throws GateFileException {
        int line = line(value);
        String shown = value instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a " + value.getNodeId();
        boolean isInt = value instanceof ScalarNode && value.getTag().equals(Tag.INT);
        boolean isFloat = value instanceof ScalarNode && value.getTag().equals(Tag.FLOAT);
        switch (gate.bound()) {
            case MAX_COUNT -> {
                if (!isInt) {
                    throw new GateFileException(file, line, "'" + gate.key() + "' wants a whole number, got " + shown);
                }
                long v = Long.parseLong(((ScalarNode) value).getValue().replace("_", ""));
                if (v < 0) {
                    throw new GateFileException(file, line, "'" + gate.key() + "' cannot be negative, got " + v);
                }
                return v;
            }
            case MIN_PERCENT, MAX_PERCENT -> {
                if (!isInt && !isFloat) {
                    throw new GateFileException(file, line, "'" + gate.key() + "' wants a number (percent), got "
                            + shown);
                }
                double v = Double.parseDouble(((ScalarNode) value).getValue().replace("_", ""));
                if (gate.bound() == Gate.Bound.MIN_PERCENT && (v < 0 || v > 100)) {
                    throw new GateFileException(file, line, "'" + gate.key() + "' is a percentage from 0 to 100, got "
                            + ((ScalarNode) value).getValue());
                }
                return v;
            }
            default -> throw new IllegalStateException(gate.bound().name());
        }
    }

    private static MappingNode mapping(Node node, String file, String what) throws GateFileException {
        if (node instanceof MappingNode m) {
            return m;
        }
        throw new GateFileException(file, line(node), what + " must be a mapping of keys to values");
    }

    private static List<NodeTuple> unique(MappingNode m, String file) throws GateFileException {
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            if (!seen.add(key(t, file))) {
                throw new GateFileException(file, line(t.getKeyNode()), "'" + key(t, file) + "' is set twice");
            }
        }
        return m.getValue();
    }

    private static String key(NodeTuple t, String file) throws GateFileException {
        if (t.getKeyNode() instanceof ScalarNode s) {
            return s.getValue();
        }
        throw new GateFileException(file, line(t.getKeyNode()), "keys must be plain names");
    }

    private static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }
}
