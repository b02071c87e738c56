package org.xenfusa.exports.docx;

import java.util.Locale;

/** Number formats for documents: fixed locale, so a report reads the same on any machine. */
final class Figures {
    private Figures() {
    }

    static String count(long n) {
        return String.format(Locale.UK, "%,d", n);
    }

    static String hours(double h) {
        return String.format(Locale.UK, "%,.0f", h);
    }

    static String years(double y) {
        return String.format(Locale.UK, "%,.2f", y);
    }

    static String percent(double p) {
        return String.format(Locale.UK, "%.1f %%", p);
    }

    static String signed(long n) {
        return (n > 0 ? "+" : "") + count(n);
    }

    static String signedHours(double h) {
        return (h > 0 ? "+" : "") + hours(h);
    }
}
