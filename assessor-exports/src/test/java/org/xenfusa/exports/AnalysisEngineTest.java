package org.xenfusa.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xenfusa.sloc.count.ClocCounter;
import org.xenfusa.sloc.report.SlocEngineVersion;
import org.xenfusa.trace.report.TraceEngineVersion;

/** The analysis engine version names every library's rules and the project version the build wrote into it. */
// [utest->dsn~engine-version~1] [utest->err~outdated-result-shown~1]
class AnalysisEngineTest {
    @Test
    void theVersionCombinesEachLibrarysRulesAndTheProjectVersion() {
        String v = AnalysisEngine.version();
        assertThat(v).startsWith("sloc " + SlocEngineVersion.RULES + "." + ClocCounter.RULES_VERSION + ", trace "
                + TraceEngineVersion.RULES + ", readiness " + AnalysisEngine.READINESS_RULES + ", fusa ");
        // the build's resource filtering gave it the Maven version, not the placeholder
        assertThat(AnalysisEngine.projectVersion()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
        assertThat(v).endsWith("fusa " + AnalysisEngine.projectVersion()).hasSizeLessThanOrEqualTo(200);
    }
}
