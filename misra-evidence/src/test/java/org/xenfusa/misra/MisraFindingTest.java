package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tool's name is keyed the same way in every JVM. */
class MisraFindingTest {
    @Test
    void aNameWithTwoToolsIsKeyedByTheFirstOfXensListInEveryJvm() {
        // toolKey takes the first of Xen's tools the name contains: over Set.of that was another one in another JVM,
        // and with it the SAF records that justify the finding
        assertThat(MisraFinding.XEN_TOOLS).containsExactly("cppcheck", "eclair", "coverity");
        assertThat(MisraFinding.toolKey("Coverity with ECLAIR rules")).isEqualTo("eclair");
        assertThat(MisraFinding.toolKey("eclair cppcheck addon")).isEqualTo("cppcheck");
        assertThat(MisraFinding.toolKey("BUGSENG ECLAIR")).isEqualTo("eclair");
        assertThat(MisraFinding.toolKey("  ")).isEqualTo("unknown");
        assertThat(MisraFinding.toolKey("Sonar")).isEqualTo("sonar");
    }
}
