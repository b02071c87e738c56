package org.xenfusa.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Percentages as gcovr prints them (its doctests of {@code CoverageStat.percent_or}), and impossible counters. */
class CounterTest {
    @Test
    void percentagesAreGcovrs() {
        assertThat(new Counter(10000, 1234).percentText()).isEqualTo("12.3%");
        assertThat(new Counter(10000, 9999).percentText()).isEqualTo("99.9%");
        assertThat(new Counter(10000, 10000).percentText()).isEqualTo("100.0%");
        assertThat(new Counter(0, 0).percentText()).isEqualTo("-");
        // 99.96 % rounds to 100.0 but not everything is covered
        assertThat(new Counter(2500, 2499).percentText()).isEqualTo("99.9%");
        // half to even on the exact value: 1/8 = 12.5 % exactly, 0.125 of 1/800 = 0.125 % -> 0.1
        assertThat(new Counter(8, 1).percentText()).isEqualTo("12.5%");
        assertThat(new Counter(800, 1).percentText()).isEqualTo("0.1%");
        assertThat(new Counter(861, 532).percentText()).isEqualTo("61.8%");
        assertThat(new Counter(3, 0).percentText()).isEqualTo("0.0%");
    }

    @Test
    void moreCoveredThanThereIsIsRefused() {
        assertThatThrownBy(() -> new Counter(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Counter(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
