package org.xenfusa.sloc.kconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Kconfig's macro language (variables {@code =}, {@code :=}, {@code +=}, user functions with
 * {@code $(1)}, built-ins {@code info}, {@code warning-if}, {@code error-if}, {@code filename},
 * {@code lineno}), with every macro that would run a program answered by a
 * {@link ToolchainProfile} instead: {@code shell}, {@code success}, {@code failure},
 * {@code if-success}, {@code cc-option}, {@code ld-option}, {@code as-instr}.
 */
// [impl->dsn~toolchain-profile~1]
final class MacroExpander {

    /** A fatal preprocessor error (kconfig itself would stop); the parser reports and goes on. */
    static final class MacroException extends RuntimeException {
        MacroException(String message) {
            super(message);
        }
    }

    /** How a variable was assigned; decides when its value is expanded. */
    enum Flavor { RECURSIVE, SIMPLE, APPEND }

    private static final class Variable {
        String value;
        Flavor flavor;
        int expansions;
    }

    /** Where the lexer is, for $(filename), $(lineno) and messages. */
    interface Position {
        String file();

        int line();
    }

    private final Map<String, Variable> variables = new LinkedHashMap<>();
    private final Map<String, String> environment;
    private final ToolchainProfile profile;
    private final Map<ToolchainProfile.ProbeKind, Map<String, String>> answers = new HashMap<>();
    private final List<KconfigDiagnostic> diagnostics;
    private final List<ToolchainProbe> probes;
    private final Set<String> reportedUnset = new HashSet<>();
    private final Set<String> reportedProbes = new HashSet<>();
    private Position position = new Position() {
        @Override
        public String file() {
            return "";
        }

        @Override
        public int line() {
            return 0;
        }
    };

    MacroExpander(Map<String, String> environment, ToolchainProfile profile, List<KconfigDiagnostic> diagnostics,
            List<ToolchainProbe> probes) {
        this.environment = environment;
        this.profile = profile;
        this.diagnostics = diagnostics;
        this.probes = probes;
        for (ToolchainProfile.ProbeKind kind : ToolchainProfile.ProbeKind.values()) {
            Map<String, String> expanded = new HashMap<>();
            profile.answersOf(kind).forEach((k, v) -> expanded.put(substituteEnvironment(k), v));
            answers.put(kind, expanded);
        }
    }

    void setPosition(Position position) {
        this.position = position;
    }

    /** Profile keys name variables of the environment only (no functions): plain substitution. */
    private String substituteEnvironment(String key) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < key.length()) {
            if (key.startsWith("$(", i)) {
                int close = key.indexOf(')', i);
                if (close > 0) {
                    out.append(environment.getOrDefault(key.substring(i + 2, close), ""));
                    i = close + 1;
                    continue;
                }
            }
            out.append(key.charAt(i++));
        }
        return out.toString();
    }

    void addVariable(String name, String value, Flavor flavor) {
        Variable v = variables.get(name);
        boolean append = false;
        if (v != null) {
            if (flavor == Flavor.APPEND) {
                flavor = v.flavor;
                append = true;
            }
        } else {
            if (flavor == Flavor.APPEND) {
                flavor = Flavor.RECURSIVE;
            }
            v = new Variable();
            variables.put(name, v);
        }
        v.flavor = flavor;
        String newValue = flavor == Flavor.SIMPLE ? expandString(value) : value;
        v.value = append ? v.value + " " + newValue : newValue;
    }

    /** Expands a whole string (undefined references become empty). */
    String expandString(String in) {
        return expand(in, 0, c -> c < 0, List.of()).text();
    }

    /** Result of expanding part of a line: the text and where expansion stopped. */
    record Expansion(String text, int end) {
    }

    /** Expands one token starting at {@code start}: stops at the first character that cannot be in a name. */
    Expansion expandToken(String line, int start) {
        return expand(line, start, c -> !(c >= 0 && (Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '-')),
                List.of());
    }

    /** Expands the reference right after a '$' at {@code dollarEnd} (the character after '$'). */
    Expansion expandDollar(String line, int afterDollar) {
        return expandDollarWithArgs(line, afterDollar, List.of());
    }

    private Expansion expand(String s, int start, IntPredicate isEnd, List<String> args) {
        StringBuilder out = new StringBuilder();
        int p = start;
        while (true) {
            int c = p < s.length() ? s.charAt(p) : -1;
            if (c == '$') {
                Expansion e = expandDollarWithArgs(s, p + 1, args);
                out.append(e.text());
                p = e.end();
                continue;
            }
            if (isEnd.test(c)) {
                break;
            }
            out.append((char) c);
            p++;
        }
        return new Expansion(out.toString(), p);
    }

    private Expansion expandDollarWithArgs(String s, int p, List<String> args) {
        if (p >= s.length() || s.charAt(p) != '(') {
            return new Expansion("$", p);
        }
        int q = p + 1;
        int nest = 0;
        while (q < s.length()) {
            char c = s.charAt(q);
            if (c == '(') {
                nest++;
            } else if (c == ')') {
                if (nest-- == 0) {
                    break;
                }
            }
            q++;
        }
        if (q >= s.length()) {
            throw new MacroException("unterminated reference to '" + s.substring(p + 1) + "': missing ')'");
        }
        return new Expansion(evalClause(s.substring(p + 1, q), args), q + 1);
    }

    private String evalClause(String clause, List<String> args) {
        if (clause.matches("[0-9]+")) {
            try {
                int n = Integer.parseInt(clause);
                if (n > 0 && n <= args.size()) {
                    return args.get(n - 1);
                }
            } catch (NumberFormatException e) {
                // a huge number is no argument index: fall through to variables, as strtoul would
            }
        }
        List<String> raw = new ArrayList<>();
        int nest = 0;
        int prev = 0;
        for (int i = 0; i < clause.length(); i++) {
            char c = clause.charAt(i);
            if (nest == 0 && c == ',') {
                raw.add(clause.substring(prev, i));
                prev = i + 1;
            } else if (c == '(') {
                nest++;
            } else if (c == ')') {
                nest--;
            }
        }
        raw.add(clause.substring(prev));
        if (raw.size() > 17) {
            throw new MacroException("too many function arguments");
        }
        String name = expand(raw.get(0), 0, c -> c < 0, args).text();
        List<String> callArgs = new ArrayList<>();
        for (int i = 1; i < raw.size(); i++) {
            callArgs.add(expand(raw.get(i), 0, c -> c < 0, args).text());
        }
        String probe = probe(name, callArgs);
        if (probe != null) {
            return probe;
        }
        Variable v = variables.get(name);
        if (v != null) {
            if (callArgs.isEmpty() && v.expansions > 0) {
                throw new MacroException("Recursive variable '" + name + "' references itself (eventually)");
            }
            if (v.expansions > 1000) {
                throw new MacroException("Too deep recursive expansion");
            }
            v.expansions++;
            try {
                return v.flavor == Flavor.RECURSIVE ? expand(v.value, 0, c -> c < 0, callArgs).text() : v.value;
            } finally {
                v.expansions--;
            }
        }
        String builtin = builtin(name, callArgs);
        if (builtin != null) {
            return builtin;
        }
        if (callArgs.isEmpty() && !name.isEmpty()) {
            String env = environment.get(name);
            if (env != null) {
                return env;
            }
            if (reportedUnset.add(name)) {
                diagnostics.add(KconfigDiagnostic.warning(position.file(), position.line(),
                        "$(" + name + ") is neither a Kconfig variable nor set in the environment; expanded to ''"));
            }
        }
        return "";
    }

    private String builtin(String name, List<String> args) {
        switch (name) {
            case "error-if" -> {
                arity(name, args, 2, 2);
                if (args.get(0).equals("y")) {
                    throw new MacroException(args.get(1));
                }
                return "";
            }
            case "warning-if" -> {
                arity(name, args, 2, 2);
                if (args.get(0).equals("y")) {
                    diagnostics.add(KconfigDiagnostic.warning(position.file(), position.line(), args.get(1)));
                }
                return "";
            }
            case "info" -> {
                arity(name, args, 1, 1);
                diagnostics.add(new KconfigDiagnostic(position.file(), position.line(),
                        KconfigDiagnostic.Severity.INFO, args.get(0)));
                return "";
            }
            case "filename" -> {
                arity(name, args, 0, 0);
                return position.file();
            }
            case "lineno" -> {
                arity(name, args, 0, 0);
                return Integer.toString(position.line());
            }
            default -> {
                return null;
            }
        }
    }

    private static void arity(String name, List<String> args, int min, int max) {
        if (args.size() < min) {
            throw new MacroException("too few function arguments passed to '" + name + "'");
        }
        if (args.size() > max) {
            throw new MacroException("too many function arguments passed to '" + name + "'");
        }
    }

    /** Answers the macros that would run a program; null for any other name. */
    private String probe(String name, List<String> args) {
        ToolchainProfile.ProbeKind kind = switch (name) {
            case "cc-option" -> ToolchainProfile.ProbeKind.CC_OPTION;
            case "ld-option" -> ToolchainProfile.ProbeKind.LD_OPTION;
            case "as-instr" -> ToolchainProfile.ProbeKind.AS_INSTR;
            case "success", "failure", "if-success" -> ToolchainProfile.ProbeKind.COMMAND;
            case "shell" -> ToolchainProfile.ProbeKind.SHELL;
            default -> null;
        };
        if (kind == null || args.isEmpty()) {
            if (name.equals("shell")) {
                arity(name, args, 1, 1);
            }
            return null;
        }
        String question = args.get(0);
        String answer = answers.get(kind).get(question);
        boolean known = answer != null;
        if (!known) {
            answer = kind == ToolchainProfile.ProbeKind.SHELL ? "" : "n";
            if (reportedProbes.add(kind.keyword() + "\0" + question)) {
                diagnostics.add(KconfigDiagnostic.warning(position.file(), position.line(),
                        "toolchain profile '" + profile.name() + "' does not answer " + kind.keyword() + " '"
                                + question + "'; answered " + (kind == ToolchainProfile.ProbeKind.SHELL
                                        ? "with empty output" : "as failing")));
            }
        }
        probes.add(new ToolchainProbe(kind, question, answer, known));
        boolean ok = answer.equals("y");
        return switch (name) {
            case "success" -> ok ? "y" : "n";
            case "failure" -> ok ? "n" : "y";
            case "if-success" -> ok ? (args.size() > 1 ? args.get(1) : "") : (args.size() > 2 ? args.get(2) : "");
            default -> answer;
        };
    }
}
