package org.xenfusa.sloc.kbuild;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The macro table of one translation unit and the evaluation of {@code #if}/{@code #elif}
 * expressions against it: {@code defined}, object- and function-like macros (with {@code ##}
 * and {@code __VA_ARGS__}, enough for Xen's {@code IS_ENABLED}), integer arithmetic. An
 * identifier left after expansion is 0, as in C; a call of an unknown function-like name cannot be
 * decided and yields empty, and so does {@code __has_include} unless the caller's search path answers it.
 */
// [impl->dsn~include-closure~1]
final class ConditionEvaluator {
    /** A macro definition; {@code params} is empty for an object-like macro. */
    record Macro(String name, Optional<List<String>> params, List<String> body) {
    }

    private static final Set<String> UNDECIDABLE = Set.of("__has_include", "__has_include_next", "__has_builtin",
            "__has_attribute", "__has_cpp_attribute", "__has_feature");
    private static final String[] PUNCT = {"...", "<<=", ">>=", "##", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||"};

    /** A macro table entry: the definition (null once undefined) and when it was written. */
    private record Entry(Macro macro, int stamp) {
    }

    /** A recording being made: where in the write log it started, and the external reads so far. */
    private record Open(int start, Map<String, Optional<Macro>> reads) {
    }

    private final Map<String, Entry> macros;
    /** Every write in order; an entry's stamp is its index here (initial macros have -1). */
    private final List<String> log = new ArrayList<>();
    /** Open recordings, innermost first. */
    private final java.util.ArrayDeque<Open> open = new java.util.ArrayDeque<>();

    ConditionEvaluator(Map<String, Macro> initial) {
        // sized for a unit's whole include closure: Xen's headers define thousands of macros
        this.macros = new HashMap<>(Math.max(1 << 15, initial.size() * 2));
        initial.forEach((name, m) -> macros.put(name, new Entry(m, -1)));
    }

    /**
     * What preprocessing one file read from the macro table before writing it (the value at the
     * first read, null for undefined) and the writes it left (final values, null for undefined):
     * enough to replay the file's effect on another macro table that reads the same. Kept as plain
     * arrays: an evaluator keeps a recording per header and variant for every evaluation of its tree,
     * and as entries and optionals they filled a 1 GB heap (14.6 million of each across four trees).
     */
    static final class Recording {
        private final String[] readNames;
        private final Macro[] readValues;
        private final String[] writeNames;
        private final Macro[] writeValues;

        private Recording(Map<String, Optional<Macro>> reads, String[] writeNames, Macro[] writeValues) {
            this.readNames = new String[reads.size()];
            this.readValues = new Macro[reads.size()];
            int i = 0;
            for (Map.Entry<String, Optional<Macro>> e : reads.entrySet()) {
                readNames[i] = e.getKey();
                readValues[i++] = e.getValue().orElse(null);
            }
            this.writeNames = writeNames;
            this.writeValues = writeValues;
        }
    }

    private static final String[] NO_NAMES = {};
    private static final Macro[] NO_MACROS = {};

    /** Starts recording reads and writes; reads are also recorded for every enclosing recording. */
    void beginRecording() {
        open.push(new Open(log.size(), new HashMap<>()));
    }

    /** Ends the innermost recording; {@code withWrites} false when nothing will replay its writes. */
    Recording endRecording(boolean withWrites) {
        Open o = open.pop();
        if (!withWrites) {
            return new Recording(o.reads(), NO_NAMES, NO_MACROS);
        }
        String[] names = new java.util.LinkedHashSet<>(log.subList(o.start(), log.size())).toArray(NO_NAMES);
        Macro[] values = new Macro[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = macros.get(names[i]).macro();
        }
        return new Recording(o.reads(), names, values);
    }

    /** Whether the table reads as the recording's reads say (recorded as reads of the open recordings). */
    boolean readsAsIn(Recording r) {
        for (int i = 0; i < r.readNames.length; i++) {
            if (!java.util.Objects.equals(lookup(r.readNames[i]), r.readValues[i])) {
                return false;
            }
        }
        return true;
    }

    /** Applies a recorded file's writes, as preprocessing that file again would (its reads already matched). */
    void replay(Recording r) {
        for (int i = 0; i < r.writeNames.length; i++) {
            write(r.writeNames[i], r.writeValues[i]);
        }
    }

    private Macro lookup(String name) {
        Entry e = macros.get(name);
        Macro m = e == null ? null : e.macro();
        if (!open.isEmpty()) {
            int stamp = e == null ? -1 : e.stamp();
            for (Open o : open) {
                if (stamp >= o.start() || o.reads().putIfAbsent(name, Optional.ofNullable(m)) != null) {
                    // written inside this recording, or already read by it: so too for the enclosing ones
                    break;
                }
            }
        }
        return m;
    }

    private void write(String name, Macro m) {
        macros.put(name, new Entry(m, log.size()));
        log.add(name);
    }

    /** Parses the argument of a {@code #define} directive. */
    static Optional<Macro> parseDefine(String argument) {
        int k = 0;
        while (k < argument.length() && (Character.isLetterOrDigit(argument.charAt(k)) || argument.charAt(k) == '_')) {
            k++;
        }
        if (k == 0) {
            return Optional.empty();
        }
        String name = argument.substring(0, k);
        if (k < argument.length() && argument.charAt(k) == '(') {
            int close = argument.indexOf(')', k);
            if (close < 0) {
                return Optional.empty();
            }
            List<String> params = new ArrayList<>();
            for (String p : argument.substring(k + 1, close).split(",")) {
                if (!p.isBlank()) {
                    params.add(p.strip());
                }
            }
            return Optional.of(new Macro(name, Optional.of(params), tokenize(argument.substring(close + 1))));
        }
        return Optional.of(new Macro(name, Optional.empty(), tokenize(argument.substring(k))));
    }

    /**
     * Parsed definitions and token lists by their text: the same headers are read for every unit. Bounded,
     * since they live as long as the process and every tag ingested brings new texts.
     */
    private static final Cache<String, Optional<Macro>> DEFINES = Caffeine.newBuilder().maximumSize(200_000).build();
    private static final Cache<String, List<String>> TOKENS = Caffeine.newBuilder().maximumSize(200_000).build();

    void define(String argument) {
        DEFINES.get(argument, ConditionEvaluator::parseDefine).ifPresent(m -> write(m.name(), m));
    }

    void undefine(String argument) {
        // written even when not defined, so that a replay elsewhere undefines it too
        write(identifier(argument), null);
    }

    boolean isDefined(String name) {
        return lookup(identifier(name)) != null;
    }

    private static String identifier(String s) {
        String t = s.strip();
        int k = 0;
        while (k < t.length() && (Character.isLetterOrDigit(t.charAt(k)) || t.charAt(k) == '_')) {
            k++;
        }
        return t.substring(0, k);
    }

    /** Answers {@code __has_include}: whether the unit's search path finds the header named. */
    @FunctionalInterface
    interface IncludeProbe {
        boolean finds(String name, boolean angled, boolean next);
    }

    /** The value of a {@code #if} expression, or empty when it cannot be decided ({@code __has_include} included). */
    OptionalLong evaluate(String expression) {
        return evaluate(expression, null);
    }

    /** The value of a {@code #if} expression, {@code __has_include} answered by {@code probe} (when not null). */
    OptionalLong evaluate(String expression, IncludeProbe probe) {
        List<String> tokens = TOKENS.get(expression, ConditionEvaluator::tokenize);
        // 'defined' and a literal header name of __has_include are resolved before any expansion
        List<String> pre = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (probe != null && (t.equals("__has_include") || t.equals("__has_include_next"))) {
                int close = tokens.subList(i, tokens.size()).indexOf(")");
                Optional<String> header = close < 3 || !tokens.get(i + 1).equals("(") ? Optional.empty()
                        : headerName(tokens.subList(i + 2, i + close));
                if (header.isEmpty()) {
                    return OptionalLong.empty();
                }
                String h = header.get();
                pre.add(probe.finds(h.substring(1, h.length() - 1), h.startsWith("<"), t.endsWith("_next")) ? "1" : "0");
                i += close;
            } else if (t.equals("defined")) {
                if (i + 1 < tokens.size() && tokens.get(i + 1).equals("(") && i + 3 < tokens.size() && tokens.get(i + 3).equals(")")) {
                    pre.add(lookup(tokens.get(i + 2)) != null ? "1" : "0");
                    i += 3;
                } else if (i + 1 < tokens.size()) {
                    pre.add(lookup(tokens.get(i + 1)) != null ? "1" : "0");
                    i += 1;
                } else {
                    return OptionalLong.empty();
                }
            } else {
                pre.add(t);
            }
        }
        List<String> expanded = expand(pre, new HashSet<>(), 0);
        if (expanded == null) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < expanded.size(); i++) {
            String t = expanded.get(i);
            if (isIdentifier(t) && (UNDECIDABLE.contains(t) || (i + 1 < expanded.size() && expanded.get(i + 1).equals("(")))) {
                return OptionalLong.empty();
            }
        }
        Parser p = new Parser(expanded);
        try {
            long v = p.conditional();
            return p.pos == expanded.size() ? OptionalLong.of(v) : OptionalLong.empty();
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code <a/b.h>} or {@code "a/b.h"} from the tokens between {@code __has_include}'s parentheses. */
    private static Optional<String> headerName(List<String> tokens) {
        if (tokens.size() == 1 && tokens.get(0).length() > 2 && tokens.get(0).startsWith("\"")
                && tokens.get(0).endsWith("\"")) {
            return Optional.of(tokens.get(0));
        }
        if (tokens.size() > 2 && tokens.get(0).equals("<") && tokens.get(tokens.size() - 1).equals(">")) {
            return Optional.of(String.join("", tokens));
        }
        return Optional.empty();
    }

    // ---- expansion -------------------------------------------------------------------------

    /** A token and the macros that may no longer expand in it (its hide set). */
    private record Tok(String text, Set<String> hide) {
    }

    private List<String> expand(List<String> in, Set<String> ignored, int depth) {
        List<Tok> toks = new ArrayList<>();
        in.forEach(x -> toks.add(new Tok(x, Set.of())));
        List<Tok> out = expandToks(toks, 0);
        return out == null ? null : out.stream().map(Tok::text).toList();
    }

    private List<Tok> expandToks(List<Tok> in, int depth) {
        if (depth > 32) {
            return null;
        }
        List<Tok> list = new ArrayList<>(in);
        int steps = 0;
        int i = 0;
        while (i < list.size()) {
            if (++steps > 20000) {
                return null;
            }
            Tok t = list.get(i);
            Macro m = isIdentifier(t.text()) && !t.hide().contains(t.text()) ? lookup(t.text()) : null;
            if (m == null) {
                i++;
                continue;
            }
            Set<String> hide = new HashSet<>(t.hide());
            hide.add(t.text());
            if (m.params().isEmpty()) {
                List<Tok> repl = paste(m.body()).stream().map(x -> new Tok(x, hide)).toList();
                list.subList(i, i + 1).clear();
                list.addAll(i, repl);
                continue;
            }
            if (i + 1 >= list.size() || !list.get(i + 1).text().equals("(")) {
                i++;
                continue;
            }
            List<List<Tok>> args = new ArrayList<>();
            int level = 0;
            List<Tok> cur = new ArrayList<>();
            int j = i + 2;
            for (; j < list.size(); j++) {
                String a = list.get(j).text();
                if (a.equals("(")) {
                    level++;
                } else if (a.equals(")")) {
                    if (level == 0) {
                        break;
                    }
                    level--;
                } else if (a.equals(",") && level == 0) {
                    args.add(cur);
                    cur = new ArrayList<>();
                    continue;
                }
                cur.add(list.get(j));
            }
            if (j >= list.size()) {
                return null;
            }
            args.add(cur);
            List<Tok> repl = substitute(m, args, hide, depth);
            if (repl == null) {
                return null;
            }
            list.subList(i, j + 1).clear();
            list.addAll(i, repl);
        }
        return list;
    }

    private List<Tok> substitute(Macro m, List<List<Tok>> args, Set<String> hide, int depth) {
        List<String> params = m.params().orElse(List.of());
        Map<String, List<Tok>> raw = new HashMap<>();
        String variadic = null;
        for (int k = 0; k < params.size(); k++) {
            String p = params.get(k);
            if (p.endsWith("...")) {
                // C's "..." (__VA_ARGS__) or GNU's named form "args..."
                variadic = p.equals("...") ? "__VA_ARGS__" : p.substring(0, p.length() - 3).strip();
                List<Tok> va = new ArrayList<>();
                for (int x = k; x < args.size(); x++) {
                    if (x > k) {
                        va.add(new Tok(",", Set.of()));
                    }
                    va.addAll(args.get(x));
                }
                raw.put(variadic, va);
            } else {
                raw.put(p, k < args.size() ? args.get(k) : List.of());
            }
        }
        List<String> body = m.body();
        List<Tok> out = new ArrayList<>();
        for (int k = 0; k < body.size(); k++) {
            String t = body.get(k);
            List<Tok> arg = raw.get(t);
            if (t.equals("##") && variadic != null && k + 1 < body.size() && body.get(k + 1).equals(variadic)
                    && !out.isEmpty() && out.get(out.size() - 1).text().equals(",")) {
                // GNU ", ## args": the comma goes when the variable arguments are empty, else nothing is pasted
                List<Tok> va = raw.get(variadic);
                if (va.isEmpty()) {
                    out.remove(out.size() - 1);
                } else {
                    out.addAll(va);
                }
                k++;
            } else if (t.equals("#") && k + 1 < body.size() && raw.containsKey(body.get(k + 1))) {
                out.add(new Tok("\"" + String.join(" ", raw.get(body.get(k + 1)).stream().map(Tok::text).toList()) + "\"", hide));
                k++;
            } else if (arg != null) {
                boolean pasted = (k > 0 && body.get(k - 1).equals("##")) || (k + 1 < body.size() && body.get(k + 1).equals("##"));
                if (pasted) {
                    out.addAll(arg.isEmpty() ? List.of(new Tok("", hide)) : arg);
                } else {
                    List<Tok> e = expandToks(arg, depth + 1);
                    if (e == null) {
                        return null;
                    }
                    out.addAll(e);
                }
            } else {
                out.add(new Tok(t, hide));
            }
        }
        List<String> texts = paste(out.stream().map(Tok::text).toList());
        if (texts.size() == out.stream().filter(x -> !x.text().isEmpty()).count()) {
            List<Tok> kept = new ArrayList<>();
            for (Tok x : out) {
                if (!x.text().isEmpty()) {
                    kept.add(new Tok(x.text(), union(x.hide(), hide)));
                }
            }
            return kept;
        }
        return texts.stream().map(x -> new Tok(x, hide)).toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (b.containsAll(a)) {
            return b;
        }
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private static List<String> paste(List<String> tokens) {
        if (!tokens.contains("##")) {
            return tokens.contains("") ? tokens.stream().filter(s -> !s.isEmpty()).toList() : tokens;
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < tokens.size(); k++) {
            String t = tokens.get(k);
            if (t.equals("##") && !out.isEmpty() && k + 1 < tokens.size()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + tokens.get(++k));
            } else {
                out.add(t);
            }
        }
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }

    // ---- tokens and arithmetic -------------------------------------------------------------

    static List<String> tokenize(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(s.substring(i, Math.min(j + 1, n)));
                i = j + 1;
            } else {
                String p = String.valueOf(c);
                for (String candidate : PUNCT) {
                    if (s.startsWith(candidate, i)) {
                        p = candidate;
                        break;
                    }
                }
                out.add(p);
                i += p.length();
            }
        }
        return out;
    }

    private static boolean isIdentifier(String t) {
        return !t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_');
    }

    /** A recursive-descent parser of C's integer constant expressions. */
    private static final class Parser {
        private final List<String> t;
        private int pos;

        Parser(List<String> tokens) {
            this.t = tokens;
        }

        private String peek() {
            return pos < t.size() ? t.get(pos) : "";
        }

        private boolean eat(String s) {
            if (peek().equals(s)) {
                pos++;
                return true;
            }
            return false;
        }

        long conditional() {
            long c = binary(0);
            if (eat("?")) {
                long a = conditional();
                if (!eat(":")) {
                    throw new IllegalArgumentException("missing :");
                }
                long b = conditional();
                return c != 0 ? a : b;
            }
            return c;
        }

        private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"), List.of("^"),
                List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"), List.of("+", "-"),
                List.of("*", "/", "%"));

        long binary(int level) {
            if (level == LEVELS.size()) {
                return unary();
            }
            long v = binary(level + 1);
            while (LEVELS.get(level).contains(peek())) {
                String op = t.get(pos++);
                long r = binary(level + 1);
                v = switch (op) {
                    case "||" -> (v != 0 || r != 0) ? 1 : 0;
                    case "&&" -> (v != 0 && r != 0) ? 1 : 0;
                    case "|" -> v | r;
                    case "^" -> v ^ r;
                    case "&" -> v & r;
                    case "==" -> v == r ? 1 : 0;
                    case "!=" -> v != r ? 1 : 0;
                    case "<" -> v < r ? 1 : 0;
                    case ">" -> v > r ? 1 : 0;
                    case "<=" -> v <= r ? 1 : 0;
                    case ">=" -> v >= r ? 1 : 0;
                    case "<<" -> v << r;
                    case ">>" -> v >> r;
                    case "+" -> v + r;
                    case "-" -> v - r;
                    case "*" -> v * r;
                    case "/" -> r == 0 ? 0 : v / r;
                    default -> r == 0 ? 0 : v % r;
                };
            }
            return v;
        }

        long unary() {
            if (eat("!")) {
                return unary() == 0 ? 1 : 0;
            }
            if (eat("~")) {
                return ~unary();
            }
            if (eat("-")) {
                return -unary();
            }
            if (eat("+")) {
                return unary();
            }
            if (eat("(")) {
                long v = conditional();
                if (!eat(")")) {
                    throw new IllegalArgumentException("missing )");
                }
                return v;
            }
            String tok = peek();
            if (tok.isEmpty()) {
                throw new IllegalArgumentException("unexpected end");
            }
            pos++;
            if (isIdentifier(tok)) {
                return 0;
            }
            if (tok.startsWith("'")) {
                String body = tok.substring(1, Math.max(1, tok.length() - 1));
                return body.startsWith("\\") ? escape(body) : body.isEmpty() ? 0 : body.charAt(0);
            }
            return number(tok);
        }

        private static long escape(String body) {
            return switch (body.length() > 1 ? body.charAt(1) : '0') {
                case 'n' -> '\n';
                case 't' -> '\t';
                case '0' -> 0;
                default -> body.charAt(1);
            };
        }

        private static long number(String tok) {
            int end = tok.length();
            while (end > 0 && "uUlL".indexOf(tok.charAt(end - 1)) >= 0) {
                end--;
            }
            String s = tok.substring(0, end);
            try {
                if (s.startsWith("0x") || s.startsWith("0X")) {
                    return Long.parseUnsignedLong(s.substring(2), 16);
                }
                if (s.startsWith("0b") || s.startsWith("0B")) {
                    return Long.parseLong(s.substring(2), 2);
                }
                if (s.length() > 1 && s.startsWith("0")) {
                    return Long.parseLong(s.substring(1), 8);
                }
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number: " + tok);
            }
        }
    }
}
