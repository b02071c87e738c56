package org.xenfusa.trace.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.evidence.VerificationState;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/** The verdict rules, one requirement per rule, in two configurations; and draft links that never count. */
// [utest->dsn~one-verdict~1] [utest->err~verdict-rule-wrong~1]
class TraceabilityTest {
    @TempDir Path tmp;
    private FunctionIndex index;
    private SpecificationImport specs;

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("docs/reqs.md", """
                # Requirements

                ### Console
                `req~console~1`

                Needs: dsn

                ### UART driver
                `dsn~uart~1`

                Covers:
                - req~console~1

                Needs: impl, utest

                ### ARM timer
                `dsn~arm-timer~1`

                Needs: impl

                ### Nothing asked
                `dsn~no-needs~1`

                ### Unwanted
                `dsn~unwanted~1`

                ### Drafted only
                `dsn~drafted~1`

                Needs: impl

                ### Product over nothing
                `req~hollow~1`

                Needs: dsn

                ### Design under it
                `dsn~hollow-design~1`

                Covers:
                - req~hollow~1
                """);
        write("xen/drivers/uart.c", """
                int uart_put(char c)
                {
                    return c;
                }
                """);
        write("xen/arch/arm/timer.c", """
                int arm_timer(void)
                {
                    return 1;
                }
                """);
        write("xen/common/other.c", """
                int other(void)
                {
                    return 2;
                }
                """);
        DirectorySourceTree t = DirectorySourceTree.open(tmp);
        index = FunctionIndex.of(t);
        specs = SpecificationScanner.under("docs/").scan(t);
    }

    private static LinkSet links() {
        return LinkFileReader.read("links.yaml", """
                version: 1
                links:
                  - requirement: dsn~uart~1
                    code:
                      - file: xen/drivers/uart.c
                        function: uart_put
                        state: reviewed
                    tests:
                      - file: tests/uart.c
                        name: uart.put_writes
                  - requirement: dsn~arm-timer~1
                    code:
                      - file: xen/arch/arm/timer.c
                        function: arm_timer
                        state: reviewed
                  - requirement: dsn~unwanted~1
                    code:
                      - file: xen/common/other.c
                        function: other
                        state: reviewed
                  - requirement: dsn~drafted~1
                    code:
                      - file: xen/common/other.c
                        function: other
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private TraceReport report(List<TestResultFile> results) {
        return Traceability.trace(specs, links(), index, List.of(
                new ConfigurationInput("x86_64-defconfig", List.of("xen/drivers/uart.c", "xen/common/other.c"), results),
                new ConfigurationInput("arm64-defconfig", List.of("xen/drivers/uart.c", "xen/arch/arm/timer.c",
                        "xen/common/other.c", "xen/arch/arm/generated.S"), List.of())));
    }

    private static TestResultFile passed() throws org.xenfusa.trace.evidence.EvidenceFormatException {
        return JUnitXmlReader.read("results.xml", """
                <testsuite name="uart"><testcase classname="uart" name="put_writes"/></testsuite>
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void eachRuleGivesItsVerdictInEveryConfiguration() throws Exception {
        TraceReport r = report(List.of(passed()));
        assertThat(r.requirement("dsn~uart~1").orElseThrow().verdict("x86_64-defconfig"))
                .isEqualTo(Verdict.COVERED);
        // code implements it, but only arm64 compiles that code
        assertThat(r.requirement("dsn~arm-timer~1").orElseThrow().verdict("x86_64-defconfig"))
                .isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(r.requirement("dsn~arm-timer~1").orElseThrow().verdict("arm64-defconfig")).isEqualTo(Verdict.COVERED);
        assertThat(r.requirement("dsn~arm-timer~1").orElseThrow().overall()).isEqualTo(Verdict.COVERED);
        // covered through the design item, which has code and tests below it
        assertThat(r.requirement("req~console~1").orElseThrow().verdict("x86_64-defconfig")).isEqualTo(Verdict.COVERED);
        // OFT says covered, with no link at all: nothing required, never coverage
        RequirementTrace noNeeds = r.requirement("dsn~no-needs~1").orElseThrow();
        assertThat(noNeeds.oftVerdict()).isEqualTo("covered");
        assertThat(noNeeds.verdict("x86_64-defconfig")).isEqualTo(Verdict.NOTHING_REQUIRED);
        assertThat(noNeeds.verdict("x86_64-defconfig").isCoverage()).isFalse();
        // a product item OFT calls covered by a design item that needs nothing: still no code below
        assertThat(r.requirement("req~hollow~1").orElseThrow().oftVerdict()).isEqualTo("covered");
        assertThat(r.requirement("req~hollow~1").orElseThrow().overall()).isEqualTo(Verdict.NOTHING_REQUIRED);
        // a code link to an item that does not need impl: OFT's unwanted coverage
        assertThat(r.requirement("dsn~unwanted~1").orElseThrow().verdict("x86_64-defconfig")).isEqualTo(Verdict.DEFECT);
        assertThat(r.requirement("dsn~unwanted~1").orElseThrow().problems()).contains("unwanted coverage");
        assertThat(r.counts("x86_64-defconfig")).containsEntry(Verdict.COVERED, 2L)
                .containsEntry(Verdict.NOT_APPLICABLE, 1L).containsEntry(Verdict.DEFECT, 1L);
    }

    @Test
    void aDraftLinkIsShownButNeverCounts() throws Exception {
        TraceReport r = report(List.of(passed()));
        RequirementTrace drafted = r.requirement("dsn~drafted~1").orElseThrow();
        assertThat(drafted.verdict("x86_64-defconfig")).isEqualTo(Verdict.UNCOVERED);
        assertThat(drafted.overall()).isEqualTo(Verdict.UNCOVERED);
        assertThat(drafted.links()).singleElement().satisfies(l -> {
            assertThat(l.anchor()).isEqualTo("xen/common/other.c:other");
            assertThat(l.stateLabel()).isEqualTo("draft");
            assertThat(l.counts()).isFalse();
        });
        // the function is traced only by the reviewed (unwanted) link, not by the draft: remove that one and it is untraced
        LinkSet onlyDraft = new LinkSet(links().code().stream().filter(l -> l.requirement().name().equals("drafted"))
                .toList(), List.of(), List.of());
        TraceReport d = Traceability.trace(specs, onlyDraft, index, List.of(new ConfigurationInput("c",
                List.of("xen/common/other.c"), List.of())));
        assertThat(d.configuration("c").orElseThrow().coverage().tracedCode()).isZero();
    }

    @Test
    void linksCarryTheirReviewStateAndTestsTheirResults() throws Exception {
        TraceReport r = report(List.of(passed()));
        RequirementTrace uart = r.requirement("dsn~uart~1").orElseThrow();
        assertThat(uart.links()).extracting(LinkView::kind, LinkView::anchor, LinkView::stateLabel, LinkView::counts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LinkView.Kind.CODE, "xen/drivers/uart.c:uart_put",
                        "reviewed", true), org.assertj.core.groups.Tuple.tuple(LinkView.Kind.TEST, "uart.put_writes",
                        "in repository", true));
        assertThat(uart.configurations().get("x86_64-defconfig").verification()).isEqualTo(VerificationState.VERIFIED);
        assertThat(uart.configurations().get("arm64-defconfig").verification()).isEqualTo(VerificationState.NOT_RUN);
    }

    @Test
    void generatedFilesAreNamedAsOutsideTheTree() {
        TraceReport r = report(List.of());
        assertThat(r.configuration("arm64-defconfig").orElseThrow().notInTree()).containsExactly("xen/arch/arm/generated.S");
        assertThat(r.configuration("arm64-defconfig").orElseThrow().coverage().compiledFiles()).isEqualTo(3);
    }

    /**
     * A tag in any file that is not markup is a code anchor, as OpenFastTrace's tag importer reads it: a design item
     * implemented in Java and tested by a script is covered, and the tags are never listed as requirements themselves.
     */
    @Test
    void tagsInCodeOtherThanCAreCodeAnchorsAsOpenFastTraceReadsThem(@TempDir Path other) throws IOException {
        Files.createDirectories(other.resolve("docs"));
        Files.writeString(other.resolve("docs/spec.md"), """
                # Spec

                ### Parser
                `dsn~parser~1`

                Needs: impl, utest
                """);
        Files.createDirectories(other.resolve("src/main/java"));
        Files.writeString(other.resolve("src/main/java/Parser.java"), "// [impl->dsn~parser~1]\nclass Parser {}\n");
        Files.createDirectories(other.resolve("tests"));
        Files.writeString(other.resolve("tests/parser-test.sh"), "#!/bin/sh\n# [utest->dsn~parser~1]\ntrue\n");
        var tree = DirectorySourceTree.open(other);
        TraceReport report = Traceability.trace(SpecificationScanner.under("").scan(tree), LinkSet.empty(),
                FunctionIndex.of(tree), List.of(), org.xenfusa.trace.policy.TracePolicy.oft());
        assertThat(report.requirements()).extracting(RequirementTrace::id).containsExactly("dsn~parser~1");
        assertThat(report.requirements().get(0).overall()).isEqualTo(Verdict.COVERED);
        assertThat(report.requirements().get(0).oftVerdict()).isEqualTo("covered");
    }
}
