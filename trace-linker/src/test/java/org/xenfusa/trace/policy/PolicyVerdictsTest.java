package org.xenfusa.trace.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.sloc.tree.DirectorySourceTree;
import org.xenfusa.trace.evidence.JUnitXmlReader;
import org.xenfusa.trace.evidence.TestResultFile;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.report.ConfigurationInput;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.trace.report.Traceability;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.trace.spec.SpecificationImport;
import org.xenfusa.trace.spec.SpecificationScanner;

/**
 * The verdicts a policy gives on a synthetic tree shaped like Xen's (market, product, design items without Needs: for
 * code): one item per policy rule and per applicability source, in an arm64 and an x86_64 configuration.
 */
// [utest->dsn~trace-policy~1] [utest->err~verdict-rule-wrong~1]
class PolicyVerdictsTest {
    @TempDir Path tmp;
    private FunctionIndex index;
    private SpecificationImport specs;

    static final String POLICY = """
            name: test-xen
            version: "1"
            types:
              Mkt:
                covered-by: [Prod]
              Prod:
                covered-by: [Dsn]
              Opt:
                covered-by: [Dsn]
                required: false
              Dsn:
                needs: [impl, utest]
            applicability:
              unconditioned: applies
              tags: true
              locations:
                - path: "docs/reqs/arm64/**"
                  arch: arm64
              items:
                - id: "Dsn~uart_*"
                  config: CONFIG_SBSA_VUART_CONSOLE
            """;

    private void write(String path, String text) throws IOException {
        Path p = tmp.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @BeforeEach
    void tree() throws IOException {
        write("docs/reqs/common.md", """
                # Market and product

                ### Run domains
                `Mkt~run~1`

                ### Version
                `Prod~version~1`

                Covers:
                - Mkt~run~1

                ### Optional product item
                `Opt~optional~1`

                ### Version design
                `Dsn~version~1`

                Covers:
                - Prod~version~1

                ### Generic, linked to Arm code only
                `Dsn~generic~1`

                ### For one board
                `Dsn~board_only~1`

                Tags:
                - board:rpi4
                """);
        write("docs/reqs/arm64/timer.md", """
                # Arm64 design

                ### Timer
                `Dsn~timer~1`

                ### UART
                `Dsn~uart_tx~1`
                """);
        write("xen/common/version.c", "int do_version(void)\n{\n    return 4;\n}\n");
        write("xen/arch/arm/timer.c", "int vtimer(void)\n{\n    return 1;\n}\n");
        write("xen/arch/arm/vuart.c", "int vuart_tx(void)\n{\n    return 1;\n}\n");
        write("xen/arch/arm/only.c", "int arm_only(void)\n{\n    return 1;\n}\n");
        DirectorySourceTree t = DirectorySourceTree.open(tmp);
        index = FunctionIndex.of(t);
        specs = SpecificationScanner.under("docs/").scan(t);
    }

    private static LinkSet links() {
        return LinkFileReader.read("links.yaml", """
                version: 1
                links:
                  - requirement: Dsn~version~1
                    code:
                      - {file: xen/common/version.c, function: do_version, state: reviewed}
                    tests:
                      - {file: tests/version.c, name: version.works}
                  - requirement: Dsn~timer~1
                    code:
                      - {file: xen/arch/arm/timer.c, function: vtimer, state: reviewed}
                  - requirement: Dsn~uart_tx~1
                    code:
                      - {file: xen/arch/arm/vuart.c, function: vuart_tx, state: reviewed}
                  - requirement: Dsn~generic~1
                    code:
                      - {file: xen/arch/arm/only.c, function: arm_only, state: reviewed}
                """.getBytes(StandardCharsets.UTF_8));
    }

    private static TestResultFile passed() throws Exception {
        return JUnitXmlReader.read("results.xml", """
                <testsuite name="version"><testcase classname="version" name="works"/></testsuite>
                """.getBytes(StandardCharsets.UTF_8));
    }

    private TraceReport report(TracePolicy policy, String uart) throws Exception {
        List<String> all = List.of("xen/common/version.c", "xen/arch/arm/timer.c", "xen/arch/arm/vuart.c",
                "xen/arch/arm/only.c");
        return Traceability.trace(specs, links(), index, List.of(
                new ConfigurationInput("arm64", all, List.of(passed()), new Target(Optional.of("arm64"),
                        Map.of("CONFIG_SBSA_VUART_CONSOLE", uart), Optional.of("rpi4"))),
                new ConfigurationInput("x86_64", List.of("xen/common/version.c"), List.of(passed()),
                        new Target(Optional.of("x86_64"), Map.of("CONFIG_HVM", "y"), Optional.of("qemu")))),
                policy);
    }

    private static TracePolicy policy() throws TracePolicyException {
        return TracePolicy.parse("policy.yaml", POLICY.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReviewedLinkCoversTheImplNeedAndCoverageRisesByCoveredBy() throws Exception {
        TraceReport r = report(policy(), "y");
        RequirementTrace version = r.requirement("Dsn~version~1").orElseThrow();
        assertThat(version.needs()).containsExactly("impl", "utest");
        assertThat(version.overall()).isEqualTo(Verdict.COVERED);
        assertThat(version.verdict("x86_64")).isEqualTo(Verdict.COVERED);
        assertThat(version.countedLinks()).hasSize(2);
        // product and market items are covered through the design item (covered-by), none declares Needs:
        assertThat(r.requirement("Prod~version~1").orElseThrow().verdict("x86_64")).isEqualTo(Verdict.COVERED);
        assertThat(r.requirement("Mkt~run~1").orElseThrow().verdict("x86_64")).isEqualTo(Verdict.COVERED);
        // a required type nothing covers is uncovered, an optional one needs nothing
        RequirementTrace timer = r.requirement("Dsn~timer~1").orElseThrow();
        assertThat(timer.verdict("arm64")).isEqualTo(Verdict.UNCOVERED);
        assertThat(timer.reason("arm64")).isEqualTo("not covered by utest");
        assertThat(r.requirement("Opt~optional~1").orElseThrow().verdict("arm64")).isEqualTo(Verdict.NOTHING_REQUIRED);
    }

    @Test
    void underOftTheSameLinksAreUnwantedAsOpenFastTraceSays() throws Exception {
        TraceReport oft = report(TracePolicy.oft(), "y");
        RequirementTrace version = oft.requirement("Dsn~version~1").orElseThrow();
        assertThat(version.overall()).isEqualTo(Verdict.DEFECT);
        assertThat(version.problems()).contains("unwanted coverage");
        assertThat(version.reason("x86_64")).contains("unwanted coverage");
        // the oft policy is exactly the default rules
        TraceReport byDefault = Traceability.trace(specs, links(), index, List.of(new ConfigurationInput("arm64",
                List.of("xen/common/version.c"), List.of(passed()))));
        assertThat(oft.requirements()).extracting(RequirementTrace::id, RequirementTrace::overall,
                RequirementTrace::oftVerdict).containsExactlyElementsOf(byDefault.requirements().stream()
                        .map(t -> org.assertj.core.groups.Tuple.tuple(t.id(), t.overall(), t.oftVerdict())).toList());
        // and under oft, code not compiled makes an item not applicable, as before
        assertThat(oft.requirement("Dsn~generic~1").orElseThrow().verdict("x86_64")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(oft.requirement("Dsn~generic~1").orElseThrow().reason("x86_64"))
                .isEqualTo("code implements it, but none of that code is compiled in x86_64");
    }

    @Test
    void applicabilityByLocation() throws Exception {
        TraceReport r = report(policy(), "y");
        RequirementTrace timer = r.requirement("Dsn~timer~1").orElseThrow();
        assertThat(timer.verdict("x86_64")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(timer.reason("x86_64")).isEqualTo("applies to arm64 only (policy test-xen, location docs/reqs/arm64/**);"
                + " this configuration is x86_64");
        assertThat(r.configuration("x86_64").orElseThrow().coverage().applicable())
                .doesNotContain(org.xenfusa.trace.spec.SpecificationItemId.parse("Dsn~timer~1"));
    }

    @Test
    void applicabilityByKconfigSymbolFromThePolicy() throws Exception {
        RequirementTrace with = report(policy(), "y").requirement("Dsn~uart_tx~1").orElseThrow();
        assertThat(with.verdict("arm64")).isEqualTo(Verdict.UNCOVERED);
        RequirementTrace without = report(policy(), "n").requirement("Dsn~uart_tx~1").orElseThrow();
        assertThat(without.verdict("arm64")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(without.reason("arm64")).isEqualTo("applies only with CONFIG_SBSA_VUART_CONSOLE (policy test-xen,"
                + " item Dsn~uart_*); CONFIG_SBSA_VUART_CONSOLE is n in this configuration");
    }

    @Test
    void applicabilityByTagOfTheItem() throws Exception {
        TraceReport r = report(policy(), "y");
        RequirementTrace board = r.requirement("Dsn~board_only~1").orElseThrow();
        assertThat(board.verdict("x86_64")).isEqualTo(Verdict.NOT_APPLICABLE);
        assertThat(board.reason("x86_64")).startsWith("applies to board rpi4 only (tags of docs/reqs/common.md:")
                .endsWith("this configuration is for qemu");
        assertThat(board.verdict("arm64")).isEqualTo(Verdict.UNCOVERED);
    }

    @Test
    void anApplicableItemWhoseLinkedCodeIsNotCompiledIsADefect() throws Exception {
        TraceReport r = report(policy(), "y");
        RequirementTrace generic = r.requirement("Dsn~generic~1").orElseThrow();
        assertThat(generic.verdict("x86_64")).isEqualTo(Verdict.DEFECT);
        assertThat(generic.reason("x86_64"))
                .isEqualTo("linked functions not compiled in x86_64: xen/arch/arm/only.c:arm_only");
        assertThat(generic.verdict("arm64")).isEqualTo(Verdict.UNCOVERED);
        assertThat(generic.overall()).isEqualTo(Verdict.UNCOVERED);
    }
}
