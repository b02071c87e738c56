package org.xenfusa.trace.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.xenfusa.trace.link.TestLink;
import org.xenfusa.trace.spec.Location;
import org.xenfusa.trace.spec.SpecificationItemId;

/** JUnit results: outcomes, file hashes, and refusing what is not a result file or tries XXE. */
// [utest->dsn~junit-results~1] [utest->err~results-misread~1]
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

    @Test
    void streamingGivesTheSameCasesAndHashAsReadingTheBytes() throws Exception {
        byte[] bytes = RESULTS.getBytes(StandardCharsets.UTF_8);
        List<TestCaseResult> streamed = new ArrayList<>();
        JUnitXmlReader.Summary s = JUnitXmlReader.stream("results/arm64.xml", new ByteArrayInputStream(bytes),
                streamed::add);
        TestResultFile read = JUnitXmlReader.read("results/arm64.xml", bytes);
        assertThat(streamed).isEqualTo(read.cases());
        assertThat(s.cases()).isEqualTo(3);
        assertThat(s.sha256()).isEqualTo(read.sha256());
    }

    @Test
    void aMillionCasesStreamWithoutTheFileInMemory() throws Exception {
        // about 90 MB generated on the fly: never one array, never one list
        int n = 1_000_000;
        Iterator<InputStream> parts = IntStream.rangeClosed(0, n + 1).mapToObj(i -> {
            String text = i == 0 ? "<?xml version=\"1.0\"?>\n<testsuite name=\"big\">\n"
                    : i == n + 1 ? "</testsuite>\n"
                    : "  <testcase classname=\"suite.c" + (i % 100) + "\" name=\"case_" + i + "\" time=\"0.001\">"
                            + (i % 1000 == 0 ? "<failure message=\"no\"/>" : "") + "</testcase>\n";
            return (InputStream) new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }).iterator();
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        InputStream in = new DigestInputStream(new SequenceInputStream(enumeration(parts)), digest);
        AtomicLong failed = new AtomicLong();
        AtomicLong lastLine = new AtomicLong();
        JUnitXmlReader.Summary s = JUnitXmlReader.stream("big.xml", in, c -> {
            if (c.outcome() == TestOutcome.FAILED) {
                failed.incrementAndGet();
            }
            lastLine.set(c.source().line());
        });
        assertThat(s.cases()).isEqualTo(n);
        assertThat(failed).hasValue(n / 1000);
        assertThat(lastLine).hasValue(n + 2);
        assertThat(s.sha256()).isEqualTo(HexFormat.of().formatHex(digest.digest()));
    }

    private static java.util.Enumeration<InputStream> enumeration(Iterator<InputStream> it) {
        return new java.util.Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return it.hasNext();
            }

            @Override
            public InputStream nextElement() {
                return it.next();
            }
        };
    }

    @Test
    void streamingRefusesExternalEntitiesAndEntityBombsWithFileAndLine() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
                + "<testsuite><testcase name=\"&e;\"/></testsuite>\n";
        List<TestCaseResult> seen = new ArrayList<>();
        assertThatThrownBy(() -> JUnitXmlReader.stream("evil.xml",
                new ByteArrayInputStream(xxe.getBytes(StandardCharsets.UTF_8)), seen::add))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("evil.xml:2")
                .hasMessageContaining("DOCTYPE");
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n"
                + "<testsuite><testcase name=\"&b;\"/></testsuite>\n";
        assertThatThrownBy(() -> JUnitXmlReader.stream("bomb.xml",
                new ByteArrayInputStream(bomb.getBytes(StandardCharsets.UTF_8)), seen::add))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("DOCTYPE");
        String undeclared = "<testsuite><testcase name=\"&e;\"/></testsuite>\n";
        assertThatThrownBy(() -> JUnitXmlReader.stream("undeclared.xml",
                new ByteArrayInputStream(undeclared.getBytes(StandardCharsets.UTF_8)), seen::add))
                .isInstanceOf(EvidenceFormatException.class).hasMessageContaining("undeclared.xml:1");
        assertThat(seen).isEmpty();
    }

    @Test
    void aFileIsStreamedToItsEndAndLeftForTheCallerToClose(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("results.xml");
        java.nio.file.Files.writeString(file, RESULTS + "<!-- trailing comment, hashed too -->\n");
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            JUnitXmlReader.Summary s = JUnitXmlReader.stream("results.xml", in, c -> { });
            assertThat(s.cases()).isEqualTo(3);
            assertThat(s.sha256()).isEqualTo(JUnitXmlReader.sha256(java.nio.file.Files.readAllBytes(file)));
            assertThat(in.read()).isEqualTo(-1); // still open, at its end
        }
    }
}
