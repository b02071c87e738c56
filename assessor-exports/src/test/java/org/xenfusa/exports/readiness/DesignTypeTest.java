package org.xenfusa.exports.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The design-coverage gate must see Xen's design requirements, whose type is XenSwdgn, not dsn. */
class DesignTypeTest {
    @Test
    void designTypesOfOpenFastTraceAndXen() {
        assertThat(ReadinessEvaluator.isDesignType("dsn")).isTrue();
        assertThat(ReadinessEvaluator.isDesignType("XenSwdgn")).isTrue();
        assertThat(ReadinessEvaluator.isDesignType("XenProd")).isFalse();
        assertThat(ReadinessEvaluator.isDesignType("XenMkt")).isFalse();
        assertThat(ReadinessEvaluator.isDesignType("impl")).isFalse();
        assertThat(ReadinessEvaluator.isDesignType("req")).isFalse();
    }
}
