package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GuidelineIdTest {
    private static final GuidelineId R15_6 = new GuidelineId(false, 15, 6);
    private static final GuidelineId D4_10 = new GuidelineId(true, 4, 10);

    @Test
    void readsEveryToolsSpelling() {
        for (String s : List.of("Rule 15.6", "rule 15.6", "MC3A2.R15.6", "MC3R1.R15.6", "R15.6", "misra-c2012-15.6",
                "misra_c_2012_rule_15_6_violation")) {
            assertThat(GuidelineId.parse(s)).as(s).contains(R15_6);
        }
        for (String s : List.of("Dir 4.10", "Directive 4.10", "MC3A2.D4.10", "D4.10", "misra-c2012-dir-4.10",
                "misra-c2012-D4.10", "misra_c_2012_directive_4_10_violation")) {
            assertThat(GuidelineId.parse(s)).as(s).contains(D4_10);
        }
    }

    @Test
    void refusesGuidelinesMisraDoesNotHaveAndOtherChecks() {
        for (String s : List.of("Rule 15.9", "Rule 24.1", "Dir 4.16", "MC3A2.R0.1", "misra-c2012-99.1", "nullPointer",
                "", "Rule 15.6x")) {
            assertThat(GuidelineId.parse(s)).as(s).isEmpty();
        }
        assertThat(GuidelineId.parse(null)).isEmpty();
    }

    @Test
    void writesAsXenAndSortsDirectivesFirstThenByNumber() {
        assertThat(R15_6).hasToString("Rule 15.6");
        assertThat(D4_10).hasToString("Dir 4.10");
        List<GuidelineId> ids = new ArrayList<>(List.of(R15_6, new GuidelineId(false, 2, 1), D4_10,
                new GuidelineId(true, 4, 1), new GuidelineId(false, 15, 10 - 9)));
        ids.sort(null);
        assertThat(ids).extracting(GuidelineId::toString).containsExactly("Dir 4.1", "Dir 4.10", "Rule 2.1",
                "Rule 15.1", "Rule 15.6");
    }
}
