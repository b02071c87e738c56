package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.MisraFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One question, one answer: the MISRA C figures of a configuration are the same in {@code fusa misra --json}, the
 * evidence package's JSON (which the DOCX and XLSX render) and {@code fusa readiness}'s MISRA gates; the package
 * carries Xen's records and the findings as given. A findings file that is not one is bad input.
 */
class MisraExportCommandTest {
    @TempDir Path tmp;
    private CliCapture cli;
    private SyntheticRepository repo;
    private Path findings;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliCapture();
        Map<String, String> tree = new LinkedHashMap<>(ExportFromRepositoryCommandTest.TREE);
        tree.put("xen/common/foo.c", "/* SAF-0-safe asm only */\nint foo;\n");
        tree.put("docs/misra/rules.rst", MisraCommandTest.RULES);
        tree.put("docs/misra/safe.json", MisraCommandTest.SAFE);
        tree.put("automation/eclair_analysis/ECLAIR/tagging.ecl",
                "-service_selector={clean_guidelines_common,\n\"MC3A2.R8.4\"\n}\n");
        repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")));
        repo.commit("one", "RELEASE-9.9.0", tree);
        findings = tmp.resolve("cppcheck.txt");
        Files.writeString(findings, MisraCommandTest.REPORT);
    }

    @AfterEach
    void restore() {
        cli.close();
        repo.close();
    }

    private int run(String... args) {
        return FusaCommandLine.run(args);
    }

    private List<String> analysis(String... more) {
        List<String> a = new ArrayList<>(List.of("--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0", "--arch",
                "arm64", "--set", "BAR=n"));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void theSameFiguresInFusaMisraTheEvidencePackageAndReadiness() throws Exception {
        List<String> misra = new ArrayList<>(List.of("misra"));
        misra.addAll(analysis("--findings", findings.toString(), "--json"));
        assertThat(run(misra.toArray(String[]::new))).as(cli.err()).isEqualTo(1);
        JsonNode fromCli = JsonMapper.builder().build().readTree(cli.out());

        Path zip = tmp.resolve("evidence.zip");
        List<String> export = new ArrayList<>(List.of("export", "--format", "evidence", "--out", zip.toString(),
                "--generated-at", "2026-01-01T00:00:00Z"));
        export.addAll(analysis("--misra-findings", findings.toString()));
        assertThat(run(export.toArray(String[]::new))).as(cli.err()).isZero();
        ReleaseEvidence evidence;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            evidence = EvidenceJson.read(z.getInputStream(z.getEntry("inputs/evidence.json")), "evidence.json");
            assertThat(new String(z.getInputStream(z.getEntry("inputs/misra-findings/cppcheck.txt")).readAllBytes(),
                    StandardCharsets.UTF_8)).isEqualTo(MisraCommandTest.REPORT);
            ZipEntry rules = z.getEntry("inputs/misra-records/docs/misra/rules.rst");
            assertThat(new String(z.getInputStream(rules).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(MisraCommandTest.RULES);
            assertThat(new String(z.getInputStream(z.getEntry("MANIFEST.json")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("inputs/misra-findings/cppcheck.txt",
                            "inputs/misra-records/docs/misra/safe.json");
        }
        MisraFigures m = evidence.misra("arm64-defconfig + BAR=n").orElseThrow();
        JsonNode g = fromCli.get("guidelines").get(0);
        assertThat(m.guidelines().get(0).id()).isEqualTo(g.get("id").asString());
        assertThat(m.guidelines().get(0).violations()).isEqualTo(g.get("violations").asInt()).isEqualTo(1);
        assertThat(m.guidelines().get(0).justified()).isEqualTo(g.get("justified").asInt()).isEqualTo(1);
        assertThat(m.guidelines().get(0).outside()).isEqualTo(g.get("outside").asInt()).isEqualTo(1);
        assertThat(m.records().safComments()).isEqualTo(fromCli.get("records").get("safComments").asInt());
        assertThat(m.checks()).extracting(MisraFigures.Check::passed).containsExactly(
                fromCli.get("gates").get(0).get("passed").asBoolean(), fromCli.get("gates").get(1).get("passed").asBoolean(),
                fromCli.get("gates").get(2).get("passed").asBoolean(), fromCli.get("gates").get(3).get("passed").asBoolean());
        assertThat(m.findingsFiles().get(0).sha256()).isEqualTo(fromCli.get("sources").get(0).get("sha256").asString());

        cli.resetOut();
        Path gates = tmp.resolve("gates.yaml");
        Files.writeString(gates, "all:\n  misra-new-clean-violations-max: 0\n  misra-violations-per-guideline-max: 1\n"
                + "  misra-dangling-saf-ids-max: 0\n");
        List<String> readiness = new ArrayList<>(List.of("readiness", "--gates", gates.toString(), "--json"));
        readiness.addAll(analysis("--misra-findings", findings.toString()));
        assertThat(run(readiness.toArray(String[]::new))).as(cli.err()).isEqualTo(1);
        String json = cli.out();
        assertThat(json).contains("MISRA_NEW_CLEAN_VIOLATIONS", "1 new violations of clean guidelines",
                "1 violations of the most violated accepted guideline", "0 SAF comments with an unknown id");
    }

    @Test
    void aFindingsFileThatIsNotOneIsBadInput() throws Exception {
        Path bad = tmp.resolve("bad.sarif");
        Files.writeString(bad, "{\"version\": \"2.1.0\", \"runs\": [\n");
        List<String> export = new ArrayList<>(List.of("export", "--format", "xlsx", "--out",
                tmp.resolve("x.xlsx").toString()));
        export.addAll(analysis("--misra-findings", bad.toString()));
        assertThat(run(export.toArray(String[]::new))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("bad.sarif:2: malformed SARIF");
        assertThat(tmp.resolve("x.xlsx")).doesNotExist();
    }
}
