package org.xenfusa.misra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.misra.Justification.Kind;
import org.xenfusa.sloc.tree.DirectorySourceTree;

/** Each of Xen's justification rules on the synthetic tree's records (see {@link SyntheticMisraTree#A_C}). */
class FindingMatcherTest {
    @TempDir
    Path dir;

    private FindingMatcher matcher;

    @BeforeEach
    void read() throws Exception {
        SyntheticMisraTree.write(dir);
        try (DirectorySourceTree tree = DirectorySourceTree.open(dir)) {
            matcher = new FindingMatcher(MisraRecordsReader.read(tree));
        }
    }

    static MisraFinding finding(String guideline, String file, int line, String tool) {
        return finding(guideline, file, line, tool, false);
    }

    static MisraFinding finding(String guideline, String file, int line, String tool, boolean suppressed) {
        return new MisraFinding(GuidelineId.parse(guideline).orElseThrow(), file, line, "m", tool, "", suppressed);
    }

    private Justification match(String guideline, String file, int line, String tool) {
        return matcher.match(finding(guideline, file, line, tool));
    }

    @Test
    void aSafCommentOnItsOwnLineJustifiesTheNextLineForTheToolsItsRecordNames() {
        assertThat(match("Rule 8.4", "xen/common/a.c", 2, "cppcheck"))
                .isEqualTo(new Justification(Kind.SAF, "SAF-0-safe at xen/common/a.c:1"));
        assertThat(match("Rule 8.4", "xen/common/a.c", 2, "eclair").kind()).isEqualTo(Kind.SAF);
        // safe.json's SAF-0-safe has no coverity id: xen-analysis.py does not translate it for Coverity
        assertThat(match("Rule 8.4", "xen/common/a.c", 2, "coverity").kind()).isEqualTo(Kind.NONE);
        // a tool Xen's flow does not know: any id of the record that names the guideline
        assertThat(match("Rule 8.4", "xen/common/a.c", 2, "sonar").kind()).isEqualTo(Kind.SAF);
    }

    @Test
    void aSafCommentJustifiesOnlyItsLineAndItsGuideline() {
        assertThat(match("Rule 8.4", "xen/common/a.c", 3, "eclair").kind()).isEqualTo(Kind.NONE);
        assertThat(match("Rule 8.4", "xen/common/a.c", 1, "eclair").kind()).isEqualTo(Kind.NONE);
        assertThat(match("Rule 15.6", "xen/common/a.c", 2, "eclair").kind()).isEqualTo(Kind.NONE);
        assertThat(match("Rule 8.4", "xen/common/b.c", 2, "eclair").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void aSafCommentAfterCodeJustifiesItsOwnLine() {
        assertThat(match("Rule 15.6", "xen/common/a.c", 5, "eclair"))
                .isEqualTo(new Justification(Kind.SAF, "SAF-1-safe at xen/common/a.c:5"));
        assertThat(match("Rule 15.6", "xen/common/a.c", 6, "eclair").kind()).isEqualTo(Kind.NONE);
        assertThat(match("Rule 15.6", "xen/common/a.c", 5, "cppcheck").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void aFalsePositiveCommentJustifiesOnlyItsTool() {
        assertThat(match("Rule 15.6", "xen/common/a.c", 8, "cppcheck"))
                .isEqualTo(new Justification(Kind.SAF, "SAF-0-false-positive-cppcheck at xen/common/a.c:7"));
        assertThat(match("Rule 15.6", "xen/common/a.c", 8, "eclair").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void aDanglingSafIdJustifiesNothing() {
        assertThat(match("Rule 8.4", "xen/common/a.c", 11, "eclair").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void filesOfTheExcludeListAreNotAnalysed() {
        assertThat(match("Rule 15.6", "xen/arch/x86/imported/boot.c", 1, "cppcheck")).isEqualTo(new Justification(
                Kind.EXCLUDED, "docs/misra/exclude-list.json:4 (arch/*/imported/*.c)"));
        assertThat(match("Rule 8.4", "xen/common/lib.c", 1, "eclair").kind()).isEqualTo(Kind.EXCLUDED);
        assertThat(match("Rule 8.4", "xen/arch/x86/boot.c", 1, "eclair").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void aDeviationJustifiesWhenProjectWideNamingTheFileOrAppliedByTheAnalyser() {
        assertThat(match("Rule 20.7", "xen/include/xen/h.h", 1, "cppcheck")).isEqualTo(new Justification(
                Kind.DEVIATION, "docs/misra/deviations.rst:11"));
        assertThat(match("Rule 15.6", "xen/common/imported.c", 1, "cppcheck")).isEqualTo(new Justification(
                Kind.DEVIATION, "docs/misra/deviations.rst:15"));
        assertThat(match("Rule 15.6", "xen/common/b.c", 1, "cppcheck").kind()).isEqualTo(Kind.NONE);
        assertThat(match("Rule 8.4", "xen/common/b.c", 1, "eclair").kind()).isEqualTo(Kind.NONE);
        assertThat(matcher.match(finding("Rule 8.4", "xen/common/b.c", 1, "eclair", true))).isEqualTo(
                new Justification(Kind.DEVIATION, "docs/misra/deviations.rst:19, applied by eclair"));
        // suppressed by the analyser, but Xen documents no deviation of the guideline: a violation
        assertThat(matcher.match(finding("Dir 4.1", "xen/common/b.c", 1, "eclair", true)).kind())
                .isEqualTo(Kind.NONE);
    }
}
