package org.xenfusa.trace.function;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A light C scanner that finds function definitions: at brace depth 0, a name followed by a
 * parenthesised list and then a body in braces, with no '=' before it (which would make it an
 * initialiser). Comments, strings, character literals and preprocessor lines are skipped; both
 * branches of an {@code #if} are read, so a function defined twice under {@code #if}/{@code #else}
 * appears twice. Attribute macros with arguments ({@code __attribute__((...))}, {@code __section(...)})
 * are not taken as names.
 */
final class CFunctions {
    private static final Set<String> NOT_NAMES = Set.of("__attribute__", "__attribute", "__section", "__aligned",
            "__printf", "__scanf", "__declspec", "asm", "__asm__", "__asm", "alignas", "_Alignas", "__nonnull",
            "__must_hold", "__acquires", "__releases", "__has_attribute", "typeof", "__typeof__", "sizeof",
            "DEFINE_PER_CPU", "__cacheline_aligned", "__ro_after_init");

    private CFunctions() {
    }

    static List<SourceFunction> find(String path, List<String> lines) {
        List<SourceFunction> found = new ArrayList<>();
        int depth = 0;
        int parenDepth = 0;
        int declStart = -1;
        String candidate = null;
        String lastIdent = null;
        boolean sawEquals = false;
        boolean inBlockComment = false;
        String functionName = null;
        int functionStart = -1;
        boolean continuedDirective = false;
        for (int ln = 1; ln <= lines.size(); ln++) {
            String line = lines.get(ln - 1);
            int i = 0;
            int n = line.length();
            if (!inBlockComment) {
                if (continuedDirective) {
                    continuedDirective = line.endsWith("\\");
                    continue;
                }
                if (line.stripLeading().startsWith("#")) {
                    continuedDirective = line.endsWith("\\");
                    continue;
                }
            }
            while (i < n) {
                char c = line.charAt(i);
                if (inBlockComment) {
                    int close = line.indexOf("*/", i);
                    if (close < 0) {
                        i = n;
                    } else {
                        inBlockComment = false;
                        i = close + 2;
                    }
                    continue;
                }
                if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                    inBlockComment = true;
                    i += 2;
                    continue;
                }
                if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                    break;
                }
                if (c == '"' || c == '\'') {
                    i = skipLiteral(line, i, c);
                    if (depth == 0 && declStart < 0) {
                        declStart = ln;
                    }
                    continue;
                }
                if (Character.isJavaIdentifierStart(c)) {
                    int j = i + 1;
                    while (j < n && Character.isJavaIdentifierPart(line.charAt(j))) {
                        j++;
                    }
                    if (depth == 0) {
                        if (declStart < 0) {
                            declStart = ln;
                        }
                        if (parenDepth == 0) {
                            lastIdent = line.substring(i, j);
                        }
                    }
                    i = j;
                    continue;
                }
                if (depth == 0) {
                    switch (c) {
                        case '(' -> {
                            if (parenDepth == 0 && candidate == null && lastIdent != null
                                    && !NOT_NAMES.contains(lastIdent)) {
                                candidate = lastIdent;
                            }
                            parenDepth++;
                            lastIdent = null;
                        }
                        case ')' -> parenDepth = Math.max(0, parenDepth - 1);
                        case '=' -> {
                            if (parenDepth == 0) {
                                sawEquals = true;
                            }
                        }
                        case ';' -> {
                            if (parenDepth == 0) {
                                declStart = -1;
                                candidate = null;
                                lastIdent = null;
                                sawEquals = false;
                            }
                        }
                        case '{' -> {
                            depth = 1;
                            if (candidate != null && !sawEquals && parenDepth == 0) {
                                functionName = candidate;
                                functionStart = declStart < 0 ? ln : declStart;
                            }
                        }
                        case '}' -> {
                            // stray close at depth 0 (an #if branch opened it): forget the declaration
                            declStart = -1;
                            candidate = null;
                        }
                        default -> {
                            if (declStart < 0 && !Character.isWhitespace(c)) {
                                declStart = ln;
                            }
                        }
                    }
                } else if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        if (functionName != null) {
                            found.add(new SourceFunction(path, functionName, functionStart, ln,
                                    FunctionParser.hash(lines, functionStart, ln)));
                        }
                        functionName = null;
                        // "struct x { ... } y;" goes on to its ';'; a function body ends the declaration here
                        if (candidate != null && !sawEquals) {
                            declStart = -1;
                            candidate = null;
                            lastIdent = null;
                        }
                    }
                }
                i++;
            }
        }
        return found;
    }

    private static int skipLiteral(String line, int start, char quote) {
        int i = start + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                return i + 1;
            }
            i++;
        }
        return line.length();
    }
}
