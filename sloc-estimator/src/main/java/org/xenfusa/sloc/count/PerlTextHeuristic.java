package org.xenfusa.sloc.count;

/**
 * Perl 5.36's {@code -B} file test, which cloc uses to skip binary files: only the first 512 bytes
 * are read; if they hold non-ASCII bytes that are valid (Perl-extended) UTF-8, the file is text;
 * otherwise a NUL byte makes it binary, and so do more than a third of "odd" bytes (controls other
 * than \t \n \f \r \b ESC, and every byte above 0x7E; vertical tab counts as odd).
 */
final class PerlTextHeuristic {
    private static final int BLOCK = 512;

    private PerlTextHeuristic() {
    }

    static boolean isBinary(byte[] content) {
        int len = Math.min(BLOCK, content.length);
        if (len == 0) {
            return true; // Perl: "null file is anything"; cloc never asks for an empty file
        }
        boolean ascii = true;
        for (int i = 0; i < len; i++) {
            if (content[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (!ascii && isUtf8AllowingCutEnd(content, len)) {
            return false;
        }
        int odd = 0;
        for (int i = 0; i < len; i++) {
            int b = content[i] & 0xff;
            if (b == 0) {
                odd += len;
                break;
            }
            boolean printable = b >= 0x20 && b <= 0x7e;
            boolean space = b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
            if (printable || space || b == '\b' || b == 0x1b) {
                continue;
            }
            odd++;
        }
        return odd * 3 > len;
    }

    /**
     * Perl's {@code is_utf8_fixed_width_buf_flags(s, len, 0)}: well-formed UTF-8 (surrogates,
     * non-characters and code points above Unicode allowed, overlongs not), where the block may end
     * in the middle of a character.
     */
    static boolean isUtf8AllowingCutEnd(byte[] s, int len) {
        int i = 0;
        while (i < len) {
            int b = s[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int need;
            int min;
            if (b >= 0xc2 && b <= 0xdf) {
                need = 1;
                min = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                need = 2;
                min = 0x800;
            } else if (b >= 0xf0 && b <= 0xf7) {
                need = 3;
                min = 0x10000;
            } else if (b >= 0xf8 && b <= 0xfb) {
                need = 4;
                min = 0x200000;
            } else if (b >= 0xfc && b <= 0xfd) {
                need = 5;
                min = 0x4000000;
            } else {
                return false; // continuation byte first, C0/C1 (always overlong), or FE/FF
            }
            long cp = b & (0x3f >> need);
            int k = 1;
            for (; k <= need && i + k < len; k++) {
                int c = s[i + k] & 0xff;
                if ((c & 0xc0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3f);
            }
            if (k <= need) {
                // cut at the end of the block: valid if what is there could start a valid character
                return !overlongPrefix(b, i + 1 < len ? s[i + 1] & 0xff : -1);
            }
            if (cp < min) {
                return false;
            }
            i += need + 1;
        }
        return true;
    }

    private static boolean overlongPrefix(int lead, int second) {
        if (second < 0) {
            return false;
        }
        return (lead == 0xe0 && second < 0xa0) || (lead == 0xf0 && second < 0x90)
                || (lead == 0xf8 && second < 0x88) || (lead == 0xfc && second < 0x84);
    }
}
