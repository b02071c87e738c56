package org.xenfusa.trace.suggest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.xenfusa.trace.function.SourceFunction;

/**
 * Splits a C or assembly file into the words each of its functions carries: comments, string literals and
 * identifiers. A comment belongs to a function when it lies in it or above it with no declaration ({@code ;} or
 * {@code }}) in between. Preprocessor lines are read as code, so {@code #ifdef CONFIG_X} inside a body counts.
 */
final class CodeText {
    private static final Set<String> C_KEYWORDS = Set.of("auto", "break", "case", "char", "const", "continue",
            "default", "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
            "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch", "typedef",
            "union", "unsigned", "void", "volatile", "while", "bool", "true", "false", "define", "ifdef", "ifndef",
            "endif", "elif", "include", "undef", "unlikely", "likely", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
            "int32_t", "int64_t", "NULL");

    private enum Kind { COMMENT, STRING, IDENT, END }

    private record Token(Kind kind, String text, int line) {
    }

    private CodeText() {
    }

    /** The comments of a file before its first function (its header: what the file is about), licence lines left out. */
    static String header(List<String> lines, List<SourceFunction> functions) {
        int first = functions.stream().mapToInt(SourceFunction::startLine).min().orElse(Integer.MAX_VALUE);
        StringBuilder out = new StringBuilder();
        for (Token t : tokens(lines)) {
            if (t.line() >= first || out.length() > MAX_HEADER) {
                break;
            }
            if (t.kind() == Kind.COMMENT && !t.text().startsWith("SPDX-License-Identifier")) {
                out.append(t.text()).append('\n');
            }
        }
        return out.toString();
    }

    private static final int MAX_HEADER = 2_000;

    /** The words of each of {@code functions} (all of one file whose lines are {@code lines}), by first line. */
    static List<FunctionText> of(List<String> lines, List<SourceFunction> functions) {
        List<Token> tokens = tokens(lines);
        List<SourceFunction> sorted = new ArrayList<>(functions);
        sorted.sort(Comparator.comparingInt(SourceFunction::startLine));
        int n = sorted.size();
        List<List<String>> comments = new ArrayList<>();
        List<List<String>> strings = new ArrayList<>();
        List<List<String>> idents = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            comments.add(new ArrayList<>());
            strings.add(new ArrayList<>());
            idents.add(new ArrayList<>());
        }
        List<String> pending = new ArrayList<>();
        int fi = 0;
        boolean entered = false;
        for (Token t : tokens) {
            while (fi < n && sorted.get(fi).endLine() < t.line()) {
                fi++;
                entered = false;
            }
            if (fi < n && t.line() >= sorted.get(fi).startLine()) {
                if (!entered) {
                    comments.get(fi).addAll(pending);
                    pending.clear();
                    entered = true;
                }
                switch (t.kind()) {
                    case COMMENT -> comments.get(fi).add(t.text());
                    case STRING -> strings.get(fi).add(t.text());
                    case IDENT -> {
                        // the function's own name is its name field, not a word of its body
                        if (!C_KEYWORDS.contains(t.text()) && !t.text().equals(sorted.get(fi).name())) {
                            idents.get(fi).add(t.text());
                        }
                    }
                    case END -> {
                    }
                }
            } else if (t.kind() == Kind.COMMENT) {
                pending.add(t.text());
            } else if (t.kind() == Kind.END) {
                pending.clear();
            }
        }
        List<FunctionText> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new FunctionText(sorted.get(i), comments.get(i), strings.get(i), idents.get(i)));
        }
        return out;
    }

    private static List<Token> tokens(List<String> lines) {
        List<Token> out = new ArrayList<>();
        StringBuilder comment = null;
        int commentLine = 0;
        for (int ln = 1; ln <= lines.size(); ln++) {
            String line = lines.get(ln - 1);
            int n = line.length();
            int i = 0;
            while (i < n) {
                char c = line.charAt(i);
                if (comment != null) {
                    int close = line.indexOf("*/", i);
                    if (close < 0) {
                        comment.append(line, i, n).append('\n');
                        i = n;
                    } else {
                        comment.append(line, i, close);
                        out.add(new Token(Kind.COMMENT, clean(comment), commentLine));
                        comment = null;
                        i = close + 2;
                    }
                    continue;
                }
                if (c == '/' && i + 1 < n && line.charAt(i + 1) == '*') {
                    comment = new StringBuilder();
                    commentLine = ln;
                    i += 2;
                    continue;
                }
                if (c == '/' && i + 1 < n && line.charAt(i + 1) == '/') {
                    out.add(new Token(Kind.COMMENT, line.substring(i + 2).strip(), ln));
                    break;
                }
                if (c == '"' || c == '\'') {
                    int j = i + 1;
                    StringBuilder text = new StringBuilder();
                    while (j < n && line.charAt(j) != c) {
                        if (line.charAt(j) == '\\' && j + 1 < n) {
                            j++;
                            char e = line.charAt(j);
                            text.append(e == 'n' || e == 't' ? ' ' : e);
                        } else {
                            text.append(line.charAt(j));
                        }
                        j++;
                    }
                    if (c == '"') {
                        out.add(new Token(Kind.STRING, text.toString(), ln));
                    }
                    i = Math.min(n, j + 1);
                    continue;
                }
                if (Character.isJavaIdentifierStart(c) && c != '$') {
                    int j = i + 1;
                    while (j < n && Character.isJavaIdentifierPart(line.charAt(j)) && line.charAt(j) != '$') {
                        j++;
                    }
                    out.add(new Token(Kind.IDENT, line.substring(i, j), ln));
                    i = j;
                    continue;
                }
                if (Character.isDigit(c)) {
                    // a number, including 0x... and suffixes: not an identifier
                    int j = i + 1;
                    while (j < n && Character.isLetterOrDigit(line.charAt(j))) {
                        j++;
                    }
                    i = j;
                    continue;
                }
                if (c == ';' || c == '}') {
                    out.add(new Token(Kind.END, "", ln));
                }
                i++;
            }
        }
        if (comment != null) {
            out.add(new Token(Kind.COMMENT, clean(comment), commentLine));
        }
        return out;
    }

    /** A block comment's text without the leading stars of its lines. */
    private static String clean(CharSequence comment) {
        StringBuilder out = new StringBuilder();
        for (String l : comment.toString().split("\n", -1)) {
            String s = l.strip();
            while (s.startsWith("*")) {
                s = s.substring(1);
            }
            out.append(s.strip()).append('\n');
        }
        return out.toString().strip();
    }
}
