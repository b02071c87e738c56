package org.xenfusa.exports.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.coverage.CoverageReference;
import org.xenfusa.sloc.reference.ReferenceCase;
import org.xenfusa.sloc.reference.ReferenceData;

import tools.jackson.databind.JsonNode;

/** The kit on a synthetic reference set ({@link SyntheticReferenceSet}): two tags, one figure wrong. */
class QualificationKitTest {
    @TempDir Path tmp;

    /** The synthetic set below tmp; 9.9.1's figure for b.c is wrong when asked. */
    Path syntheticSet(boolean wrongFigure) throws Exception {
        return SyntheticReferenceSet.write(tmp, wrongFigure, ReferenceData.above(Path.of("")).orElseThrow().root())
                .referenceData();
    }

    private static Map<String, ReferenceCase> byId(QualificationReport r) {
        Map<String, ReferenceCase> m = new java.util.LinkedHashMap<>();
        r.cases().forEach(c -> m.put(c.id(), c));
        return m;
    }

    @Test
    void aWrongReferenceFigureFailsItsCaseByName() throws Exception {
        Path data = syntheticSet(true);
        QualificationReport r = QualificationKit.run(new ReferenceData(data), Optional.of(tmp.resolve("xen")),
                Optional.empty(), Files.createDirectories(tmp.resolve("work")));
        Map<String, ReferenceCase> cases = byId(r);
        assertThat(r.passed()).isFalse();
        assertThat(r.failed()).extracting(ReferenceCase::id).containsExactly("cloc-whole-repository-RELEASE-9.9.1");
        ReferenceCase bad = cases.get("cloc-whole-repository-RELEASE-9.9.1");
        assertThat(bad.differences()).anyMatch(d -> d.startsWith("b.c: cloc Lines[language=C, blank=0, comment=0,"
                + " code=3], counted Lines[language=C, blank=0, comment=0, code=2]"));
        assertThat(cases.get("cloc-whole-repository-RELEASE-9.9.0").outcome()).isEqualTo(ReferenceCase.Outcome.PASS);
        assertThat(cases.get("cloc-whole-repository-RELEASE-9.9.0").expected()).isEqualTo("2 files, code 3");
        assertThat(cases.get("oft-oracle-synthetic").outcome()).isEqualTo(ReferenceCase.Outcome.PASS);
        assertThat(r.xenCommits()).containsOnlyKeys("RELEASE-9.9.0", "RELEASE-9.9.1");
        assertThat(r.xenCommits().get("RELEASE-9.9.0")).hasSize(40);
        // cloc on the synthetic tree runs where cloc 1.96 is installed, and says why not elsewhere
        ReferenceCase live = cases.get("cloc-live-synthetic");
        if (QualificationKit.clocVersion().equals("1.96")) {
            assertThat(live.differences()).isEmpty();
            assertThat(live.outcome()).isEqualTo(ReferenceCase.Outcome.PASS);
        } else {
            assertThat(live.obtained()).startsWith("not run: cloc 1.96 is not installed here");
        }
    }

    @Test
    void withoutXenTheXenCasesAreStatedAsNotRun() throws Exception {
        QualificationReport r = QualificationKit.run(new ReferenceData(syntheticSet(true)), Optional.empty(),
                Optional.empty(), Files.createDirectories(tmp.resolve("work")));
        assertThat(r.passed()).isTrue();
        assertThat(byId(r).get("cloc-whole-repository-RELEASE-9.9.1").obtained())
                .isEqualTo("not run: no Xen clone (give --xen PATH or set XEN_SRC)");
        assertThat(byId(r).get("oft-oracle-synthetic").passed()).isTrue();
        assertThat(r.xenCommits()).isEmpty();
        assertThat(r.claim().supportedReleases()).containsExactly("RELEASE-9.9.0", "RELEASE-9.9.1");
    }

    @Test
    void withoutXenTheCoverageCasesOfTheRecordedDataAreStatedAsNotRun() throws Exception {
        ReferenceData real = ReferenceData.above(Path.of("")).orElseThrow();
        QualificationReport r = QualificationKit.run(real, Optional.empty(), Optional.empty(),
                Files.createDirectories(tmp.resolve("work")));
        List<ReferenceCase> coverage = r.cases().stream().filter(c -> c.id().startsWith("coverage-")).toList();
        // six inputs of six unit tests, and the hypervisor build's gcov JSON, gcovr JSON and Cobertura
        assertThat(coverage).hasSize(6 * 6 + 3).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(ReferenceCase.Outcome.NOT_RUN);
            assertThat(c.obtained()).isEqualTo("not run: " + QualificationKit.NO_XEN);
            assertThat(c.useCase()).isEqualTo(CoverageReference.USE_CASE);
        });
        Map<String, ReferenceCase> cases = byId(r);
        assertThat(cases).containsKeys("coverage-RELEASE-4.22.0-gcov-json-vpci",
                "coverage-RELEASE-4.22.0-cobertura-domid", "coverage-RELEASE-4.22.0-llvm-mcdc-vpci",
                "coverage-RELEASE-4.22.0-hypervisor-gcov-json", "coverage-RELEASE-4.22.0-hypervisor-gcovr-json",
                "coverage-RELEASE-4.22.0-hypervisor-cobertura");
        assertThat(cases.get("coverage-RELEASE-4.22.0-lcov-numa").compared())
                .isEqualTo("lcov tracefile of Xen's numa unit test at RELEASE-4.22.0 imported, per file, against"
                        + " lcov's figures (expected.tsv)");
        assertThat(r.claim().useCases()).contains(CoverageReference.USE_CASE);
        assertThat(r.claim().iso26262()).contains("gcovr, lcov, llvm-cov");
        assertThat(r.claim().restrictions()).anyMatch(x -> x.startsWith("Structural coverage:")
                && x.contains("at RELEASE-4.22.0,") && x.contains("gcovr 5.2"));
    }

    @Test
    void aTagWithCoverageDataThatCannotBeReadFailsItsCoverageCasesWithTheReason() throws Exception {
        Path data = syntheticSet(false);
        Files.createDirectories(data.resolve("xen-RELEASE-9.9.1/coverage"));
        QualificationReport r = QualificationKit.run(new ReferenceData(data), Optional.of(tmp.resolve("xen")),
                Optional.empty(), Files.createDirectories(tmp.resolve("work")));
        List<ReferenceCase> coverage = r.cases().stream().filter(c -> c.id().startsWith("coverage-")).toList();
        // RELEASE-9.9.0 has no coverage/ and 9.9.1 no hypervisor build: only 9.9.1's unit-test cases
        assertThat(coverage).hasSize(6 * 6).allSatisfy(c -> {
            assertThat(c.id()).startsWith("coverage-RELEASE-9.9.1-");
            assertThat(c.outcome()).as(c.summary()).isEqualTo(ReferenceCase.Outcome.FAIL);
            assertThat(c.obtained()).isEqualTo("the comparison did not complete");
            assertThat(c.differences()).singleElement().asString().contains("xen-RELEASE-9.9.1/coverage/");
        });
        assertThat(r.failed()).extracting(ReferenceCase::id).contains("coverage-RELEASE-9.9.1-gcovr-json-vpci")
                .hasSize(6 * 6);
        assertThat(r.claim().useCases()).contains(CoverageReference.USE_CASE);
        // without coverage data there is no coverage claim
        Files.delete(data.resolve("xen-RELEASE-9.9.1/coverage"));
        assertThat(QualificationKit.claim(new ReferenceData(data)).useCases())
                .doesNotContain(CoverageReference.USE_CASE);
    }

    @Test
    void aCloneWithoutTheTagsIsBadInputNamingThem() throws Exception {
        Path data = syntheticSet(false);
        Files.createDirectories(data.resolve("xen-RELEASE-9.9.2/whole-repository"));
        assertThatThrownBy(() -> QualificationKit.run(new ReferenceData(data), Optional.of(tmp.resolve("xen")),
                Optional.empty(), tmp)).isInstanceOf(QualificationException.class)
                .hasMessageContaining("lacks the tags RELEASE-9.9.2");
        Path notGit = Files.createDirectories(tmp.resolve("plain"));
        assertThatThrownBy(() -> QualificationKit.run(new ReferenceData(data), Optional.of(notGit), Optional.empty(),
                tmp)).isInstanceOf(QualificationException.class).hasMessageContaining("not a Xen clone");
    }

    @Test
    void theJsonAndTheDocxStateEveryCase() throws Exception {
        QualificationReport r = QualificationKit.run(new ReferenceData(syntheticSet(true)),
                Optional.of(tmp.resolve("xen")), Optional.empty(), Files.createDirectories(tmp.resolve("work")));
        JsonNode json = QualificationJson.JSON.readTree(QualificationJson.write(r));
        assertThat(json.path("format").asString()).isEqualTo("xen-fusa-qualification/1");
        assertThat(json.path("tool").path("name").asString()).startsWith("fusa ");
        assertThat(json.path("environment").path("java").asString()).contains(System.getProperty("java.version"));
        assertThat(json.path("xen").path("tags").path("RELEASE-9.9.1").asString()).hasSize(40);
        assertThat(json.path("claim").path("do330").asString()).contains("TQL-5");
        assertThat(json.path("claim").path("iso26262").asString()).contains("TI2");
        assertThat(json.path("summary").path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("summary").path("failedCases").get(0).asString())
                .isEqualTo("cloc-whole-repository-RELEASE-9.9.1");
        assertThat(json.path("cases").size()).isEqualTo(r.cases().size());
        JsonNode failed = null;
        for (JsonNode c : json.path("cases")) {
            assertThat(c.has("id") && c.has("useCase") && c.has("compared") && c.has("expected") && c.has("obtained")
                    && c.has("result") && c.has("differences") && c.has("knownDeviations")).as(c.toString()).isTrue();
            if (c.path("id").asString().equals("cloc-whole-repository-RELEASE-9.9.1")) {
                failed = c;
            }
        }
        assertThat(failed.path("result").asString()).isEqualTo("fail");
        assertThat(failed.path("differences").size()).isEqualTo(1);

        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(QualificationDocument.write(r)));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            String all = text.getText();
            assertThat(all).contains(QualificationDocument.TITLE).contains("1 case(s) failed")
                    .contains("Restrictions of use").contains("RELEASE-9.9.0, RELEASE-9.9.1").contains("TQL-5");
            for (ReferenceCase c : r.cases()) {
                assertThat(all).contains(c.id());
            }
            assertThat(all).contains("b.c: cloc Lines[language=C, blank=0, comment=0, code=3]");
        }
    }

    @Test
    void knownDeviationsAreInTheDocumentWithTheirAnalysis() throws Exception {
        ReferenceCase withDeviation = ReferenceCase.of("compiled-files-x", "list", "files", "1", "1", List.of(),
                List.of(org.xenfusa.sloc.reference.CompiledFilesReference.builtIn32()));
        QualificationReport r = new QualificationReport("fusa t", "c", java.time.Instant.EPOCH,
                new QualificationReport.Environment("j", "o", "c"), Optional.empty(), Map.of(),
                QualificationKit.claim(new ReferenceData(syntheticSet(false))), List.of(withDeviation));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(QualificationDocument.write(r)));
                XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("Known deviation: arch/x86/boot/built-in-32.S")
                    .contains("made by the build from compiled 32-bit objects");
        }
        assertThat(QualificationJson.write(r)).contains("\"subject\" : \"arch/x86/boot/built-in-32.S\"");
    }

    @Test
    void itsJsonIsWrittenInOneOrderInEveryJvm() throws Exception {
        // Map.of and Map.copyOf iterate in an order salted per JVM, and Jackson writes a map in its iteration order:
        // the tool, the environment and each known deviation were written in another order on every run
        ReferenceCase withDeviation = ReferenceCase.of("compiled-files-x", "list", "files", "1", "1", List.of(),
                List.of(org.xenfusa.sloc.reference.CompiledFilesReference.builtIn32()));
        Map<String, String> tagsBackwards = new java.util.LinkedHashMap<>();
        tagsBackwards.put("RELEASE-4.22.0", "c22");
        tagsBackwards.put("RELEASE-4.21.0", "c21");
        tagsBackwards.put("RELEASE-4.20.0", "c20");
        QualificationReport r = new QualificationReport("fusa t", "c", java.time.Instant.EPOCH,
                new QualificationReport.Environment("j", "o", "c"), Optional.of("/xen"), tagsBackwards,
                QualificationKit.claim(new ReferenceData(syntheticSet(false))), List.of(withDeviation));
        assertThat(r.xenCommits().keySet()).containsExactly("RELEASE-4.20.0", "RELEASE-4.21.0", "RELEASE-4.22.0");
        JsonNode json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(QualificationJson.write(r));
        assertThat(json.get("tool").propertyNames()).containsExactly("name", "commit");
        assertThat(json.get("environment").propertyNames()).containsExactly("java", "os", "cloc");
        assertThat(json.get("xen").get("tags").propertyNames()).containsExactly("RELEASE-4.20.0", "RELEASE-4.21.0",
                "RELEASE-4.22.0");
        assertThat(json.get("cases").get(0).get("knownDeviations").get(0).propertyNames())
                .containsExactly("subject", "analysis");
    }

    @Test
    void theSelfTraceIsACaseWhenTheRepositoryHasDocsSpec() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Files.createDirectories(project.resolve("docs/spec"));
        Files.createDirectories(project.resolve("count/src/main/java"));
        Files.writeString(project.resolve("docs/spec/requirements.md"), "# Spec\n\n`req~count~1`\nCount lines.\n\nNeeds: impl\n");
        Files.writeString(project.resolve("count/src/main/java/Count.java"), "// [impl->req~count~1]\nclass Count {}\n");
        commit(project);
        assertThat(QualificationKit.selfTrace(project)).get().satisfies(c -> {
            assertThat(c.differences()).isEmpty();
            assertThat(c.outcome()).isEqualTo(ReferenceCase.Outcome.PASS);
            assertThat(c.obtained()).isEqualTo("1 spec items, 0 failing");
        });
        Files.writeString(project.resolve("docs/spec/requirements.md"), "`req~uncovered~1`\nNeeds: impl\n",
                java.nio.file.StandardOpenOption.APPEND);
        commit(project);
        assertThat(QualificationKit.selfTrace(project)).get().satisfies(c -> {
            assertThat(c.outcome()).isEqualTo(ReferenceCase.Outcome.FAIL);
            assertThat(c.differences()).anyMatch(d -> d.startsWith("req~uncovered~1"));
        });
        assertThat(QualificationKit.selfTrace(tmp)).isEmpty();
    }

    private static void commit(Path repo) throws Exception {
        try (org.eclipse.jgit.api.Git git = Files.isDirectory(repo.resolve(".git"))
                ? org.eclipse.jgit.api.Git.open(repo.toFile())
                : org.eclipse.jgit.api.Git.init().setDirectory(repo.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("spec").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                    .setSign(false).call();
        }
    }
}
