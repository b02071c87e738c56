package org.xenfusa.sloc.kbuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/** #if expressions as gcc's preprocessor evaluates them. */
// [utest->dsn~include-closure~1] [utest->err~active-line-wrong~1]
class ConditionEvaluatorTest {
    private final ConditionEvaluator ce = new ConditionEvaluator(Map.of());

    @Test
    void arithmeticDefinedAndMacros() {
        ce.define("A 3");
        ce.define("TWICE(x) ((x) * 2)");
        ce.define("EMPTY");
        assertThat(ce.evaluate("A == 3 && defined(A) && !defined B")).isEqualTo(OptionalLong.of(1));
        assertThat(ce.evaluate("TWICE(A) > 5 ? 0x10 : 1")).isEqualTo(OptionalLong.of(16));
        assertThat(ce.evaluate("UNDEFINED_NAME + 1")).isEqualTo(OptionalLong.of(1));
        assertThat(ce.evaluate("(1 << 4) | 3 - 1 % 2")).isEqualTo(OptionalLong.of(18));
        assertThat(ce.evaluate("-1 < 0 && ~0 == -1 && 10 / 3 == 3")).isEqualTo(OptionalLong.of(1));
        assertThat(ce.evaluate("defined EMPTY")).isEqualTo(OptionalLong.of(1));
        ce.undefine("A");
        assertThat(ce.evaluate("A")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void isEnabledThroughTokenPastingAndVariadics() {
        ce.define("MARK_1 junk,");
        ce.define("SECOND(ignored, v, ...) v");
        ce.define("PICK(m) SECOND(m 1, 0)");
        ce.define("PASTE(v) PICK(MARK_##v)");
        ce.define("IS_ENABLED(o) PASTE(o)");
        ce.define("CONFIG_ON 1");
        assertThat(ce.evaluate("IS_ENABLED(CONFIG_ON)")).isEqualTo(OptionalLong.of(1));
        assertThat(ce.evaluate("IS_ENABLED(CONFIG_OFF)")).isEqualTo(OptionalLong.of(0));
        assertThat(ce.evaluate("IS_ENABLED(CONFIG_ON) && !IS_ENABLED(CONFIG_OFF)")).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void undecidableConditions() {
        assertThat(ce.evaluate("__has_include(<x.h>)")).isEmpty();
        assertThat(ce.evaluate("unknown_function(1)")).isEmpty();
        assertThat(ce.evaluate("1 +")).isEmpty();
    }
}
