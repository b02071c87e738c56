package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** A SAF entry keeps its analysers in the order safe.json gives them, in every JVM. */
class SafRecordTest {
    @Test
    void itsAnalysersAreInTheOrderGivenAndItsTextIsTheSameInEveryJvm() {
        // Map.copyOf (which the record used) iterates in an order that changes from one JVM to the next
        Map<String, String> analyser = new LinkedHashMap<>();
        analyser.put("eclair", "MC3A2.R8.4");
        analyser.put("coverity", "misra_c_2012_rule_8_4_violation");
        analyser.put("cppcheck", "misra-c2012-8.4");
        SafRecord r = new SafRecord("SAF-0-safe", analyser, "Rule 8.4: asm-only", "Used only by asm.",
                "docs/misra/safe.json", 5);
        assertThat(r.analyser().keySet()).containsExactly("eclair", "coverity", "cppcheck");
        assertThat(r.toString()).contains("analyser={eclair=MC3A2.R8.4, coverity=misra_c_2012_rule_8_4_violation, "
                + "cppcheck=misra-c2012-8.4}");
        assertThat(r.guideline("cppcheck")).contains(GuidelineId.parse("Rule 8.4").orElseThrow());
    }
}
