package org.xenfusa.sloc.kbuild;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The preprocessor directives of one C or assembler file, in order: comments and string literals
 * are skipped and continuation lines joined first, so an {@code #include} inside a comment is not
 * taken. Depends only on the file's content, so it is cached per blob id.
 */
record PreprocessorScan(List<Directive> directives, int lineCount) {
    /**
     * One directive: its keyword ({@code include}, {@code if}, {@code define}, ...), the rest of the
     * line, and its first and last line (continuation lines and comments can make it span several).
     */
    record Directive(String keyword, String argument, int line, int lastLine) {
        Directive {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(argument, "argument");
        }

        Directive(String keyword, String argument, int line) {
            this(keyword, argument, line, line);
        }
    }

    PreprocessorScan {
        directives = List.copyOf(directives);
    }

    PreprocessorScan(List<Directive> directives) {
        this(directives, directives.isEmpty() ? 0 : directives.get(directives.size() - 1).lastLine());
    }

    static PreprocessorScan of(byte[] content) {
        return of(new String(content, StandardCharsets.ISO_8859_1));
    }

    static PreprocessorScan of(String text) {
        List<Directive> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int lineNo = 1;
        boolean atLineStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineNo++;
                atLineStart = true;
                i++;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                lineNo += count(text, i, stop);
                i = stop;
                continue;
            }
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                i = skipLineComment(text, i);
                continue;
            }
            if (c == '#' && atLineStart) {
                int startLine = lineNo;
                StringBuilder sb = new StringBuilder();
                i++;
                // read to the end of the logical line, dropping comments and joining continuations
                while (i < n) {
                    char d = text.charAt(i);
                    if (d == '\\' && i + 1 < n && (text.charAt(i + 1) == '\n'
                            || (text.charAt(i + 1) == '\r' && i + 2 < n && text.charAt(i + 2) == '\n'))) {
                        i += text.charAt(i + 1) == '\r' ? 3 : 2;
                        lineNo++;
                        sb.append(' ');
                        continue;
                    }
                    if (d == '\n') {
                        break;
                    }
                    if (d == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                        int end = text.indexOf("*/", i + 2);
                        int stop = end < 0 ? n : end + 2;
                        lineNo += count(text, i, stop);
                        i = stop;
                        sb.append(' ');
                        continue;
                    }
                    if (d == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                        i = skipLineComment(text, i);
                        continue;
                    }
                    if (d == '"' || d == '\'') {
                        int end = skipQuoted(text, i);
                        sb.append(text, i, end);
                        i = end;
                        continue;
                    }
                    sb.append(d);
                    i++;
                }
                String body = sb.toString().strip();
                int k = 0;
                while (k < body.length() && (Character.isLetterOrDigit(body.charAt(k)) || body.charAt(k) == '_')) {
                    k++;
                }
                if (k > 0) {
                    out.add(new Directive(body.substring(0, k), body.substring(k).strip(), startLine, lineNo));
                }
                continue;
            }
            atLineStart = false;
            if (c == '"' || c == '\'') {
                int end = skipQuoted(text, i);
                lineNo += count(text, i, end);
                i = end;
                continue;
            }
            i++;
        }
        // a last line without a newline still counts, as cloc counts it
        int lines = n == 0 ? 0 : text.charAt(n - 1) == '\n' ? lineNo - 1 : lineNo;
        return new PreprocessorScan(out, lines);
    }

    private static int skipLineComment(String text, int i) {
        int n = text.length();
        while (i < n && text.charAt(i) != '\n') {
            if (text.charAt(i) == '\\' && i + 1 < n && text.charAt(i + 1) == '\n') {
                // a continued // comment swallows the next line too; keep the newline for counting
                i += 1;
            }
            i++;
        }
        return i;
    }

    private static int skipQuoted(String text, int i) {
        char q = text.charAt(i);
        int n = text.length();
        int k = i + 1;
        while (k < n) {
            char d = text.charAt(k);
            if (d == '\\') {
                k += 2;
                continue;
            }
            if (d == q || d == '\n') {
                return d == q ? k + 1 : k;
            }
            k++;
        }
        return n;
    }

    private static int count(String text, int from, int to) {
        int c = 0;
        for (int k = from; k < to && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                c++;
            }
        }
        return c;
    }
}
