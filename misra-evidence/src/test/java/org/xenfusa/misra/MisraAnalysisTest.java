package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xenfusa.misra.FindingMatcherTest.finding;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.misra.MisraAnalysis.Limits;
import org.xenfusa.misra.MisraReport.GuidelineRow;
import org.xenfusa.misra.MisraReport.LocationRow;
import org.xenfusa.misra.MisraReport.MisraGateCheck;
import org.xenfusa.sloc.tree.DirectorySourceTree;

class MisraAnalysisTest {
    @TempDir
    Path dir;

    private MisraRecords records;

    /** The x86 configuration of the synthetic tree compiles everything but xen/arch/arm. */
    private static final MisraScope X86 = MisraScope.ofFiles("x86_64-defconfig", "x86_64", List.of("xen/common/a.c",
            "xen/common/b.c", "xen/common/imported.c", "xen/common/lib.c", "xen/arch/x86/imported/boot.c",
            "xen/include/xen/h.h"));

    private static final List<MisraFinding> FINDINGS = List.of(
            finding("Rule 15.6", "xen/common/b.c", 1, "cppcheck"), // violation
            finding("Rule 15.6", "xen/common/b.c", 2, "cppcheck"), // violation
            finding("Rule 15.6", "xen/common/a.c", 8, "cppcheck"), // justified: SAF false positive
            finding("Rule 15.6", "xen/arch/arm/only.c", 1, "cppcheck"), // outside: arm only
            finding("Rule 8.4", "xen/common/a.c", 2, "cppcheck"), // justified: SAF
            finding("Rule 8.4", "xen/common/b.c", 2, "eclair"), // violation of a clean guideline
            finding("Rule 20.7", "xen/include/xen/h.h", 1, "cppcheck"), // justified: project-wide deviation
            finding("Rule 21.1", "xen/common/b.c", 1, "cppcheck"), // violation of a guideline Xen does not accept
            finding("Rule 15.6", "xen/common/lib.c", 1, "cppcheck")); // justified: exclude list

    @BeforeEach
    void read() throws Exception {
        SyntheticMisraTree.write(dir);
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            records = MisraRecordsReader.read(tree);
        }
    }

    private static FindingsImport imported(List<MisraFinding> findings) {
        return new FindingsImport(findings, List.of(), 0, List.of());
    }

    private MisraReport analyse(MisraScope scope, List<MisraFinding> findings, Limits limits,
            Optional<MisraReport> base) {
        return MisraAnalysis.analyse("c0ffee", records, imported(findings), scope, limits, base);
    }

    @Test
    void countsPerGuidelineInTheConfiguration() {
        MisraReport r = analyse(X86, FINDINGS, new Limits(5), Optional.empty());

        assertThat(r.guidelines()).extracting(g -> g.id().toString()).containsExactly("Dir 4.1", "Rule 8.4",
                "Rule 15.6", "Rule 20.7", "Rule 21.1");
        GuidelineRow r156 = r.guideline(GuidelineId.parse("Rule 15.6").orElseThrow()).orElseThrow();
        assertThat(r156).isEqualTo(new GuidelineRow(r156.id(), true, "Required", false, true, 2, 2, 1, 0.5, 1, 0, 1));
        GuidelineRow r211 = r.guideline(GuidelineId.parse("Rule 21.1").orElseThrow()).orElseThrow();
        assertThat(r211.accepted()).isFalse();
        assertThat(r211.violations()).isEqualTo(1);
        assertThat(r211.share()).isEqualTo(0.25);
        GuidelineRow r84 = r.guideline(GuidelineId.parse("Rule 8.4").orElseThrow()).orElseThrow();
        assertThat(r84.clean()).isTrue();
        assertThat(r84.violations()).isEqualTo(1);
        assertThat(r84.justified()).isEqualTo(1);
        assertThat(r.guideline(GuidelineId.parse("Rule 20.7").orElseThrow()).orElseThrow().deviation()).isEqualTo(1);
        assertThat(r.violations()).isEqualTo(4);
        assertThat(r.justified()).isEqualTo(4);
        assertThat(r.outside()).isEqualTo(1);
        assertThat(r.guidelines().stream().mapToDouble(GuidelineRow::share).sum()).isEqualTo(1.0);

        assertThat(r.files()).contains(new LocationRow("xen/common/b.c", 4, 0, 0, 1.0),
                new LocationRow("xen/arch/arm/only.c", 0, 0, 1, 0.0));
        assertThat(r.directories()).extracting(LocationRow::path).containsExactly("xen/arch/arm", "xen/common",
                "xen/include/xen");
        assertThat(r.directories().get(1)).isEqualTo(new LocationRow("xen/common", 4, 3, 0, 1.0));
        assertThat(r.violationList()).extracting(m -> m.finding().file() + ":" + m.finding().line())
                .containsExactly("xen/common/b.c:1", "xen/common/b.c:1", "xen/common/b.c:2", "xen/common/b.c:2");
        assertThat(r.records()).isEqualTo(new MisraReport.RecordCounts(4, 4, 3, 4, 3, 3, 2));
    }

    @Test
    void theSameFindingsInAnotherConfigurationAreOutsideWhenItDoesNotCompileThem() {
        MisraScope arm = MisraScope.ofFiles("arm64-defconfig", "arm64", List.of("xen/arch/arm/only.c",
                "xen/common/a.c"));
        MisraReport r = analyse(arm, FINDINGS, new Limits(5), Optional.empty());
        assertThat(r.violations()).isEqualTo(1);
        assertThat(r.violationList()).singleElement().extracting(m -> m.finding().file())
                .isEqualTo("xen/arch/arm/only.c");
        assertThat(r.outside()).isEqualTo(6);
        // the whole tree: nothing is outside
        assertThat(analyse(MisraScope.whole(), FINDINGS, new Limits(5), Optional.empty()).outside()).isZero();
    }

    @Test
    void gatesFailOnACleanGuidelineAboveTheLimitAndOnADanglingSafId() {
        MisraReport r = analyse(X86, FINDINGS, new Limits(1), Optional.empty());
        assertThat(r.gates()).extracting(MisraGateCheck::name, MisraGateCheck::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MisraAnalysis.GATE_CLEAN, false),
                org.assertj.core.groups.Tuple.tuple(MisraAnalysis.GATE_LIMIT, false),
                org.assertj.core.groups.Tuple.tuple(MisraAnalysis.GATE_SAF, false),
                org.assertj.core.groups.Tuple.tuple(MisraAnalysis.GATE_RECORDS, true));
        assertThat(r.gates().get(0).detail()).isEqualTo("Rule 8.4: 1 (no baseline: every violation is new)");
        assertThat(r.gates().get(1).detail()).isEqualTo("Rule 15.6: 2 above 1");
        assertThat(r.gates().get(2).detail()).isEqualTo("dangling: SAF-9-safe at xen/common/a.c:10");
        assertThat(r.gatesPass()).isFalse();
        assertThat(analyse(X86, FINDINGS, new Limits(2), Optional.empty()).gates().get(1).passed()).isTrue();
    }

    @Test
    void betweenTwoReleasesNewAndFixedViolationsPerGuideline() {
        MisraReport base = analyse(X86, List.of(finding("Rule 8.4", "xen/common/b.c", 7, "eclair"),
                finding("Rule 15.6", "xen/common/b.c", 9, "cppcheck"),
                finding("Rule 15.6", "xen/common/b.c", 10, "cppcheck")), new Limits(5), Optional.empty());
        MisraReport head = analyse(X86, FINDINGS, new Limits(5), Optional.of(base));

        MisraDiff diff = head.diff().orElseThrow();
        assertThat(diff.baseCommit()).isEqualTo("c0ffee");
        // Rule 8.4 moved from line 7 to 2 (same file and message): not new; Rule 15.6 is unchanged; Rule 21.1 is new
        assertThat(diff.guidelines()).containsExactly(new MisraDiff.GuidelineChange(
                GuidelineId.parse("Rule 21.1").orElseThrow(), 1, 0));
        assertThat(head.gates().get(0).passed()).isTrue();
        assertThat(head.gates().get(0).detail()).isEqualTo("none (against c0ffee)");

        MisraReport fixedAll = analyse(X86, List.of(), new Limits(5), Optional.of(base));
        assertThat(fixedAll.diff().orElseThrow().guidelines()).extracting(c -> c.id() + " +" + c.added() + " -"
                + c.fixed()).containsExactly("Rule 8.4 +0 -1", "Rule 15.6 +0 -2");
    }
}
