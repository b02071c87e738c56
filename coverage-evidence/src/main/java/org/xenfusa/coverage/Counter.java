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

    /**
     * gcovr's rendering ({@code CoverageStat.percent_or}): one decimal, rounded as Python's {@code round} rounds the
     * exact value (half to even), never 100.0 unless everything is covered (at most 99.9); {@code -} when there is
     * nothing to cover.
     */
    public String percentText() {
        if (total == 0) {
            return "-";
        }
        if (covered == total) {
            return "100.0%";
        }
        java.math.BigDecimal p = new java.math.BigDecimal((double) covered / total * 100.0).setScale(1,
                java.math.RoundingMode.HALF_EVEN);
        return p.min(new java.math.BigDecimal("99.9")).toPlainString() + "%";
    }
}
