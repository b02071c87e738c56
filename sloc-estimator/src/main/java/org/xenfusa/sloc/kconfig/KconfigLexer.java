package org.xenfusa.sloc.kconfig;

import java.util.List;
import java.util.Map;

/**
 * Splits one Kconfig file into tokens the way the C lexer does: keywords, words (with macros
 * expanded), quoted strings (macros expanded inside), the raw right-hand side of variable
 * assignments, and help text with its indentation rules.
 */
final class KconfigLexer implements MacroExpander.Position {

    /** Token kinds; keywords carry their spelling. */
    enum Kind {
        EOL, EOF, WORD, WORD_QUOTE, ASSIGN_VAL, HELPTEXT,
        ALLNOCONFIG_Y, BOOL, CHOICE, COMMENT, CONFIG, DEF_BOOL, DEF_TRISTATE, DEFAULT, DEFCONFIG_LIST,
        DEPENDS, ENDCHOICE, ENDIF, ENDMENU, HELP, HEX, IF, IMPLY, INT, MAINMENU, MENU, MENUCONFIG, MODULES,
        ON, OPTION, OPTIONAL, PROMPT, RANGE, SELECT, SOURCE, STRING, TRISTATE, VISIBLE,
        OR, AND, EQUAL, UNEQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, NOT, OPEN_PAREN, CLOSE_PAREN,
        COLON_EQUAL, PLUS_EQUAL
    }

    record Token(Kind kind, String text, int line) {
    }

    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("allnoconfig_y", Kind.ALLNOCONFIG_Y), Map.entry("bool", Kind.BOOL),
            Map.entry("choice", Kind.CHOICE), Map.entry("comment", Kind.COMMENT), Map.entry("config", Kind.CONFIG),
            Map.entry("def_bool", Kind.DEF_BOOL), Map.entry("def_tristate", Kind.DEF_TRISTATE),
            Map.entry("default", Kind.DEFAULT), Map.entry("defconfig_list", Kind.DEFCONFIG_LIST),
            Map.entry("depends", Kind.DEPENDS), Map.entry("endchoice", Kind.ENDCHOICE),
            Map.entry("endif", Kind.ENDIF), Map.entry("endmenu", Kind.ENDMENU), Map.entry("help", Kind.HELP),
            // spelling of 'help' that the kconfig of Xen 4.14 to 4.16 still accepts
            Map.entry("---help---", Kind.HELP),
            Map.entry("hex", Kind.HEX), Map.entry("if", Kind.IF), Map.entry("imply", Kind.IMPLY),
            Map.entry("int", Kind.INT), Map.entry("mainmenu", Kind.MAINMENU), Map.entry("menu", Kind.MENU),
            Map.entry("menuconfig", Kind.MENUCONFIG), Map.entry("modules", Kind.MODULES), Map.entry("on", Kind.ON),
            Map.entry("option", Kind.OPTION), Map.entry("optional", Kind.OPTIONAL), Map.entry("prompt", Kind.PROMPT),
            Map.entry("range", Kind.RANGE), Map.entry("select", Kind.SELECT), Map.entry("source", Kind.SOURCE),
            Map.entry("string", Kind.STRING), Map.entry("tristate", Kind.TRISTATE), Map.entry("visible", Kind.VISIBLE));

    private final String file;
    private final String text;
    private final MacroExpander macros;
    private final List<KconfigDiagnostic> diagnostics;
    private int pos;
    private int line = 1;
    private Kind prev = Kind.EOL;
    private Kind prevPrev = Kind.EOL;
    private boolean assignValueNext;
    private boolean sawEof;

    KconfigLexer(String file, String text, MacroExpander macros, List<KconfigDiagnostic> diagnostics) {
        this.file = file;
        this.text = text;
        this.macros = macros;
        this.diagnostics = diagnostics;
    }

    @Override
    public String file() {
        return file;
    }

    @Override
    public int line() {
        return line;
    }

    private int peek(int offset) {
        int i = pos + offset;
        return i < text.length() ? text.charAt(i) : -1;
    }

    private static boolean isNameChar(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    Token next() {
        Token t = scan();
        // Blank lines are no statements: the C lexer drops an EOL right after another one.
        while (t.kind() == Kind.EOL && (prev == Kind.EOL || prev == Kind.HELPTEXT)) {
            t = scan();
        }
        if (prevPrev == Kind.EOL && prev == Kind.WORD
                && (t.kind() == Kind.EQUAL || t.kind() == Kind.COLON_EQUAL || t.kind() == Kind.PLUS_EQUAL)) {
            assignValueNext = true;
        }
        prevPrev = prev;
        prev = t.kind();
        return t;
    }

    private Token scan() {
        if (assignValueNext) {
            assignValueNext = false;
            while (peek(0) == ' ' || peek(0) == '\t') {
                pos++;
            }
            if (peek(0) != '\n' && peek(0) != -1) {
                int start = pos;
                while (peek(0) != '\n' && peek(0) != -1) {
                    pos++;
                }
                return new Token(Kind.ASSIGN_VAL, text.substring(start, pos), line);
            }
        }
        while (true) {
            int c = peek(0);
            int tokenLine = line;
            if (c == -1) {
                if (!sawEof) {
                    sawEof = true;
                    if (prev != Kind.EOL && prev != Kind.HELPTEXT) {
                        diagnostics.add(KconfigDiagnostic.warning(file, line, "no new line at end of file"));
                    }
                    return new Token(Kind.EOL, "", line);
                }
                return new Token(Kind.EOF, "", line);
            }
            if (c == '#') {
                while (peek(0) != '\n' && peek(0) != -1) {
                    pos++;
                }
                continue;
            }
            if (c == ' ' || c == '\t') {
                pos++;
                continue;
            }
            if (c == '\\' && peek(1) == '\n') {
                pos += 2;
                line++;
                continue;
            }
            if (c == '\n') {
                pos++;
                line++;
                return new Token(Kind.EOL, "", tokenLine);
            }
            if (c == '"' || c == '\'') {
                return quoted((char) c);
            }
            if (isNameChar(c) || c == '$') {
                int end = pos;
                boolean dollar = false;
                while (isNameChar(peek(end - pos)) || peek(end - pos) == '$') {
                    dollar |= text.charAt(end) == '$';
                    end++;
                }
                if (!dollar) {
                    String word = text.substring(pos, end);
                    pos = end;
                    Kind k = KEYWORDS.get(word);
                    return new Token(k == null ? Kind.WORD : k, word, tokenLine);
                }
                int lineEnd = text.indexOf('\n', pos);
                String rest = text.substring(pos, lineEnd < 0 ? text.length() : lineEnd);
                MacroExpander.Expansion e;
                try {
                    e = macros.expandToken(rest, 0);
                } catch (MacroExpander.MacroException ex) {
                    diagnostics.add(KconfigDiagnostic.error(file, line, ex.getMessage()));
                    pos += rest.length();
                    continue;
                }
                pos += e.end();
                if (!e.text().isEmpty()) {
                    return new Token(Kind.WORD, e.text(), tokenLine);
                }
                continue;
            }
            Kind op = switch (c) {
                case '|' -> peek(1) == '|' ? Kind.OR : null;
                case '&' -> peek(1) == '&' ? Kind.AND : null;
                case '=' -> Kind.EQUAL;
                case '!' -> peek(1) == '=' ? Kind.UNEQUAL : Kind.NOT;
                case '<' -> peek(1) == '=' ? Kind.LESS_EQUAL : Kind.LESS;
                case '>' -> peek(1) == '=' ? Kind.GREATER_EQUAL : Kind.GREATER;
                case '(' -> Kind.OPEN_PAREN;
                case ')' -> Kind.CLOSE_PAREN;
                case ':' -> peek(1) == '=' ? Kind.COLON_EQUAL : null;
                case '+' -> peek(1) == '=' ? Kind.PLUS_EQUAL : null;
                default -> null;
            };
            if (op == null) {
                diagnostics.add(KconfigDiagnostic.warning(file, line,
                        "ignoring unsupported character '" + (char) c + "'"));
                pos++;
                continue;
            }
            int length = switch (op) {
                case OR, AND, UNEQUAL, LESS_EQUAL, GREATER_EQUAL, COLON_EQUAL, PLUS_EQUAL -> 2;
                default -> 1;
            };
            pos += length;
            return new Token(op, text.substring(pos - length, pos), tokenLine);
        }
    }

    private Token quoted(char quote) {
        int tokenLine = line;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = peek(0);
            if (c == -1) {
                return new Token(Kind.WORD_QUOTE, sb.toString(), tokenLine);
            }
            if (c == '\n') {
                diagnostics.add(KconfigDiagnostic.warning(file, line, "multi-line strings not supported"));
                return new Token(Kind.WORD_QUOTE, sb.toString(), tokenLine);
            }
            if (c == '$') {
                int lineEnd = text.indexOf('\n', pos);
                String rest = text.substring(pos + 1, lineEnd < 0 ? text.length() : lineEnd);
                try {
                    MacroExpander.Expansion e = macros.expandDollar(rest, 0);
                    sb.append(e.text());
                    pos += 1 + e.end();
                } catch (MacroExpander.MacroException ex) {
                    diagnostics.add(KconfigDiagnostic.error(file, line, ex.getMessage()));
                    pos += 1 + rest.length();
                }
                continue;
            }
            if (c == '\\') {
                int n = peek(1);
                if (n != -1 && n != '\n') {
                    sb.append((char) n);
                    pos += 2;
                } else {
                    pos++;
                }
                continue;
            }
            pos++;
            if (c == quote) {
                return new Token(Kind.WORD_QUOTE, sb.toString(), tokenLine);
            }
            sb.append((char) c);
        }
    }

    /** Reads a help text; call right after the EOL that ends the {@code help} line. */
    Token helpText() {
        int tokenLine = line;
        StringBuilder sb = new StringBuilder();
        int firstTs = 0;
        int lastTs = 0;
        while (true) {
            int ws = 0;
            while (peek(ws) == ' ' || peek(ws) == '\t') {
                ws++;
            }
            int c = peek(ws);
            if (c == -1) {
                pos += ws;
                break;
            }
            if (c == '\n') {
                int after = peek(ws + 1);
                pos += ws + 1;
                line++;
                if (after != -1 && after != ' ' && after != '\t' && after != '\n') {
                    break;
                }
                sb.append('\n');
                continue;
            }
            if (ws > 0) {
                int ts = 0;
                for (int i = 0; i < ws; i++) {
                    ts = text.charAt(pos + i) == '\t' ? (ts & ~7) + 8 : ts + 1;
                }
                pos += ws;
                lastTs = ts;
                if (firstTs != 0) {
                    if (ts < firstTs) {
                        break;
                    }
                    ts -= firstTs;
                    while (ts > 8) {
                        sb.append("        ");
                        ts -= 8;
                    }
                    sb.append(" ".repeat(ts));
                }
            }
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = text.length();
            }
            int trimmed = end;
            while (trimmed > pos && (text.charAt(trimmed - 1) == ' ' || text.charAt(trimmed - 1) == '\t')) {
                trimmed--;
            }
            sb.append(text, pos, trimmed);
            pos = end;
            if (firstTs == 0) {
                firstTs = lastTs;
            }
        }
        prevPrev = prev;
        prev = Kind.HELPTEXT;
        return new Token(Kind.HELPTEXT, sb.toString(), tokenLine);
    }
}
