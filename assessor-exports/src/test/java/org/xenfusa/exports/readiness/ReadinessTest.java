package org.xenfusa.exports.readiness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.xenfusa.exports.docx.ReadinessDocument;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.model.SuspectLinkRow;
import org.xenfusa.trace.evidence.TestOutcome;
import org.xenfusa.exports.model.TestResult;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.exports.xlsx.ReadinessWorkbook;

/** Gate files (errors with file and line), gate values and verdicts, the comparison, and the two documents. */
// [utest->dsn~readiness-gates~1] [utest->err~ready-without-evidence~1]
class ReadinessTest {
    static final SyntheticEvidence.Shape SHAPE = SyntheticEvidence.Shape.small();
    static final ReleaseEvidence BEFORE = SyntheticEvidence.create(SHAPE, "RELEASE-4.21.0", "b".repeat(40), 0);
    static final ReleaseEvidence NOW = SyntheticEvidence.create(SHAPE, "RELEASE-4.22.0", "a".repeat(40), 10);

    static final String GATES = """
            # release gates
            all:
              design-covered-by-code-min-percent: 100
              verified-by-passed-tests-min-percent: 50
              suspect-links-max: 0
              trace-defects-max: 0
              uncovered-requirements-max: 0
              untraced-sloc-max: 100000
              sloc-growth-max-percent: 50
              figure-warnings-max: 0
              misra-new-clean-violations-max: 0
              misra-violations-per-guideline-max: 10
              misra-dangling-saf-ids-max: 0
              coverage-statement-min-percent: 90
              coverage-decision-min-percent: 90
              coverage-mcdc-min-percent: 90
            configurations:
              arm64-defconfig:
                figure-warnings-max: 1
            """;

    @Test
    void anUnknownGateIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  suspect-links-max: 0\n  coverage-min: 90\n", "gates.yaml"))
                .isInstanceOf(GateFileException.class)
                .hasMessageStartingWith("gates.yaml:3: unknown gate 'coverage-min'")
                .hasMessageContaining("suspect-links-max");
    }

    @Test
    void aWrongValueTypeIsAnErrorNamingFileAndLine() {
        assertThatThrownBy(() -> GateFileParser.parse("all:\n\n  suspect-links-max: none\n", "g.yml"))
                .isInstanceOf(GateFileException.class)
                .hasMessage("g.yml:3: 'suspect-links-max' wants a whole number, got 'none'");
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  untraced-sloc-max: 2.5\n", "g.yml"))
                .hasMessage("g.yml:2: 'untraced-sloc-max' wants a whole number, got '2.5'");
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  design-covered-by-code-min-percent: [1]\n", "g.yml"))
                .hasMessageStartingWith("g.yml:2: 'design-covered-by-code-min-percent' wants a number (percent)");
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  design-covered-by-code-min-percent: 120\n", "g.yml"))
                .hasMessage("g.yml:2: 'design-covered-by-code-min-percent' is a percentage from 0 to 100, got 120");
    }

    @Test
    void unknownKeysDuplicatesBrokenYamlAndUnknownConfigurationsAreErrors() throws Exception {
        assertThatThrownBy(() -> GateFileParser.parse("all: {}\nboards: {}\n", "g.yml"))
                .hasMessageStartingWith("g.yml:2: unknown key 'boards'");
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  suspect-links-max: 0\n  suspect-links-max: 1\n", "g.yml"))
                .hasMessageStartingWith("g.yml:3: 'suspect-links-max' is set twice");
        assertThatThrownBy(() -> GateFileParser.parse("all:\n  a: [\n", "g.yml")).hasMessageStartingWith("g.yml:")
                .hasMessageContaining("not YAML");
        assertThatThrownBy(() -> GateFileParser.parse("", "g.yml")).hasMessageStartingWith("g.yml:1: the gate file is empty");
        ReadinessGates gates = GateFileParser.parse("configurations:\n  riscv64-tiny:\n    suspect-links-max: 0\n", "g.yml");
        assertThatThrownBy(() -> ReadinessEvaluator.evaluate(gates, NOW, Optional.empty()))
                .isInstanceOf(GateFileException.class)
                .hasMessageStartingWith("g.yml:2: configuration 'riscv64-tiny' is not in the evidence");
    }

    @Test
    void evaluatesEveryGatePerConfiguration() throws Exception {
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), NOW,
                Optional.of(BEFORE));
        assertThat(r.results()).hasSize(2 * Gate.values().length);
        GateResult suspects = find(r, "x86_64-defconfig", Gate.SUSPECT_LINKS);
        assertThat(suspects.value()).contains(1.0);
        assertThat(suspects.verdict()).isEqualTo(GateVerdict.FAILED);
        // no coverage evidence at all: the coverage gates are not evaluated, never passed
        assertThat(find(r, "x86_64-defconfig", Gate.COVERAGE_STATEMENT).verdict())
                .isEqualTo(GateVerdict.NOT_EVALUATED);
        // the arm64 override lets its one warning pass, x86_64 has none
        assertThat(find(r, "arm64-defconfig", Gate.FIGURE_WARNINGS).verdict()).isEqualTo(GateVerdict.PASSED);
        assertThat(find(r, "arm64-defconfig", Gate.FIGURE_WARNINGS).threshold()).isEqualTo(1.0);
        ConfigurationFigures x86 = NOW.configuration("x86_64-defconfig").orElseThrow();
        ConfigurationFigures x86Before = BEFORE.configuration("x86_64-defconfig").orElseThrow();
        double growth = 100.0 * (x86.makeCloc().code() - x86Before.makeCloc().code()) / x86Before.makeCloc().code();
        assertThat(find(r, "x86_64-defconfig", Gate.SLOC_GROWTH).value()).contains(growth);
        long dsn = NOW.requirements().stream().filter(q -> q.type().equals("dsn")).count();
        long dsnCovered = NOW.requirements().stream().filter(q -> q.type().equals("dsn"))
                .filter(q -> q.verdict("x86_64-defconfig").name().equals("COVERED")).count();
        assertThat(find(r, "x86_64-defconfig", Gate.DESIGN_COVERED_BY_CODE).value())
                .contains(100.0 * dsnCovered / dsn);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).extracting(GateResult::gate).contains(Gate.SUSPECT_LINKS);
    }

    @Test
    void uncoveredRequirementsFailTheReleaseAsFusaTraceDoes() throws Exception {
        // a product requirement with no design item below it is uncovered, whatever the design coverage says
        ReadinessReport r = ReadinessEvaluator.evaluate(
                GateFileParser.parse("all:\n  uncovered-requirements-max: 0\n", "g.yml"), NOW, Optional.empty());
        for (ConfigurationFigures c : NOW.configurations()) {
            long uncovered = NOW.requirements().stream()
                    .filter(q -> q.verdict(c.name()) == org.xenfusa.trace.report.Verdict.UNCOVERED).count();
            assertThat(uncovered).isPositive();
            GateResult g = find(r, c.name(), Gate.UNCOVERED_REQUIREMENTS);
            assertThat(g.value()).contains((double) uncovered);
            assertThat(g.verdict()).isEqualTo(GateVerdict.FAILED);
            assertThat(g.detail()).isEqualTo(uncovered + " requirements uncovered in this configuration");
        }
        ReadinessReport lenient = ReadinessEvaluator.evaluate(
                GateFileParser.parse("all:\n  uncovered-requirements-max: 1000\n", "g.yml"), NOW, Optional.empty());
        assertThat(lenient.results()).extracting(GateResult::verdict).containsOnly(GateVerdict.PASSED);
        assertThat(ReadinessGates.shippedText()).contains("uncovered-requirements-max: 0");
    }

    @Test
    void aGateThatCannotBeEvaluatedIsNotAPass() throws Exception {
        ReadinessReport r = ReadinessEvaluator.evaluate(
                GateFileParser.parse("all:\n  sloc-growth-max-percent: 0\n", "g.yml"), NOW, Optional.empty());
        assertThat(r.results()).extracting(GateResult::verdict).containsOnly(GateVerdict.NOT_EVALUATED);
        assertThat(r.passed()).isFalse();
        assertThat(r.notEvaluated()).hasSize(r.results().size());
        assertThat(r.reasons()).first().asString().contains("SLOC_GROWTH").contains("not evaluated")
                .contains("no previous release");
        assertThat(r.comparison()).isEmpty();
    }

    @Test
    void aReleaseWithoutRequirementsIsNotReady() throws Exception {
        // as Xen's releases before docs/fusa existed: figures, but no requirement to trace
        ReleaseEvidence none = new ReleaseEvidence(NOW.context(), NOW.configurations(), List.of(), List.of(),
                List.of(), NOW.untracedCode(), List.of(), List.of());
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse("all:\n  trace-defects-max: 0\n"
                + "  suspect-links-max: 0\n  design-covered-by-code-min-percent: 0\n", "g.yml"), none,
                Optional.of(BEFORE));
        assertThat(r.results()).isNotEmpty().extracting(GateResult::verdict).containsOnly(GateVerdict.NOT_EVALUATED);
        assertThat(r.results()).extracting(GateResult::detail).allMatch(d -> d.startsWith("no requirements at "));
        assertThat(r.passed()).isFalse();
    }

    @Test
    void noTestResultsAndNoPreviousReleaseAreNotEvaluatedNotPassed() throws Exception {
        ReleaseEvidence untested = new ReleaseEvidence(NOW.context(), NOW.configurations(), NOW.requirements(),
                List.of(), List.of(), NOW.untracedCode(), List.of(), List.of());
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse("all:\n"
                + "  verified-by-passed-tests-min-percent: 0\n  suspect-links-max: 0\n", "g.yml"), untested,
                Optional.empty());
        assertThat(r.results()).extracting(GateResult::verdict).containsOnly(GateVerdict.NOT_EVALUATED);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void noGateResultAtAllIsNotReady() {
        ReadinessReport r = new ReadinessReport(NOW.context(), "g.yml", List.of(), Optional.empty());
        assertThat(r.passed()).isFalse();
        assertThat(r.reasons()).containsExactly("no gate applies to any configuration: nothing was evaluated");
    }

    @Test
    void comparisonFindsDeltasRequirementChangesNewSuspectLinksAndRegressions() {
        RequirementRow changed = NOW.requirements().get(2);
        List<RequirementRow> reqs = new java.util.ArrayList<>(NOW.requirements().subList(1, NOW.requirements().size()));
        reqs.set(1, new RequirementRow(changed.id(), changed.type(), "New title", changed.description(),
                changed.covers(), changed.coveredBy(), changed.codeAnchors(), changed.tests(), changed.overall(), changed.verdicts(),
                changed.links(), changed.suspect()));
        reqs.add(new RequirementRow("dsn~new-thing~1", "dsn", "New", "", List.of(), List.of(), List.of(), List.of(),
                org.xenfusa.trace.report.Verdict.UNCOVERED, java.util.Map.of(), List.of(), false));
        List<TestResult> tests = new java.util.ArrayList<>(NOW.testResults());
        tests.set(0, new TestResult(tests.get(0).test(), TestOutcome.FAILED));
        ReleaseEvidence now = new ReleaseEvidence(NOW.context(), NOW.configurations(), reqs,
                List.of(new SuspectLinkRow("a", "b", "new")), NOW.defects(), NOW.untracedCode(), tests, NOW.attachments());
        ReleaseComparison c = ReadinessEvaluator.compare(BEFORE, now);
        assertThat(c.requirementsAdded()).containsExactly("dsn~new-thing~1");
        assertThat(c.requirementsRemoved()).containsExactly(BEFORE.requirements().get(0).id());
        assertThat(c.requirementsChanged()).containsExactly(changed.id());
        assertThat(c.newSuspectLinks()).extracting(SuspectLinkRow::from).containsExactly("a");
        assertThat(c.regressedTests()).containsExactly(tests.get(0).test());
        ReleaseComparison.DirectoryDelta d = c.directories().get(0);
        assertThat(d.codeDelta()).isEqualTo(3 * 10); // three compiled files per directory grew by 10 lines
        assertThat(c.effort().get(0).delta()).isGreaterThan(0);
    }

    @Test
    void readinessDocumentsCarryVerdictAndGates() throws Exception {
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), NOW,
                Optional.of(BEFORE));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(ReadinessWorkbook.write(r)))) {
            assertThat(wb.getSheet("About").getRow(9).getCell(1).getStringCellValue()).startsWith("NOT READY");
            var gates = wb.getSheet("Gates");
            assertThat(gates.getLastRowNum()).isEqualTo(r.results().size());
            assertThat(gates.getRow(1).getCell(5).getStringCellValue()).isEqualTo(r.results().get(0).verdict().name());
            assertThat(wb.getSheet("SLOC deltas").getRow(1).getCell(4).getCellFormula()).isEqualTo("D2-C2");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReadinessDocument.write(NOW, r)))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("NOT READY", NOW.context().commit(), "Previous release: RELEASE-4.21.0");
        }
        assertThat(ReadinessWorkbook.write(r)).isEqualTo(ReadinessWorkbook.write(r));
    }

    private static GateResult find(ReadinessReport r, String config, Gate gate) {
        return r.results().stream().filter(x -> x.configuration().equals(config) && x.gate() == gate).findFirst()
                .orElseThrow();
    }

    @Test
    void theDocumentHasAChangeImpactSectionAndListsTheReviewRecordOfLinks() throws Exception {
        ReadinessReport r = ReadinessEvaluator.evaluate(GateFileParser.parse(GATES, "gates.yaml"), NOW,
                Optional.of(BEFORE));
        var fa = new org.xenfusa.trace.function.SourceFunction("xen/common/fa.c", "fa_start", 3, 9, "sha256:" + "1".repeat(64));
        var fb = new org.xenfusa.trace.function.SourceFunction("xen/common/fa.c", "fa_start", 3, 10, "sha256:" + "2".repeat(64));
        var change = new org.xenfusa.trace.impact.FunctionChange(org.xenfusa.trace.impact.FunctionChange.Kind.CHANGED,
                "xen/common/fa.c", "fa_start", java.util.Optional.of(fa), java.util.Optional.of(fb));
        var req = new org.xenfusa.trace.impact.RequirementImpact(
                org.xenfusa.trace.spec.SpecificationItemId.parse("XenSwdgn~fa_start~1"), true, List.of("xen/common/fa.c:fa_start"));
        var impact = new org.xenfusa.trace.impact.ImpactReport("RELEASE-4.21.0", "RELEASE-4.22.0", "arm64-defconfig", 10, 10,
                List.of("xen/common/fa.c"), List.of(change),
                List.of(new org.xenfusa.trace.impact.AreaImpact("xen/common/fa.c", 0, 0, 1)),
                List.of(new org.xenfusa.trace.impact.AreaImpact("xen/common/", 0, 0, 1)), List.of(), List.of(req), List.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Map.of());
        // a requirement whose link carries its review record
        RequirementRow first = NOW.requirements().get(0);
        List<RequirementRow> reqs = new java.util.ArrayList<>(NOW.requirements());
        reqs.set(0, new RequirementRow(first.id(), first.type(), first.title(), first.description(), first.covers(),
                first.coveredBy(), first.codeAnchors(), first.tests(), first.overall(), first.verdicts(),
                List.of(new org.xenfusa.exports.model.LinkRow("CODE", "xen/common/fa.c:fa_start", "impl", "reviewed",
                        "(web link):1", true, "reviewed by bob at 2026-01-31T12:00:00Z: \"matches\"")), first.suspect()));
        ReleaseEvidence now = new ReleaseEvidence(NOW.context(), NOW.configurations(), reqs, NOW.suspectLinks(),
                NOW.defects(), NOW.untracedCode(), NOW.testResults(), NOW.attachments());
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReadinessDocument.write(now, r, List.of(impact))))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("Change impact since the previous release",
                    "XenSwdgn~fa_start~1 (code changed: xen/common/fa.c:fa_start)");
            String tables = String.join("\n", doc.getTables().stream().map(t -> t.getText()).toList());
            assertThat(tables).contains("fa_start", "3-10");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(
                org.xenfusa.exports.docx.TraceabilityReport.write(now)))) {
            String tables = String.join("\n", doc.getTables().stream().map(t -> t.getText()).toList());
            assertThat(tables).contains("xen/common/fa.c:fa_start (reviewed, reviewed by bob at 2026-01-31T12:00:00Z: \"matches\")");
        }
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(ReadinessDocument.write(now, r)))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).doesNotContain("Change impact since the previous release");
        }
    }
}
