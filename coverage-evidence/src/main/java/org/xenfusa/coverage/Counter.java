package org.xenfusa.coverage;

/** A coverage figure: how many items there are and how many of them a test reached. */
public record Counter(long total, long covered) {
    public static final Counter ZERO = new Counter(0, 0);

    public Counter {
        if (total < 0 || covered < 0 || covered > total) {
            throw new IllegalArgumentException("covered " + covered + " of " + total);
        }
    }

    public Counter plus(Counter other) {
        return new Counter(total + other.total, covered + other.covered);
    }

    /** Covered over total in percent, or {@code NaN} when there is nothing to cover. */
    public double percent() {
        return total == 0 ? Double.NaN : 100.0 * covered / total;
    }

    /** gcovr's rendering: one decimal, {@code -} when there is nothing to cover. */
    public String percentText() {
        return total == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", percent());
    }
}
