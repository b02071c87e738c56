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
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
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
}
