package org.xenfusa.sloc.report;

import java.util.Comparator;

/**
 * Orders ref names as people read release numbers: {@code RELEASE-4.2.0} before
 * {@code RELEASE-4.10.0} (runs of digits compare as numbers). Charts across releases use it, since
 * commit time interleaves maintenance releases of older branches with newer ones.
 */
public final class ReleaseOrder implements Comparator<String> {
    public static final ReleaseOrder INSTANCE = new ReleaseOrder();

    private ReleaseOrder() {
    }

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                // the two numbers without their leading zeros (one digit kept): the longer is larger, else the
                // first differing digit decides; compared in place, as pages sort thousands of refs per request
                int za = withoutLeadingZeros(a, si, i);
                int zb = withoutLeadingZeros(b, sj, j);
                int c = Integer.compare(i - za, j - zb);
                for (int k = 0; c == 0 && k < i - za; k++) {
                    c = Character.compare(a.charAt(za + k), b.charAt(zb + k));
                }
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /** Where the digits {@code s[from, to)} start once their leading zeros are skipped, keeping the last digit. */
    private static int withoutLeadingZeros(String s, int from, int to) {
        int k = from;
        while (k < to - 1 && s.charAt(k) == '0') {
            k++;
        }
        return k;
    }
}
