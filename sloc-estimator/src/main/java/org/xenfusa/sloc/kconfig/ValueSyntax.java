package org.xenfusa.sloc.kconfig;

/**
 * The C tools' rules for values written as text: which strings an int, hex, bool or tristate
 * accepts, how numbers parse (strtoll/strtoull: longest valid prefix, saturating), and how
 * strings are quoted in a .config.
 */
final class ValueSyntax {
    private ValueSyntax() {
    }

    static boolean valid(SymbolType type, String s) {
        switch (type) {
            case STRING:
                return true;
            case INT: {
                int i = 0;
                if (i < s.length() && s.charAt(i) == '-') {
                    i++;
                }
                if (i >= s.length() || !isDigit(s.charAt(i))) {
                    return false;
                }
                if (s.charAt(i) == '0' && i + 1 < s.length()) {
                    return false;
                }
                for (i++; i < s.length(); i++) {
                    if (!isDigit(s.charAt(i))) {
                        return false;
                    }
                }
                return true;
            }
            case HEX: {
                int i = 0;
                if (s.length() >= 2 && s.charAt(0) == '0' && (s.charAt(1) == 'x' || s.charAt(1) == 'X')) {
                    i = 2;
                }
                // the C check reads the first character even when it is the terminator
                if (i >= s.length()) {
                    return false;
                }
                for (; i < s.length(); i++) {
                    if (Character.digit(s.charAt(i), 16) < 0 || s.charAt(i) > 127) {
                        return false;
                    }
                }
                return true;
            }
            case BOOL:
            case TRISTATE:
                return !s.isEmpty() && "yYmMnN".indexOf(s.charAt(0)) >= 0;
            default:
                return false;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** A parsed number and whether the whole string was consumed. */
    record Parsed(long value, boolean complete, boolean overflow, int end) {
    }

    /** strtoll/strtoull with base 10, 16 or 0 (auto); unsigned wraps as strtoull does for '-'. */
    static Parsed parse(String s, int base, boolean unsigned) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = base;
        if ((b == 0 || b == 16) && i + 1 < s.length() && s.charAt(i) == '0'
                && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X')
                && i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
            i += 2;
            b = 16;
        } else if (b == 0) {
            b = i < s.length() && s.charAt(i) == '0' ? 8 : 10;
        }
        int digitsStart = i;
        java.math.BigInteger acc = java.math.BigInteger.ZERO;
        java.math.BigInteger bigBase = java.math.BigInteger.valueOf(b);
        while (i < s.length()) {
            int d = s.charAt(i) < 128 ? Character.digit(s.charAt(i), b) : -1;
            if (d < 0) {
                break;
            }
            acc = acc.multiply(bigBase).add(java.math.BigInteger.valueOf(d));
            i++;
        }
        if (i == digitsStart) {
            return new Parsed(0, false, false, 0);
        }
        boolean overflow;
        long value;
        if (unsigned) {
            java.math.BigInteger max = java.math.BigInteger.ONE.shiftLeft(64).subtract(java.math.BigInteger.ONE);
            overflow = acc.compareTo(max) > 0;
            value = overflow ? -1L : acc.longValue();
            if (negative && !overflow) {
                value = -value;
            }
        } else {
            java.math.BigInteger v = negative ? acc.negate() : acc;
            if (v.bitLength() > 63) {
                overflow = true;
                value = negative ? Long.MIN_VALUE : Long.MAX_VALUE;
            } else {
                overflow = false;
                value = v.longValue();
            }
        }
        return new Parsed(value, i == s.length(), overflow, i);
    }

    /** strtoll as the range checks use it: the longest valid prefix, 0 when none. */
    static long strtoll(String s, int base) {
        return parse(s, base, false).value();
    }

    /** The .config form of a string value: quoted, with '"' and '\' escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
