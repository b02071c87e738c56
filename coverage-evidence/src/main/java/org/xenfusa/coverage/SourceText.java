package org.xenfusa.coverage;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.BitSet;
import java.util.Deque;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A snapshot file's text, with what the counting rules and the version checks ask of it. Lines are numbered from 1 and
 * split at {@code \n} as the compiler counts them; a {@code \r} before it is not part of the line.
 *
 * <p>The rules are gcovr 5.2's, in {@code gcovr/gcov_parser.py}:
 * <ul>
 * <li>{@link #nonCode}: {@code _is_non_code}: the line without a {@code //} comment and without {@code /* ... *}{@code /}
 * comments, stripped, is empty, {@code {}, {@code }} or {@code else}.</li>
 * <li>{@link #lineExcluded}, {@link #branchExcluded}: {@code _find_excluded_ranges} with the default
 * {@code --exclude-pattern-prefix [GL]COVR?}: {@code X_EXCL_LINE} excludes its line (not inside an open region),
 * {@code X_EXCL_START} ... {@code X_EXCL_STOP} the lines from the start marker up to, not including, the stop marker (a
 * start without a stop excludes nothing); {@code X_EXCL_BR_LINE/START/STOP} the same for branches only.</li>
 * </ul>
 */
final class SourceText {
    private static final Pattern LINE_MARKER = Pattern.compile("([GL]COVR?)_EXCL_(LINE|START|STOP)");
    private static final Pattern BRANCH_MARKER = Pattern.compile("([GL]COVR?)_EXCL_BR_(LINE|START|STOP)");
    private static final Pattern C_COMMENT = Pattern.compile("/\\*.*?\\*/");

    private final byte[] content;
    private final int[] starts;
    private final int[] ends;
    private String text;
    private BitSet lineExcluded;
    private BitSet branchExcluded;
    private BitSet noCode;

    SourceText(byte[] content) {
        this.content = content;
        int n = 1;
        for (byte b : content) {
            if (b == '\n') {
                n++;
            }
        }
        // a final newline ends the last line rather than starting an empty one
        boolean finalNewline = content.length > 0 && content[content.length - 1] == '\n';
        int count = finalNewline ? n - 1 : (content.length == 0 ? 0 : n);
        starts = new int[count];
        ends = new int[count];
        int line = 0;
        int start = 0;
        for (int i = 0; i < content.length && line < count; i++) {
            if (content[i] == '\n') {
                starts[line] = start;
                ends[line] = i > start && content[i - 1] == '\r' ? i - 1 : i;
                line++;
                start = i + 1;
            }
        }
        if (line < count) {
            starts[line] = start;
            ends[line] = content.length > start && content[content.length - 1] == '\r' ? content.length - 1
                    : content.length;
        }
    }

    int lineCount() {
        return starts.length;
    }

    /** The text of line {@code n} (1-based); empty past the end. */
    String line(int n) {
        if (n < 1 || n > starts.length) {
            return "";
        }
        return new String(content, starts[n - 1], ends[n - 1] - starts[n - 1], StandardCharsets.UTF_8);
    }

    /** gcovr's {@code _is_non_code}. */
    boolean nonCode(int n) {
        String code = line(n);
        int slash = code.indexOf("//");
        if (slash >= 0) {
            code = code.substring(0, slash);
        }
        code = C_COMMENT.matcher(code).replaceAll("").strip();
        return code.isEmpty() || code.equals("{") || code.equals("}") || code.equals("else");
    }

    boolean lineExcluded(int n) {
        markers();
        return lineExcluded.get(n);
    }

    boolean branchExcluded(int n) {
        markers();
        return branchExcluded.get(n);
    }

    /**
     * Whether line {@code n} holds nothing a compiler can attribute code to: only blanks and comments (block comments
     * spanning lines included; string and character literals are skipped so that a {@code /*} in a string is not a
     * comment).
     */
    boolean blankOrComment(int n) {
        if (noCode == null) {
            noCode = scanComments();
        }
        return n >= 1 && n <= starts.length && noCode.get(n);
    }

    /** Whether {@code name} occurs anywhere in the text. */
    boolean contains(String name) {
        if (text == null) {
            text = new String(content, StandardCharsets.UTF_8);
        }
        return text.contains(name);
    }

    /**
     * Whether {@code checksum} is the MD5 of line {@code n}: lcov's base64 form ({@code md5_base64}, no padding) or
     * gcovr's hex form; with or without a {@code \r} ending the line.
     */
    boolean checksumMatches(int n, String checksum) {
        if (n < 1 || n > starts.length) {
            return false;
        }
        int s = starts[n - 1];
        int e = ends[n - 1];
        boolean cr = e < content.length && content[e] == '\r';
        return matches(md5(s, e), checksum) || cr && matches(md5(s, e + 1), checksum);
    }

    private static boolean matches(byte[] md5, String checksum) {
        String c = checksum.strip();
        if (c.length() == 32 && c.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return HexFormat.of().formatHex(md5).equalsIgnoreCase(c);
        }
        String b64 = Base64.getEncoder().withoutPadding().encodeToString(md5);
        return b64.equals(c.replace("=", ""));
    }

    private byte[] md5(int from, int to) {
        try {
            MessageDigest d = MessageDigest.getInstance("MD5");
            d.update(content, from, to - from);
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has MD5", e);
        }
    }

    private void markers() {
        if (lineExcluded != null) {
            return;
        }
        lineExcluded = new BitSet();
        branchExcluded = new BitSet();
        Deque<String[]> lineStack = new ArrayDeque<>();
        Deque<String[]> branchStack = new ArrayDeque<>();
        for (int n = 1; n <= starts.length; n++) {
            String code = line(n);
            if (!code.contains("_EXCL_")) {
                continue;
            }
            marker(LINE_MARKER.matcher(code), n, lineStack, lineExcluded);
            marker(BRANCH_MARKER.matcher(code), n, branchStack, branchExcluded);
        }
    }

    /** gcovr's {@code _process_exclusion_marker}: a stop closes the last start, whatever its prefix. */
    private static void marker(Matcher m, int n, Deque<String[]> stack, BitSet excluded) {
        while (m.find()) {
            String flag = m.group(2);
            if (flag.equals("LINE")) {
                if (stack.isEmpty()) {
                    excluded.set(n);
                }
            } else if (flag.equals("START")) {
                stack.push(new String[] {m.group(1), Integer.toString(n)});
            } else if (!stack.isEmpty()) {
                int start = Integer.parseInt(stack.pop()[1]);
                excluded.set(start, n);
            }
        }
    }

    private BitSet scanComments() {
        BitSet empty = new BitSet(starts.length + 1);
        boolean inBlock = false;
        for (int n = 1; n <= starts.length; n++) {
            boolean code = false;
            int i = starts[n - 1];
            int end = ends[n - 1];
            char quote = 0;
            while (i < end) {
                byte c = content[i];
                if (inBlock) {
                    if (c == '*' && i + 1 < end && content[i + 1] == '/') {
                        inBlock = false;
                        i += 2;
                    } else {
                        i++;
                    }
                } else if (quote != 0) {
                    code = true;
                    if (c == '\\') {
                        i += 2;
                    } else {
                        if (c == quote) {
                            quote = 0;
                        }
                        i++;
                    }
                } else if (c == '/' && i + 1 < end && content[i + 1] == '*') {
                    inBlock = true;
                    i += 2;
                } else if (c == '/' && i + 1 < end && content[i + 1] == '/') {
                    break;
                } else {
                    if (c == '"' || c == '\'') {
                        quote = (char) c;
                    }
                    if (c != ' ' && c != '\t' && c != '\f' && c != 0x0b && c != '\r') {
                        code = true;
                    }
                    i++;
                }
            }
            if (!code) {
                empty.set(n);
            }
        }
        return empty;
    }
}
