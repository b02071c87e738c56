package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.qualification.SyntheticReferenceSet;
import org.xenfusa.sloc.reference.ReferenceData;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code fusa qualify} on a synthetic reference set: exit 1 naming the failed case, 0 when all pass, 2 bad input. */
class QualifyCommandTest {
    @TempDir Path tmp;
    String out;
    String err;

    private int run(String... args) {
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(args);
            out = c.out();
            err = c.err();
            return code;
        }
    }

    private SyntheticReferenceSet.Written set(String name, boolean wrong) throws Exception {
        return SyntheticReferenceSet.write(Files.createDirectories(tmp.resolve(name)), wrong,
                ReferenceData.above(Path.of("")).orElseThrow().root());
    }

    @Test
    void aFailingCaseGivesExitOneAndIsNamed() throws Exception {
        SyntheticReferenceSet.Written s = set("bad", true);
        Path docx = tmp.resolve("q.docx");
        assertThat(run("qualify", "--xen", s.xen().toString(), "--reference-data", s.referenceData().toString(),
                "--json", "--docx", docx.toString())).as(err).isEqualTo(1);
        assertThat(err).contains("failed cases: " + SyntheticReferenceSet.WRONG_CASE);
        JsonNode json = JsonMapper.builder().build().readTree(out);
        assertThat(json.path("summary").path("failedCases").get(0).asString()).isEqualTo(SyntheticReferenceSet.WRONG_CASE);
        assertThat(json.path("xen").path("clone").asString()).isEqualTo(s.xen().toString());
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            assertThat(x.getText()).contains("Tool qualification report").contains(SyntheticReferenceSet.WRONG_CASE);
        }
    }

    @Test
    void allCasesPassingGiveExitZero() throws Exception {
        SyntheticReferenceSet.Written s = set("good", false);
        assertThat(run("qualify", "--xen", s.xen().toString(), "--reference-data", s.referenceData().toString()))
                .as(err + out).isZero();
        assertThat(out).contains("PASS cloc-whole-repository-RELEASE-9.9.1").contains("PASS oft-oracle-synthetic")
                .contains("QUALIFIED: ");
    }

    @Test
    void theCoverageCasesOfATagWithCoverageDataAreListedAndFailWithTheirReason() throws Exception {
        SyntheticReferenceSet.Written s = set("coverage", false);
        Files.createDirectories(s.referenceData().resolve("xen-RELEASE-9.9.1/coverage"));
        assertThat(run("qualify", "--xen", s.xen().toString(), "--reference-data", s.referenceData().toString()))
                .as(err + out).isEqualTo(1);
        assertThat(out).contains("FAIL coverage-RELEASE-9.9.1-gcov-json-vpci: expected a result, obtained the"
                + " comparison did not complete").contains("FAIL coverage-RELEASE-9.9.1-llvm-mcdc-domid")
                .doesNotContain("coverage-RELEASE-9.9.0").contains("36 failed");
        assertThat(err).contains("failed cases: coverage-RELEASE-9.9.1-");
    }

    @Test
    void badInputIsExitTwoNamingTheMissingTags() throws Exception {
        SyntheticReferenceSet.Written s = set("tags", false);
        Files.createDirectories(s.referenceData().resolve("xen-RELEASE-9.9.2/whole-repository"));
        assertThat(run("qualify", "--xen", s.xen().toString(), "--reference-data", s.referenceData().toString()))
                .isEqualTo(2);
        assertThat(err).contains("lacks the tags RELEASE-9.9.2");
        assertThat(run("qualify", "--xen", tmp.resolve("none").toString(), "--reference-data",
                s.referenceData().toString())).isEqualTo(2);
        assertThat(err).contains("not a folder");
    }
}
