package org.xenfusa.trace.link;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xenfusa.trace.spec.ImportProblem;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads link files (YAML, format in {@code trace-linker/README.md}). The YAML is composed into
 * nodes, never constructed into objects, so no tag can instantiate a class, and every node keeps
 * its line: a bad entry is reported with file and line and skipped, the other entries are kept.
 */
// [impl->dsn~link-files~1]
public final class LinkFileReader {
    private static final Pattern LINES = Pattern.compile("\\s*(\\d+)\\s*-\\s*(\\d+)\\s*");
    private static final Set<String> ENTRY_KEYS = Set.of("requirement", "code", "tests");
    private static final Set<String> CODE_KEYS = Set.of("file", "function", "lines", "reviewed-hash", "state",
            "author", "reviewer", "reviewed-at", "review-comment", "type", "score", "reasons");
    private static final Set<String> TEST_KEYS = Set.of("file", "name", "type");
    private static final int MAX_BYTES = 16 * 1024 * 1024;
    /** A link file is a few levels deep; thousands of nested brackets are refused before they exhaust the stack. */
    private static final int MAX_NESTING = 20;

    private LinkFileReader() {
    }

    public static LinkSet read(String path, byte[] content) {
        List<ImportProblem> problems = new ArrayList<>();
        if (content.length > MAX_BYTES) {
            problems.add(new ImportProblem(new Location(path, 0), "link file of " + content.length
                    + " bytes is larger than the limit of " + MAX_BYTES + " bytes: not read"));
            return new LinkSet(List.of(), List.of(), problems);
        }
        Node root = SafeYaml.compose(path, content, MAX_BYTES, MAX_NESTING, problems);
        if (!problems.isEmpty()) {
            return new LinkSet(List.of(), List.of(), problems);
        }
        List<CodeLink> code = new ArrayList<>();
        List<TestLink> tests = new ArrayList<>();
        if (root == null) {
            return new LinkSet(code, tests, problems);
        }
        Reader r = new Reader(path, problems);
        Map<String, Node> top = r.mapping(root, Set.of("version", "links"));
        if (top == null) {
            return new LinkSet(code, tests, problems);
        }
        Node version = top.get("version");
        if (version == null || !"1".equals(r.scalar(version))) {
            problems.add(r.problem(version == null ? root : version, "'version: 1' is required"));
            return new LinkSet(code, tests, problems);
        }
        Node links = top.get("links");
        if (links == null) {
            return new LinkSet(code, tests, problems);
        }
        for (Node entry : r.sequence(links)) {
            r.entry(entry, code, tests);
        }
        return new LinkSet(code, tests, problems);
    }

    /** Walks the node tree, turning every shape error into a problem at the node's line. */
    private record Reader(String path, List<ImportProblem> problems) {
        ImportProblem problem(Node node, String message) {
            return new ImportProblem(location(node), message);
        }

        Location location(Node node) {
            return new Location(path, node.getStartMark().getLine() + 1);
        }

        Map<String, Node> mapping(Node node, Set<String> allowed) {
            if (!(node instanceof MappingNode m)) {
                problems.add(problem(node, "expected a mapping"));
                return null;
            }
            Map<String, Node> result = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
                if (key == null || !allowed.contains(key)) {
                    problems.add(problem(t.getKeyNode(), "unknown key '" + key + "' (allowed: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")"));
                    return null;
                }
                if (result.containsKey(key)) {
                    // the composer keeps both; refused here rather than the second silently winning
                    problems.add(problem(t.getKeyNode(), "duplicate key '" + key + "' (first at line "
                            + location(result.get(key)).line() + ")"));
                    return null;
                }
                result.put(key, t.getValueNode());
            }
            return result;
        }

        List<Node> sequence(Node node) {
            if (!(node instanceof SequenceNode s)) {
                problems.add(problem(node, "expected a list"));
                return List.of();
            }
            return s.getValue();
        }

        String scalar(Node node) {
            return node instanceof ScalarNode s ? s.getValue() : null;
        }

        String required(Map<String, Node> m, String key, Node owner) {
            Node n = m.get(key);
            String v = n == null ? null : scalar(n);
            if (v == null || v.isBlank()) {
                problems.add(problem(n == null ? owner : n, "'" + key + "' is required and must be text"));
                return null;
            }
            return v.trim();
        }

        Optional<String> optional(Map<String, Node> m, String key) {
            Node n = m.get(key);
            String v = n == null ? null : scalar(n);
            return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
        }

        void entry(Node entry, List<CodeLink> code, List<TestLink> tests) {
            Map<String, Node> m = mapping(entry, ENTRY_KEYS);
            if (m == null) {
                return;
            }
            String reqText = required(m, "requirement", entry);
            if (reqText == null) {
                return;
            }
            Optional<SpecificationItemId> req = SpecificationItemId.tryParse(reqText);
            if (req.isEmpty()) {
                problems.add(problem(m.get("requirement"), "malformed requirement id '" + reqText
                        + "' (expected <artifact-type>~<name>~<revision>)"));
                return;
            }
            if (m.containsKey("code")) {
                for (Node c : sequence(m.get("code"))) {
                    codeLink(req.get(), c).ifPresent(code::add);
                }
            }
            if (m.containsKey("tests")) {
                for (Node t : sequence(m.get("tests"))) {
                    testLink(req.get(), t).ifPresent(tests::add);
                }
            }
        }

        Optional<CodeLink> codeLink(SpecificationItemId req, Node node) {
            Map<String, Node> m = mapping(node, CODE_KEYS);
            if (m == null) {
                return Optional.empty();
            }
            String file = required(m, "file", node);
            String function = required(m, "function", node);
            if (file == null || function == null) {
                return Optional.empty();
            }
            Optional<CodeLink.LineRange> lines = Optional.empty();
            Optional<String> linesText = optional(m, "lines");
            if (linesText.isPresent()) {
                Matcher lm = LINES.matcher(linesText.get());
                if (!lm.matches() || Long.parseLong(lm.group(1)) > Integer.MAX_VALUE
                        || Long.parseLong(lm.group(2)) > Integer.MAX_VALUE
                        || Integer.parseInt(lm.group(1)) < 1 || Integer.parseInt(lm.group(2)) < Integer.parseInt(lm.group(1))) {
                    problems.add(problem(m.get("lines"), "'lines' must be FIRST-LAST with 1 <= FIRST <= LAST, not '"
                            + linesText.get() + "'"));
                    return Optional.empty();
                }
                lines = Optional.of(new CodeLink.LineRange(Integer.parseInt(lm.group(1)), Integer.parseInt(lm.group(2))));
            }
            Optional<String> hash = optional(m, "reviewed-hash");
            if (hash.isPresent() && !hash.get().matches("sha256:[0-9a-f]{64}")) {
                problems.add(problem(m.get("reviewed-hash"), "'reviewed-hash' must be sha256:<64 hex digits>"));
                return Optional.empty();
            }
            ReviewState state = ReviewState.DRAFT;
            Optional<String> stateText = optional(m, "state");
            if (stateText.isPresent()) {
                try {
                    state = ReviewState.valueOf(stateText.get().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(problem(m.get("state"), "'state' must be draft or reviewed"));
                    return Optional.empty();
                }
            }
            String type = optional(m, "type").orElse("impl");
            if (!type.matches("\\p{Alpha}+")) {
                problems.add(problem(m.get("type"), "'type' must be an artifact type (letters only)"));
                return Optional.empty();
            }
            Optional<Instant> reviewedAt = Optional.empty();
            Optional<String> at = optional(m, "reviewed-at");
            if (at.isPresent()) {
                try {
                    reviewedAt = Optional.of(Instant.parse(at.get()));
                } catch (DateTimeParseException e) {
                    problems.add(problem(m.get("reviewed-at"), "'reviewed-at' must be an ISO-8601 UTC time such as "
                            + "2026-01-31T12:00:00Z, not '" + at.get() + "'"));
                    return Optional.empty();
                }
            }
            if (!suggestionNotes(m)) {
                return Optional.empty();
            }
            return Optional.of(new CodeLink(req, file, function, lines, type, hash, state, optional(m, "author"),
                    optional(m, "reviewer"), reviewedAt, optional(m, "review-comment"), location(node)));
        }

        /**
         * {@code score} and {@code reasons}, which {@code fusa suggest-links} writes on the drafts it suggests: read
         * for their shape only (a number; a list of texts), never for the trace.
         */
        boolean suggestionNotes(Map<String, Node> m) {
            Node score = m.get("score");
            if (score != null) {
                String v = scalar(score);
                boolean number = v != null && v.strip().matches("[0-9]+(\\.[0-9]+)?");
                if (!number) {
                    problems.add(problem(score, "'score' must be a number (a suggestion's score), not '" + v + "'"));
                    return false;
                }
            }
            Node reasons = m.get("reasons");
            if (reasons != null) {
                if (!(reasons instanceof SequenceNode s) || s.getValue().stream().anyMatch(r -> scalar(r) == null)) {
                    problems.add(problem(reasons, "'reasons' must be a list of texts (why a suggestion was made)"));
                    return false;
                }
            }
            return true;
        }

        Optional<TestLink> testLink(SpecificationItemId req, Node node) {
            Map<String, Node> m = mapping(node, TEST_KEYS);
            if (m == null) {
                return Optional.empty();
            }
            String file = required(m, "file", node);
            String name = required(m, "name", node);
            if (file == null || name == null) {
                return Optional.empty();
            }
            String type = optional(m, "type").orElse("utest");
            if (!type.matches("\\p{Alpha}+")) {
                problems.add(problem(m.get("type"), "'type' must be an artifact type (letters only)"));
                return Optional.empty();
            }
            return Optional.of(new TestLink(req, file, name, type, location(node)));
        }
    }
}
