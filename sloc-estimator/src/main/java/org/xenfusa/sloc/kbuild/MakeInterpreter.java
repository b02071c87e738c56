package org.xenfusa.sloc.kbuild;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Evaluates the GNU make language as far as Kbuild Makefiles need it: variables of both flavours,
 * conditionals, includes, {@code define}, rules (recorded, never run) and the text functions.
 * Nothing is executed: {@code $(shell ...)} expands to nothing, which is why toolchain answers
 * (such as whether the compiler can build EFI code) are given as command-line variables.
 */
// [impl->dsn~makefile-walk~1]
final class MakeInterpreter {
    /** A variable's value; recursive ones keep their text unexpanded, as make does. */
    private record Variable(String value, boolean recursive, String origin) {
    }

    private static final Pattern WHITESPACE = Pattern.compile("[ \t\n\r]+");
    private static final String ABS_ROOT = "/xen-build";
    private static final int MAX_DEPTH = 200;

    private final BuildFolder folder;
    private final Map<String, Variable> vars;
    private final Deque<Map<String, String>> locals = new ArrayDeque<>();
    private final List<MakeRule> rules = new ArrayList<>();
    /** Target-specific assignments ({@code targets: VAR := value}) in the order read; the value expanded for {@code :=}. */
    private final List<TargetAssignment> targetAssignments = new ArrayList<>();
    private final List<KbuildWarning> warnings;
    private final Map<String, String> probeAnswers;
    private String file = "<none>";
    private int line;
    private int depth;
    private int shellCalls;

    MakeInterpreter(BuildFolder folder, List<KbuildWarning> warnings) {
        this(folder, new HashMap<>(), new HashMap<>(), warnings);
    }

    private MakeInterpreter(BuildFolder folder, Map<String, Variable> vars, Map<String, String> probeAnswers,
            List<KbuildWarning> warnings) {
        this.folder = folder;
        this.vars = vars;
        this.probeAnswers = probeAnswers;
        this.warnings = warnings;
    }

    /** A fresh interpreter with the same variables (rules and warnings are not shared). */
    MakeInterpreter copy(List<KbuildWarning> newWarnings) {
        return new MakeInterpreter(folder, new HashMap<>(vars), probeAnswers, newWarnings);
    }

    /**
     * Declares what a toolchain probe assigns to {@code name} (e.g. {@code XEN_BUILD_EFI}, which a
     * Makefile sets from a test compile): whenever a Makefile assigns that variable, it gets this
     * answer instead of running anything; where the Makefile does not assign it (a condition keeps
     * the probe out), it stays unset, as in the real build.
     */
    void setProbeAnswer(String name, String value) {
        probeAnswers.put(name, value);
    }

    /** Sets a variable as the command line does: Makefile assignments cannot change it. */
    void setCommandLine(String name, String value) {
        vars.put(name, new Variable(value, false, "command line"));
    }

    /** Sets a simple variable as a Makefile would. */
    void set(String name, String value) {
        vars.put(name, new Variable(value, false, "file"));
    }

    boolean defined(String name) {
        return vars.containsKey(name);
    }

    /** The expanded value of a variable, empty when undefined. */
    String value(String name) {
        return valueOf(name);
    }

    List<String> wordsOf(String name) {
        return words(valueOf(name));
    }

    String expandText(String text) {
        return expand(text);
    }

    List<MakeRule> rules() {
        return List.copyOf(rules);
    }

    /** One {@code targets: VAR op value} line. */
    private record TargetAssignment(List<String> targets, String name, String op, String value) {
        boolean appliesTo(String target) {
            return targets.stream().anyMatch(t -> t.contains("%") ? stem(normalize(t), target).isPresent() : normalize(t).equals(target));
        }
    }

    /**
     * The expanded value of {@code name} while make builds {@code target} (a path relative to the build folder):
     * the global value with this folder's target-specific assignments for that target applied in order.
     */
    String valueFor(String target, String name) {
        String value = valueOf(name);
        for (TargetAssignment a : targetAssignments) {
            if (!a.name().equals(name) || !a.appliesTo(target)) {
                continue;
            }
            switch (a.op()) {
                case "+=" -> value = join(value, expand(a.value()));
                case "?=" -> {
                    if (!defined(name)) {
                        value = expand(a.value());
                    }
                }
                case ":=", "::=" -> value = a.value();
                default -> value = expand(a.value());
            }
        }
        return value;
    }

    int shellCalls() {
        return shellCalls;
    }

    /** Reads and evaluates a Makefile; a missing one is a warning unless {@code optional}. */
    void include(String path, boolean optional) {
        String normal = normalize(path);
        Optional<KbuildMakefile> mf = normal.isEmpty() ? Optional.empty() : folder.makefile(normal);
        if (mf.isEmpty()) {
            if (!optional) {
                warn("included Makefile not found: " + path);
            }
            return;
        }
        String list = valueOf("MAKEFILE_LIST");
        set("MAKEFILE_LIST", list.isEmpty() ? normal : list + " " + normal);
        evaluate(mf.get());
    }

    void evaluate(KbuildMakefile makefile) {
        String savedFile = file;
        int savedLine = line;
        try {
            evaluateLines(makefile.path(), makefile.lines());
        } finally {
            file = savedFile;
            line = savedLine;
        }
    }

    /** One level of {@code ifeq}/{@code ifdef}...: whether its current branch is live. */
    private static final class Conditional {
        final boolean parentActive;
        final int line;
        boolean taken;
        boolean active;

        Conditional(boolean parentActive, boolean result, int line) {
            this.parentActive = parentActive;
            this.line = line;
            this.taken = result;
            this.active = parentActive && result;
        }
    }

    /** Rules of the last rule line, so that a recipe line can mark them as having a recipe. */
    private List<Integer> ruleContext = List.of();

    private void evaluateLines(String path, List<KbuildMakefile.Line> lines) {
        Deque<Conditional> conds = new ArrayDeque<>();
        List<Integer> savedContext = ruleContext;
        ruleContext = List.of();
        for (int i = 0; i < lines.size(); i++) {
            KbuildMakefile.Line l = lines.get(i);
            file = path;
            line = l.number();
            boolean active = conds.isEmpty() || conds.peek().active;
            String text = l.text();
            if (l.recipePrefixed() && !ruleContext.isEmpty()) {
                if (active) {
                    markRecipe();
                }
                continue;
            }
            String s = stripComment(text).strip();
            if (s.isEmpty()) {
                continue;
            }
            String word = firstWord(s);
            String rest = s.substring(word.length()).strip();
            switch (word) {
                case "ifeq", "ifneq", "ifdef", "ifndef" -> {
                    conds.push(new Conditional(active, active && condition(word, rest), l.number()));
                    continue;
                }
                case "else" -> {
                    if (conds.isEmpty()) {
                        warn("else without a conditional");
                        continue;
                    }
                    Conditional c = conds.peek();
                    if (rest.isEmpty()) {
                        c.active = c.parentActive && !c.taken;
                        c.taken = true;
                    } else {
                        String w = firstWord(rest);
                        if (!Set.of("ifeq", "ifneq", "ifdef", "ifndef").contains(w)) {
                            warn("unparsable else: " + s);
                            c.active = false;
                            continue;
                        }
                        boolean result = !c.taken && c.parentActive && condition(w, rest.substring(w.length()).strip());
                        c.active = result;
                        c.taken |= result;
                    }
                    continue;
                }
                case "endif" -> {
                    if (conds.isEmpty()) {
                        warn("endif without a conditional");
                    } else {
                        conds.pop();
                    }
                    continue;
                }
                default -> {
                }
            }
            if (word.equals("define")) {
                int end = findEndef(lines, i);
                if (active) {
                    define(rest, lines.subList(i + 1, end < 0 ? lines.size() : end), false);
                }
                if (end < 0) {
                    warn("define without endef");
                    i = lines.size();
                } else {
                    i = end;
                }
                ruleContext = List.of();
                continue;
            }
            if (!active) {
                continue;
            }
            ruleContext = List.of();
            statement(s, lines, i);
            if (pendingSkip > 0) {
                i = pendingSkip;
                pendingSkip = 0;
            }
        }
        for (Conditional c : conds) {
            warnings.add(new KbuildWarning(path, c.line, "conditional never closes (missing endif)"));
        }
        ruleContext = savedContext;
    }

    /** Set by a statement that consumed following lines (an {@code override define}). */
    private int pendingSkip;

    private void statement(String s, List<KbuildMakefile.Line> lines, int index) {
        String word = firstWord(s);
        String rest = s.substring(word.length()).strip();
        switch (word) {
            case "include", "-include", "sinclude" -> {
                for (String f : words(expand(rest))) {
                    include(f, !word.equals("include"));
                }
                return;
            }
            case "export", "unexport" -> {
                if (!rest.isEmpty() && separator(rest).kind == Sep.ASSIGN) {
                    assignment(rest, false);
                }
                return;
            }
            case "override" -> {
                if (firstWord(rest).equals("define")) {
                    int end = findEndef(lines, index);
                    define(rest.substring(6).strip(), lines.subList(index + 1, end < 0 ? lines.size() : end), true);
                    pendingSkip = end < 0 ? lines.size() : end;
                } else {
                    assignment(rest, true);
                }
                return;
            }
            case "private" -> {
                statement(rest, lines, index);
                return;
            }
            case "undefine" -> {
                vars.remove(expand(rest).strip());
                return;
            }
            case "vpath", "endef" -> {
                if (word.equals("endef")) {
                    warn("endef without define");
                }
                return;
            }
            default -> {
            }
        }
        Separator sep = separator(s);
        switch (sep.kind) {
            case ASSIGN -> assignment(s, false);
            case RULE -> rule(s, sep.index);
            case NONE -> {
                String out = expand(s);
                if (!out.isBlank()) {
                    warn("unparsable Makefile line (missing separator): " + s);
                }
            }
        }
    }

    private static int findEndef(List<KbuildMakefile.Line> lines, int from) {
        int nesting = 0;
        for (int k = from + 1; k < lines.size(); k++) {
            String w = firstWord(lines.get(k).text().strip());
            if (w.equals("define") || (w.equals("override") && lines.get(k).text().strip().startsWith("override define"))) {
                nesting++;
            } else if (w.equals("endef")) {
                if (nesting == 0) {
                    return k;
                }
                nesting--;
            }
        }
        return -1;
    }

    private void define(String head, List<KbuildMakefile.Line> body, boolean override) {
        String name = head;
        String op = "=";
        for (String candidate : List.of("::=", ":=", "+=", "?=", "!=", "=")) {
            if (head.endsWith(candidate)) {
                op = candidate;
                name = head.substring(0, head.length() - candidate.length());
                break;
            }
        }
        StringBuilder value = new StringBuilder();
        for (KbuildMakefile.Line b : body) {
            if (!value.isEmpty()) {
                value.append('\n');
            }
            value.append(b.text());
        }
        assign(expand(name).strip(), op, value.toString(), override);
    }

    private void assignment(String s, boolean override) {
        Separator sep = separator(s);
        if (sep.kind != Sep.ASSIGN) {
            warn("not an assignment: " + s);
            return;
        }
        String name = expand(s.substring(0, sep.index)).strip();
        String value = s.substring(sep.index + sep.op.length()).stripLeading();
        assign(name, sep.op, value, override);
    }

    private void assign(String name, String op, String value, boolean override) {
        if (name.isEmpty()) {
            warn("empty variable name");
            return;
        }
        Variable old = vars.get(name);
        if (old != null && old.origin.equals("command line") && !override) {
            return;
        }
        String origin = override ? "override" : "file";
        String answer = probeAnswers.get(name);
        if (answer != null && !op.equals("+=") && !op.equals("?=")) {
            vars.put(name, new Variable(answer, false, "toolchain profile"));
            return;
        }
        switch (op) {
            case "=" -> vars.put(name, new Variable(value, true, origin));
            case ":=", "::=" -> vars.put(name, new Variable(expand(value), false, origin));
            case "?=" -> {
                if (old == null) {
                    vars.put(name, new Variable(value, true, origin));
                }
            }
            case "+=" -> {
                if (old == null) {
                    vars.put(name, new Variable(value, true, origin));
                } else if (old.recursive) {
                    vars.put(name, new Variable(join(old.value, value), true, old.origin));
                } else {
                    vars.put(name, new Variable(join(old.value, expand(value)), false, old.origin));
                }
            }
            case "!=" -> {
                shellCalls++;
                vars.put(name, new Variable("", false, origin));
            }
            default -> warn("unknown assignment operator " + op);
        }
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + " " + b;
    }

    private void rule(String s, int colon) {
        String targetsText = s.substring(0, colon);
        int after = colon + 1;
        if (after < s.length() && s.charAt(after) == ':') {
            after++; // double-colon rule
        }
        String rest = s.substring(after);
        int semi = topLevelIndex(rest, ';');
        Separator inner = separator(semi >= 0 ? rest.substring(0, semi) : rest);
        if (inner.kind == Sep.ASSIGN) {
            // target-specific variable: changes flags (e.g. a 32-bit compile), never which files are built
            String body = semi >= 0 ? rest.substring(0, semi) : rest;
            String name = expand(body.substring(0, inner.index)).strip();
            String value = body.substring(inner.index + inner.op.length()).strip();
            boolean immediate = inner.op.equals(":=") || inner.op.equals("::=");
            targetAssignments.add(new TargetAssignment(words(expand(targetsText)), name, inner.op, immediate ? expand(value) : value));
            return;
        }
        boolean recipe = semi >= 0;
        String prereqText = semi >= 0 ? rest.substring(0, semi) : rest;
        List<String> targets = words(expand(targetsText));
        List<Integer> added = new ArrayList<>();
        Separator second = separator(prereqText);
        if (second.kind == Sep.RULE) {
            // static pattern rule: targets: target-pattern: prerequisite-patterns
            String targetPattern = expand(prereqText.substring(0, second.index)).strip();
            List<String> prereqPatterns = prerequisites(prereqText.substring(second.index + 1));
            for (String t : targets) {
                Optional<String> stem = stem(targetPattern, t);
                if (stem.isEmpty()) {
                    continue;
                }
                List<String> prereqs = prereqPatterns.stream().map(p -> replacePercent(p, stem.get())).toList();
                rules.add(new MakeRule(List.of(t), prereqs, recipe, file, line));
                added.add(rules.size() - 1);
            }
        } else {
            if (!targets.isEmpty()) {
                rules.add(new MakeRule(targets, prerequisites(prereqText), recipe, file, line));
                added.add(rules.size() - 1);
            }
        }
        ruleContext = added.isEmpty() ? List.of(-1) : added;
    }

    private List<String> prerequisites(String text) {
        return words(expand(text)).stream().filter(w -> !w.equals("|")).toList();
    }

    private void markRecipe() {
        for (int idx : ruleContext) {
            if (idx >= 0 && !rules.get(idx).hasRecipe()) {
                rules.set(idx, rules.get(idx).withRecipe());
            }
        }
    }

    private boolean condition(String kind, String rest) {
        if (kind.equals("ifdef") || kind.equals("ifndef")) {
            String name = expand(rest).strip();
            Variable v = lookup(name);
            boolean defined = v != null && !v.value.isEmpty();
            return kind.equals("ifdef") == defined;
        }
        String a;
        String b;
        if (rest.startsWith("(")) {
            int close = matchClose(rest, 1, '(', ')');
            if (close < 0) {
                warn("unparsable conditional: " + kind + " " + rest);
                return false;
            }
            String inside = rest.substring(1, close);
            int comma = topLevelIndex(inside, ',');
            if (comma < 0) {
                warn("unparsable conditional: " + kind + " " + rest);
                return false;
            }
            a = expand(inside.substring(0, comma).stripTrailing()).strip();
            b = expand(inside.substring(comma + 1).stripLeading()).strip();
        } else {
            List<String> quoted = quotedArgs(rest);
            if (quoted.size() != 2) {
                warn("unparsable conditional: " + kind + " " + rest);
                return false;
            }
            a = expand(quoted.get(0));
            b = expand(quoted.get(1));
        }
        return kind.equals("ifeq") == a.equals(b);
    }

    private static List<String> quotedArgs(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    return List.of();
                }
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                return List.of();
            }
        }
        return out;
    }

    // ---- separators ------------------------------------------------------------------------

    private enum Sep { NONE, ASSIGN, RULE }

    private record Separator(Sep kind, int index, String op) {
    }

    /** Finds what makes a line an assignment or a rule: the first top-level '=' operator or ':'. */
    private static Separator separator(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                char open = s.charAt(i + 1);
                int end = matchClose(s, i + 2, open, open == '(' ? ')' : '}');
                if (end < 0) {
                    return new Separator(Sep.NONE, -1, "");
                }
                i = end;
                continue;
            }
            if (c == '$') {
                i++;
                continue;
            }
            if (c == '=') {
                if (i > 0 && "+?!".indexOf(s.charAt(i - 1)) >= 0) {
                    return new Separator(Sep.ASSIGN, i - 1, s.charAt(i - 1) + "=");
                }
                return new Separator(Sep.ASSIGN, i, "=");
            }
            if (c == ':') {
                if (s.startsWith(":=", i)) {
                    return new Separator(Sep.ASSIGN, i, ":=");
                }
                if (s.startsWith("::=", i)) {
                    return new Separator(Sep.ASSIGN, i, "::=");
                }
                return new Separator(Sep.RULE, i, ":");
            }
        }
        return new Separator(Sep.NONE, -1, "");
    }

    private static int topLevelIndex(String s, char wanted) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                char open = s.charAt(i + 1);
                int end = matchClose(s, i + 2, open, open == '(' ? ')' : '}');
                if (end < 0) {
                    return -1;
                }
                i = end;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static String stripComment(String s) {
        if (s.indexOf('#') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '#') {
                out.append('#');
                i++;
                continue;
            }
            if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '(' || s.charAt(i + 1) == '{')) {
                depth++;
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (depth > 0 && (c == ')' || c == '}')) {
                depth--;
            } else if (depth > 0 && (c == '(' || c == '{')) {
                depth++;
            } else if (c == '#' && depth == 0) {
                break;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static int matchClose(String s, int from, char open, char close) {
        int d = 1;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == open) {
                d++;
            } else if (c == close && --d == 0) {
                return k;
            }
        }
        return -1;
    }

    // ---- expansion -------------------------------------------------------------------------

    private String expand(String s) {
        if (s.indexOf('$') < 0) {
            return s;
        }
        if (++depth > MAX_DEPTH) {
            depth--;
            warn("expansion too deep (recursive variable?)");
            return "";
        }
        try {
            StringBuilder out = new StringBuilder();
            int i = 0;
            int n = s.length();
            while (i < n) {
                char c = s.charAt(i);
                if (c != '$') {
                    out.append(c);
                    i++;
                    continue;
                }
                if (i + 1 >= n) {
                    break;
                }
                char d = s.charAt(i + 1);
                if (d == '$') {
                    out.append('$');
                    i += 2;
                } else if (d == '(' || d == '{') {
                    char close = d == '(' ? ')' : '}';
                    int end = matchClose(s, i + 2, d, close);
                    if (end < 0) {
                        warn("unterminated variable reference: " + s.substring(i));
                        break;
                    }
                    out.append(reference(s.substring(i + 2, end), d, close));
                    i = end + 1;
                } else {
                    out.append(valueOf(String.valueOf(d)));
                    i += 2;
                }
            }
            return out.toString();
        } finally {
            depth--;
        }
    }

    private String reference(String body, char open, char close) {
        int ws = 0;
        while (ws < body.length() && body.charAt(ws) != ' ' && body.charAt(ws) != '\t') {
            ws++;
        }
        if (ws < body.length()) {
            String name = body.substring(0, ws);
            if (FUNCTIONS.containsKey(name)) {
                int start = ws;
                while (start < body.length() && (body.charAt(start) == ' ' || body.charAt(start) == '\t')) {
                    start++;
                }
                return function(name, body.substring(start), open, close);
            }
        }
        // substitution reference $(var:a=b)
        int colon = topLevelIndex(body, ':');
        if (colon >= 0) {
            int eq = body.indexOf('=', colon);
            if (eq > colon) {
                String value = valueOf(expand(body.substring(0, colon)));
                String from = expand(body.substring(colon + 1, eq));
                String to = expand(body.substring(eq + 1));
                if (!from.contains("%")) {
                    from = "%" + from;
                    to = "%" + to;
                }
                return patsubst(from, to, value);
            }
        }
        return valueOf(expand(body));
    }

    private Variable lookup(String name) {
        for (Map<String, String> scope : locals) {
            String v = scope.get(name);
            if (v != null) {
                return new Variable(v, false, "automatic");
            }
        }
        return vars.get(name);
    }

    private String valueOf(String name) {
        Variable v = lookup(name);
        if (v == null) {
            return "";
        }
        return v.recursive ? expand(v.value) : v.value;
    }

    /** How one make function is evaluated: from its arguments as written (it expands what it needs). */
    @FunctionalInterface
    private interface FunctionBody {
        String apply(MakeInterpreter m, List<String> args);
    }

    /** One make function: how many comma-separated arguments it takes (the last one keeps any further comma). */
    private record MakeFunction(int maxArgs, FunctionBody body) {
    }

    /** A function that works on its arguments expanded, as most of make's text functions do. */
    private static MakeFunction expanded(int maxArgs, java.util.function.Function<List<String>, String> body) {
        return new MakeFunction(maxArgs, (m, args) -> body.apply(args.stream().map(m::expand).toList()));
    }

    /** Argument {@code k}, empty when absent. */
    private static String arg(List<String> a, int k) {
        return k < a.size() ? a.get(k) : "";
    }

    /** GNU make's functions; conditionals, loops and {@code call} expand their arguments lazily. */
    private static final Map<String, MakeFunction> FUNCTIONS = Map.ofEntries(
            Map.entry("if", new MakeFunction(3, MakeInterpreter::ifFunction)),
            Map.entry("or", new MakeFunction(Integer.MAX_VALUE, MakeInterpreter::orFunction)),
            Map.entry("and", new MakeFunction(Integer.MAX_VALUE, MakeInterpreter::andFunction)),
            Map.entry("foreach", new MakeFunction(3, MakeInterpreter::foreachFunction)),
            Map.entry("call", new MakeFunction(Integer.MAX_VALUE, MakeInterpreter::callFunction)),
            Map.entry("value", new MakeFunction(1, (m, a) -> {
                Variable v = m.lookup(m.expand(a.get(0)).strip());
                return v == null ? "" : v.value;
            })),
            Map.entry("origin", new MakeFunction(1, (m, a) -> {
                Variable v = m.lookup(m.expand(a.get(0)).strip());
                return v == null ? "undefined" : v.origin;
            })),
            Map.entry("flavor", new MakeFunction(1, (m, a) -> {
                Variable v = m.lookup(m.expand(a.get(0)).strip());
                return v == null ? "undefined" : v.recursive ? "recursive" : "simple";
            })),
            Map.entry("eval", new MakeFunction(1, MakeInterpreter::evalFunction)),
            Map.entry("shell", new MakeFunction(1, (m, a) -> {
                // never run: counted, so that a caller can tell that a value depended on one
                m.shellCalls++;
                return "";
            })),
            Map.entry("error", new MakeFunction(1, (m, a) -> {
                m.warn("$(error " + m.expand(a.get(0)).strip() + ")");
                return "";
            })),
            Map.entry("warning", new MakeFunction(1, (m, a) -> "")),
            Map.entry("info", new MakeFunction(1, (m, a) -> "")),
            Map.entry("file", new MakeFunction(1, (m, a) -> "")),
            Map.entry("subst", expanded(3, x -> arg(x, 0).isEmpty() ? arg(x, 2) : arg(x, 2).replace(arg(x, 0), arg(x, 1)))),
            Map.entry("patsubst", expanded(3, x -> patsubst(arg(x, 0).strip(), arg(x, 1).strip(), arg(x, 2)))),
            Map.entry("strip", expanded(1, x -> String.join(" ", words(arg(x, 0))))),
            Map.entry("findstring", expanded(2, x -> arg(x, 1).contains(arg(x, 0)) ? arg(x, 0) : "")),
            Map.entry("filter", expanded(2, x -> filter(arg(x, 0), arg(x, 1), true))),
            Map.entry("filter-out", expanded(2, x -> filter(arg(x, 0), arg(x, 1), false))),
            Map.entry("sort", expanded(1, x -> String.join(" ", new TreeSet<>(words(arg(x, 0)))))),
            Map.entry("word", expanded(2, x -> {
                int k = parseInt(arg(x, 0));
                List<String> w = words(arg(x, 1));
                return k >= 1 && k <= w.size() ? w.get(k - 1) : "";
            })),
            Map.entry("wordlist", expanded(3, x -> {
                int from = parseInt(arg(x, 0));
                int to = parseInt(arg(x, 1));
                List<String> w = words(arg(x, 2));
                return from < 1 || from > w.size() || to < from ? "" : String.join(" ", w.subList(from - 1, Math.min(to, w.size())));
            })),
            Map.entry("words", expanded(1, x -> String.valueOf(words(arg(x, 0)).size()))),
            Map.entry("firstword", expanded(1, x -> words(arg(x, 0)).stream().findFirst().orElse(""))),
            Map.entry("lastword", expanded(1, x -> {
                List<String> w = words(arg(x, 0));
                return w.isEmpty() ? "" : w.get(w.size() - 1);
            })),
            Map.entry("dir", expanded(1, x -> mapWords(arg(x, 0), w -> w.contains("/") ? w.substring(0, w.lastIndexOf('/') + 1) : "./"))),
            Map.entry("notdir", expanded(1, x -> mapWords(arg(x, 0), w -> w.substring(w.lastIndexOf('/') + 1)))),
            Map.entry("suffix", expanded(1, x -> String.join(" ", words(arg(x, 0)).stream().map(MakeInterpreter::suffix)
                    .filter(s -> !s.isEmpty()).toList()))),
            Map.entry("basename", expanded(1, x -> mapWords(arg(x, 0), w -> w.substring(0, w.length() - suffix(w).length())))),
            Map.entry("addsuffix", expanded(2, x -> mapWords(arg(x, 1), w -> w + arg(x, 0)))),
            Map.entry("addprefix", expanded(2, x -> mapWords(arg(x, 1), w -> arg(x, 0) + w))),
            Map.entry("join", expanded(2, x -> join(words(arg(x, 0)), words(arg(x, 1))))),
            Map.entry("wildcard", new MakeFunction(1, (m, a) -> m.wildcard(m.expand(a.get(0))))),
            Map.entry("abspath", new MakeFunction(1, (m, a) -> mapWords(m.expand(a.get(0)), m::abspath))),
            Map.entry("realpath", new MakeFunction(1, (m, a) -> String.join(" ", words(m.expand(a.get(0))).stream()
                    .filter(m::exists).map(m::abspath).toList()))));

    private String function(String name, String argText, char open, char close) {
        MakeFunction f = FUNCTIONS.get(name);
        return f.body().apply(this, splitArgs(argText, open, close, f.maxArgs()));
    }

    private static String ifFunction(MakeInterpreter m, List<String> a) {
        String cond = m.expand(a.get(0)).strip();
        if (!cond.isEmpty()) {
            return a.size() > 1 ? m.expand(a.get(1)) : "";
        }
        return a.size() > 2 ? m.expand(a.get(2)) : "";
    }

    private static String orFunction(MakeInterpreter m, List<String> a) {
        for (String x : a) {
            String v = m.expand(x);
            if (!v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    private static String andFunction(MakeInterpreter m, List<String> a) {
        String last = "";
        for (String x : a) {
            last = m.expand(x);
            if (last.isBlank()) {
                return "";
            }
        }
        return last;
    }

    private static String foreachFunction(MakeInterpreter m, List<String> a) {
        if (a.size() < 3) {
            return "";
        }
        String var = m.expand(a.get(0)).strip();
        List<String> out = new ArrayList<>();
        for (String w : words(m.expand(a.get(1)))) {
            m.locals.push(Map.of(var, w));
            try {
                out.add(m.expand(a.get(2)));
            } finally {
                m.locals.pop();
            }
        }
        return String.join(" ", out);
    }

    private static String callFunction(MakeInterpreter m, List<String> a) {
        String fn = m.expand(a.get(0)).strip();
        Map<String, String> params = new HashMap<>();
        params.put("0", fn);
        for (int k = 1; k < 10; k++) {
            params.put(String.valueOf(k), k < a.size() ? m.expand(a.get(k)) : "");
        }
        for (int k = 10; k < a.size(); k++) {
            params.put(String.valueOf(k), m.expand(a.get(k)));
        }
        Variable v = m.lookup(fn);
        if (v == null) {
            return "";
        }
        m.locals.push(params);
        try {
            return m.expand(v.value);
        } finally {
            m.locals.pop();
        }
    }

    private static String evalFunction(MakeInterpreter m, List<String> a) {
        String text = m.expand(a.get(0));
        String f = m.file;
        int l = m.line;
        List<Integer> ctx = m.ruleContext;
        try {
            m.evaluateLines(f + "(eval at line " + l + ")", KbuildMakefile.parse(f, text).lines());
        } finally {
            m.file = f;
            m.line = l;
            m.ruleContext = ctx;
        }
        return "";
    }

    private static String filter(String patternText, String text, boolean keep) {
        List<String> patterns = words(patternText);
        return String.join(" ", words(text).stream().filter(w -> patterns.stream().anyMatch(p -> matches(p, w)) == keep).toList());
    }

    private static String join(List<String> l1, List<String> l2) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < Math.max(l1.size(), l2.size()); k++) {
            out.add((k < l1.size() ? l1.get(k) : "") + (k < l2.size() ? l2.get(k) : ""));
        }
        return String.join(" ", out);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String suffix(String w) {
        int slash = w.lastIndexOf('/');
        int dot = w.lastIndexOf('.');
        return dot > slash ? w.substring(dot) : "";
    }

    private static String mapWords(String text, java.util.function.UnaryOperator<String> f) {
        return String.join(" ", words(text).stream().map(f).toList());
    }

    private List<String> splitArgs(String s, char open, char close, int max) {
        List<String> out = new ArrayList<>();
        int d = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == open) {
                d++;
            } else if (c == close) {
                d--;
            } else if (c == ',' && d == 0 && out.size() < max - 1) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    static List<String> words(String s) {
        String t = s.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        return Arrays.asList(WHITESPACE.split(t));
    }

    /** Matches a word against a make pattern with at most one '%'. */
    static boolean matches(String pattern, String word) {
        int p = pattern.indexOf('%');
        if (p < 0) {
            return pattern.equals(word);
        }
        String pre = pattern.substring(0, p);
        String post = pattern.substring(p + 1);
        return word.length() >= pre.length() + post.length() && word.startsWith(pre) && word.endsWith(post);
    }

    /** The part of {@code word} that '%' stands for in {@code pattern}, if it matches. */
    static Optional<String> stem(String pattern, String word) {
        if (!matches(pattern, word) || !pattern.contains("%")) {
            return Optional.empty();
        }
        int p = pattern.indexOf('%');
        return Optional.of(word.substring(p, word.length() - (pattern.length() - p - 1)));
    }

    static String patsubst(String pattern, String replacement, String text) {
        List<String> out = new ArrayList<>();
        for (String w : words(text)) {
            if (!pattern.contains("%")) {
                out.add(w.equals(pattern) ? replacement : w);
                continue;
            }
            Optional<String> st = stem(pattern, w);
            if (st.isEmpty()) {
                out.add(w);
            } else {
                out.add(replacePercent(replacement, st.get()));
            }
        }
        return String.join(" ", out);
    }

    /** The first '%' of a pattern replaced by a stem (a pattern without '%' stays as it is). */
    static String replacePercent(String pattern, String stem) {
        int p = pattern.indexOf('%');
        return p < 0 ? pattern : pattern.substring(0, p) + stem + pattern.substring(p + 1);
    }

    // ---- files -----------------------------------------------------------------------------

    /** Normalises a path relative to the build folder; empty when it points outside. */
    static String normalize(String path) {
        if (path.startsWith(ABS_ROOT + "/")) {
            path = path.substring(ABS_ROOT.length() + 1);
        } else if (path.startsWith("/")) {
            return "";
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return "";
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    private boolean exists(String w) {
        String n = normalize(w);
        return !n.isEmpty() && (folder.isFile(n) || folder.isDirectory(n));
    }

    private String abspath(String w) {
        if (w.startsWith("/")) {
            return w;
        }
        String n = normalize(w);
        return n.isEmpty() ? ABS_ROOT : ABS_ROOT + "/" + n;
    }

    private String wildcard(String patterns) {
        Set<String> out = new LinkedHashSet<>();
        for (String w : words(patterns)) {
            if (w.indexOf('*') < 0 && w.indexOf('?') < 0 && w.indexOf('[') < 0) {
                if (exists(w)) {
                    out.add(w);
                }
                continue;
            }
            String n = normalize(w);
            String prefix = w.endsWith(n) ? w.substring(0, w.length() - n.length()) : "";
            Pattern re = Pattern.compile(globToRegex(n));
            TreeSet<String> found = new TreeSet<>();
            for (String f : folder.files()) {
                if (re.matcher(f).matches()) {
                    found.add(prefix + f);
                }
                // a glob may also name folders
                String dir = f;
                while (dir.contains("/")) {
                    dir = dir.substring(0, dir.lastIndexOf('/'));
                    if (re.matcher(dir).matches()) {
                        found.add(prefix + dir);
                    }
                }
            }
            out.addAll(found);
        }
        return String.join(" ", out);
    }

    private static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String cls = glob.substring(i + 1, end).replace("\\", "\\\\");
                        if (cls.startsWith("!")) {
                            cls = "^" + cls.substring(1);
                        }
                        re.append('[').append(cls).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return re.toString();
    }

    private void warn(String message) {
        warnings.add(new KbuildWarning(file, line, message));
    }

    /** Variable names defined so far (for tests and diagnostics). */
    Iterator<String> names() {
        return vars.keySet().iterator();
    }
}
