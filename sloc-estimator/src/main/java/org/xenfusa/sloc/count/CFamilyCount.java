package org.xenfusa.sloc.count;

/**
 * The same count as the generic line pipeline for languages whose only filter is the C++ comment
 * regex (C, C/C++ Header, C++, ...), done on bytes in one buffer: no String per line. These files are
 * nearly all of a hypervisor tree, so this is where the time goes. {@code ClocCounterEquivalenceTest}
 * checks it against the generic pipeline.
 */
final class CFamilyCount {
    private CFamilyCount() {
    }

    /** Returns {total, blank, code} lines. */
    static int[] count(byte[] content, boolean continuation) {
        int n = content.length;
        // joined text: each kept line + "\n", plus another "\n" unless it ends in '\' (cloc's C++ join)
        byte[] buf = new byte[2 * n + 2];
        int len = 0;
        int total = 0;
        int blank = 0;
        boolean prevBackslash = false;
        int start = 0;
        while (start < n) {
            int nl = start;
            while (nl < n && content[nl] != '\n') {
                nl++;
            }
            int from = start;
            int to = nl;
            if (total == 0) {
                from += byteOrderMarkLength(content, from, nl < n ? nl + 1 : nl);
                from = Math.min(from, to);
            }
            if (to > from && content[to - 1] == '\r') {
                to--; // cloc's s/\cM$// drops one "\r" before the line end
            }
            total++;
            boolean backslash = to > from && content[to - 1] == '\\';
            if (isBlank(content, from, to) && (!continuation || total == 1 || !prevBackslash)) {
                blank++;
            } else {
                System.arraycopy(content, from, buf, len, to - from);
                len += to - from;
                buf[len++] = '\n';
                if (!backslash) {
                    buf[len++] = '\n';
                }
            }
            prevBackslash = backslash;
            start = nl + 1;
        }
        len = stripComments(buf, len);
        return new int[] {total, blank, countFields(buf, len, continuation)};
    }

    /** The BOMs cloc's table really matches (see ClocCounter), measured on the first line with its "\n". */
    private static int byteOrderMarkLength(byte[] c, int from, int lineEnd) {
        int n = lineEnd - from;
        if (n >= 2 && (at(c, from, 0xfe, 0xff) || at(c, from, 0xff, 0xfe))) {
            return 2;
        }
        if (n >= 3 && (at(c, from, 0xef, 0xbb, 0xbf) || at(c, from, 0xf7, 0x64, 0x4c) || at(c, from, 0xfb, 0xee, 0x28))) {
            return 3;
        }
        if (n >= 4 && (at(c, from, 0x2b, 0x2f, 0x76, 0x38) || at(c, from, 0x2b, 0x2f, 0x76, 0x39)
                || at(c, from, 0x2b, 0x2f, 0x76, 0x2b) || at(c, from, 0x2b, 0x2f, 0x76, 0x2f)
                || at(c, from, 0xdd, 0x73, 0x66, 0x73) || at(c, from, 0x84, 0x31, 0x95, 0x33))) {
            return 4;
        }
        return 0;
    }

    private static boolean at(byte[] c, int from, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((c[from + i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || (b >= '\t' && b <= '\r');
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isSpace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** {@link CommentFilter.RegexpCommon#stripCComments} with line comments, compacting in place. */
    private static int stripComments(byte[] s, int n) {
        int out = 0;
        int copied = 0;
        boolean blockPossible = true;
        int i = 0;
        while (i < n - 1) {
            if (s[i] != '/') {
                i++;
                continue;
            }
            byte d = s[i + 1];
            int end = -1;
            if (d == '/') {
                int nl = indexOf(s, n, (byte) '\n', i + 2);
                if (nl >= 0) {
                    end = nl + 1;
                }
            } else if (d == '*' && blockPossible) {
                int close = indexOfClose(s, n, i + 2);
                if (close >= 0) {
                    end = close + 2;
                } else {
                    blockPossible = false;
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            System.arraycopy(s, copied, s, out, i - copied);
            out += i - copied;
            copied = end;
            i = end;
        }
        System.arraycopy(s, copied, s, out, n - copied);
        return out + n - copied;
    }

    private static int indexOf(byte[] s, int n, byte b, int from) {
        for (int i = from; i < n; i++) {
            if (s[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfClose(byte[] s, int n, int from) {
        for (int i = from; i < n - 1; i++) {
            if (s[i] == '*' && s[i + 1] == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Perl's split on "\n" (trailing empty fields dropped), then the blank clean-up; returns lines kept. */
    private static int countFields(byte[] s, int n, boolean continuation) {
        int end = n;
        while (end > 0 && s[end - 1] == '\n') {
            end--;
        }
        if (end == 0) {
            return 0;
        }
        int kept = 0;
        boolean prevBackslash = false;
        boolean first = true;
        int start = 0;
        while (start <= end) {
            int nl = start;
            while (nl < end && s[nl] != '\n') {
                nl++;
            }
            boolean blankField = isBlank(s, start, nl);
            if (!blankField || (continuation && !first && prevBackslash)) {
                kept++;
            }
            prevBackslash = nl > start && s[nl - 1] == '\\';
            first = false;
            start = nl + 1;
        }
        return kept;
    }
}
