package org.xenfusa.sloc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReleaseOrderTest {
    @Test
    void numbersCompareAsNumbers() {
        List<String> refs = new ArrayList<>(List.of("RELEASE-4.10.0", "RELEASE-4.2.0", "RELEASE-4.2.10", "RELEASE-4.2.2",
                "RELEASE-4.22.0", "RELEASE-4.1.0-rc1", "RELEASE-4.1.0", "main"));
        refs.sort(ReleaseOrder.INSTANCE);
        assertThat(refs).containsExactly("RELEASE-4.1.0", "RELEASE-4.1.0-rc1", "RELEASE-4.2.0", "RELEASE-4.2.2",
                "RELEASE-4.2.10", "RELEASE-4.10.0", "RELEASE-4.22.0", "main");
    }

    @Test
    void leadingZerosDoNotMakeANumberLarger() {
        assertThat(ReleaseOrder.INSTANCE.compare("RELEASE-4.09.0", "RELEASE-4.10.0")).isNegative();
        assertThat(ReleaseOrder.INSTANCE.compare("RELEASE-4.010.0", "RELEASE-4.9.0")).isPositive();
        assertThat(ReleaseOrder.INSTANCE.compare("v0", "v00")).isEqualTo("v0".compareTo("v00"));
        assertThat(ReleaseOrder.INSTANCE.compare("v000", "v1")).isNegative();
        assertThat(ReleaseOrder.INSTANCE.compare("RELEASE-4.2.0", "RELEASE-4.2.0")).isZero();
    }

    /** The order as first written (numbers compared after a regex strips their leading zeros), kept as the oracle. */
    private static int reference(String a, String b) {
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

    @Test
    void ordersAsTheFirstVersionOnRandomRefs() {
        java.util.Random random = new java.util.Random(42);
        String alphabet = "0001239.-Rrc";
        for (int n = 0; n < 20_000; n++) {
            String a = randomRef(random, alphabet);
            String b = randomRef(random, alphabet);
            assertThat(Integer.signum(ReleaseOrder.INSTANCE.compare(a, b))).as(a + " vs " + b)
                    .isEqualTo(Integer.signum(reference(a, b)));
        }
    }

    private static String randomRef(java.util.Random random, String alphabet) {
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(12); k > 0; k--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
