package org.xenfusa.trace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/** JUnit results: outcomes, file hashes, and refusing what is not a result file or tries XXE. */
class JUnitXmlReaderTest {
    private static final String RESULTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="timer" tests="3">
                <testcase classname="timer" name="reads_frequency" time="0.1"/>
                <testcase classname="timer" name="fails"><failure message="x"/></testcase>
                <testcase classname="timer" name="skipped"><skipped/></testcase>
              </testsuite>
            </testsuites>
            """;

    @Test
    void readsOutcomesAndHashesTheFile() throws Exception {
        TestResultFile f = JUnitXmlReader.read("results/arm64.xml", RESULTS.getBytes(StandardCharsets.UTF_8));
        assertThat(f.cases()).extracting(TestCaseResult::outcome)
                .containsExactly(TestOutcome.PASSED, TestOutcome.FAILED, TestOutcome.SKIPPED);
        assertThat(f.cases().get(1).source()).isEqualTo(new Location("results/arm64.xml", 5));
        assertThat(f.sha256()).hasSize(64).isEqualTo(JUnitXmlReader.sha256(RESULTS.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void requirementsAreVerifiedOnlyWhenTheirTestsPassed() throws Exception {
        TestResultFile f = JUnitXmlReader.read("r.xml", RESULTS.getBytes(StandardCharsets.UTF_8));
        SpecificationItemId ok = SpecificationItemId.parse("XenSwdgn~ok~1");
        SpecificationItemId bad = SpecificationItemId.parse("XenSwdgn~bad~1");
        SpecificationItemId missing = SpecificationItemId.parse("XenSwdgn~missing~1");
        Location at = new Location("links.yaml", 1);
        var v = TestVerification.verify(List.of(new TestLink(ok, "t.c", "timer.reads_frequency", "utest", at),
                new TestLink(bad, "t.c", "timer#fails", "utest", at), new TestLink(bad, "t.c", "reads_frequency", "utest", at),
                new TestLink(missing, "t.c", "nowhere", "utest", at)), List.of(f));
        assertThat(v.get(ok).state()).isEqualTo(VerificationState.VERIFIED);
        assertThat(v.get(ok).evidence().get(0).results().get(0).sha256()).isEqualTo(f.sha256());
        assertThat(v.get(bad).state()).isEqualTo(VerificationState.FAILED);
        assertThat(v.get(missing).state()).isEqualTo(VerificationState.NOT_RUN);
    }

    @Test
    void externalEntitiesAreRefusedWithFileAndLine() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<testsuite><testcase name=\"&e;\"/></testsuite>\n";
        assertThatThrownBy(() -> JUnitXmlReader.read("evil.xml", xxe.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("evil.xml:2")
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void aFileThatIsNotXmlIsRefusedWithFileAndLine() {
        assertThatThrownBy(() -> JUnitXmlReader.read("log.txt", "PASS: all\nok\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("log.txt:1")
                .hasMessageContaining("not a well-formed XML");
        assertThatThrownBy(() -> JUnitXmlReader.read("other.xml", "<html/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not a JUnit XML result file");
    }
}
