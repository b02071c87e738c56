package org.xenfusa.sloc.count;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Lines as cloc's Perl sees them: one byte per char (ISO-8859-1, so no byte is ever lost or
 * re-encoded), each line keeping its "\n" where Perl keeps it, and the few Perl idioms cloc's filters
 * rely on ({@code /^\s*$/}, {@code /\\$/}, {@code split("\n", ...)}).
 */
final class PerlLines {
    private PerlLines() {
    }

    /** Perl's ASCII {@code \s} on a byte string: space, \t, \n, \x0B, \f, \r. */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    /** {@code /^\s*$/}. */
    static boolean isBlank(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            if (!isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code /\\$/}: a backslash at the very end or just before a final "\n". */
    static boolean endsWithBackslash(String line) {
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\n') {
            n--;
        }
        return n > 0 && line.charAt(n - 1) == '\\';
    }

    /** Perl's {@code chomp}: drops one final "\n". */
    static String chomp(String line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\n' ? line.substring(0, n - 1) : line;
    }

    /** Decodes bytes one char per byte. */
    static String latin1(byte[] content, int from, int to) {
        return new String(content, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** Lines as Perl's {@code <$IN>} returns them: each with its "\n", the last one possibly without. */
    static List<String> rawLines(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(latin1(content, start, i + 1));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(latin1(content, start, content.length));
        }
        return lines;
    }

    /**
     * {@code split("\n", $text)}: fields without their "\n"; a leading empty field is kept, trailing
     * empty fields are dropped (Perl's split drops them), so "a\n\n" gives one field.
     */
    static List<String> splitNewlines(CharSequence text) {
        List<String> fields = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int lastNonEmpty = 0;
        String s = text.toString();
        for (int i = 0; i <= n; i++) {
            if (i == n || s.charAt(i) == '\n') {
                fields.add(s.substring(start, i));
                if (i > start) {
                    lastNonEmpty = fields.size();
                }
                start = i + 1;
            }
        }
        // a text ending in "\n" yields one empty field after it; Perl drops all trailing empty fields
        return new ArrayList<>(fields.subList(0, lastNonEmpty));
    }

    /** {@code remove_matches(\@lines, '^\s*$')}, or cloc's {@code remove_matches_2re} with its continuation rule. */
    static List<String> dropBlank(List<String> lines, ClocLanguage lang) {
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // cloc keeps a blank line that follows a line "continuing" onto it (for most languages: ending in '\')
            if (isBlank(line) && (i == 0 || !lang.continues(lines.get(i - 1)))) {
                continue;
            }
            kept.add(line);
        }
        return kept;
    }
}
