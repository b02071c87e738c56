package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.assembly.EvidenceAssembler;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.CoverageFigures;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.exports.synthetic.SyntheticEvidence;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.web.SyntheticRepository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One question, one answer: the structural coverage of a configuration is the same in {@code fusa coverage --json},
 * the evidence package's JSON (which the DOCX and XLSX render) and {@code fusa readiness}'s coverage gates; the package
 * carries the data file byte for byte (gzip) and verifies. The level decides which gates apply; a level without data
 * never passes. The tests that read lcov data need the real {@code CoverageImporter}.
 */
class CoverageExportCommandTest {
    static final String CONFIG = "arm64-defconfig + BAR=n";
    /**
     * foo.c (compiled): foo() at lines 2-5, lines 4 and 5 ran, line 4 one branch of two; core.c (compiled): 2 lines of
     * 3 ran; build paths under /build/xen.
     */
    static final String LCOV = """
            TN:foo
            SF:/build/xen/xen/common/foo.c
            FN:2,foo
            FNDA:1,foo
            DA:2,1
            DA:4,1
            BRDA:4,0,0,1
            BRDA:4,0,1,-
            DA:5,1
            end_of_record
            SF:/build/xen/xen/common/core.c
            DA:2,1
            DA:4,0
            DA:6,1
            end_of_record
            """;

    @TempDir Path tmp;
    private CliCapture cli;
    private SyntheticRepository repo;
    private Path data;
    private byte[] gzip;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliCapture();
        Map<String, String> tree = new LinkedHashMap<>(ExportFromRepositoryCommandTest.TREE);
        repo = SyntheticRepository.create(Files.createDirectories(tmp.resolve("repo")));
        repo.commit("one", "RELEASE-9.9.0", tree);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(LCOV.getBytes(StandardCharsets.UTF_8));
        }
        gzip = out.toByteArray();
        data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.write(data.resolve("foo.info.gz"), gzip);
    }

    @AfterEach
    void restore() {
        cli.close();
        repo.close();
    }

    private int run(List<String> args) {
        return FusaCommandLine.run(args.toArray(String[]::new));
    }

    private List<String> command(String name, String... more) {
        List<String> a = new ArrayList<>(List.of(name));
        a.addAll(List.of(more));
        a.addAll(List.of("--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0", "--arch", "arm64", "--set",
                "BAR=n"));
        return a;
    }

    private List<String> coverageOptions(String level) {
        return List.of("--coverage-data", data.resolve("foo.info.gz").toString(), "--coverage-path-map",
                "/build/xen=", "--coverage-test", "tools/tests/foo", "--level", level);
    }

    /** Needs the importer: lcov data through fusa coverage, fusa export and fusa readiness. */
    @Test
    void theSameFiguresInFusaCoverageTheEvidencePackageAndReadiness() throws Exception {
        List<String> coverage = command("coverage", "--data", data.resolve("foo.info.gz").toString(), "--path-map",
                "/build/xen=", "--test", "tools/tests/foo", "--level", "DAL_B", "--json");
        assertThat(run(coverage)).as(cli.err()).isZero();
        JsonNode fromCli = JsonMapper.builder().build().readTree(cli.out());
        JsonNode compiled = fromCli.get("configuration");

        Path zip = tmp.resolve("evidence.zip");
        List<String> export = command("export", "--format", "evidence", "--out", zip.toString(), "--generated-at",
                "2026-01-01T00:00:00Z");
        export.addAll(coverageOptions("DAL_B"));
        assertThat(run(export)).as(cli.err()).isZero();
        ReleaseEvidence evidence;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            evidence = EvidenceJson.read(z.getInputStream(z.getEntry("inputs/evidence.json")), "evidence.json");
            assertThat(z.getInputStream(z.getEntry("inputs/coverage-data/1-foo.info.gz")).readAllBytes())
                    .isEqualTo(gzip);
            assertThat(new String(z.getInputStream(z.getEntry("MANIFEST.json")).readAllBytes(),
                    StandardCharsets.UTF_8)).contains("\"path\" : \"inputs/coverage-data/1-foo.info.gz\",\n"
                            + "    \"sha256\" : \"" + Sha256.hex(gzip) + "\"");
        }
        CoverageFigures f = evidence.coverage(CONFIG).orElseThrow();
        assertThat(f.level()).isEqualTo(DesignAssuranceLevel.DAL_B);
        assertThat(f.dataSets()).singleElement().satisfies(d -> {
            assertThat(d.test()).isEqualTo("tools/tests/foo");
            assertThat(d.sha256()).isEqualTo(Sha256.hex(gzip)).isEqualTo(fromCli.get("dataSets").get(0).get("sha256")
                    .asString());
        });
        assertThat(f.compiled().figures().lines().covered()).isEqualTo(compiled.get("lines").get("covered").asLong())
                .isEqualTo(5);
        assertThat(f.compiled().figures().lines().total()).isEqualTo(compiled.get("lines").get("total").asLong())
                .isEqualTo(6);
        assertThat(f.compiled().figures().branches().covered()).isEqualTo(1);
        assertThat(f.compiled().figures().branches().total()).isEqualTo(2);
        assertThat(f.compiled().slocWithData()).isEqualTo(compiled.get("slocWithData").asLong());
        assertThat(f.criteria()).extracting(CoverageFigures.CriterionFigure::criterion)
                .extracting(Enum::name).containsExactly("STATEMENT", "DECISION");

        cli.resetOut();
        assertThat(run(List.of("verify-evidence", zip.toString()))).as(cli.out() + cli.err()).isZero();

        cli.resetOut();
        Path gates = tmp.resolve("gates.yaml");
        Files.writeString(gates, "all:\n  coverage-statement-min-percent: 80\n  coverage-decision-min-percent: 100\n"
                + "  coverage-mcdc-min-percent: 100\n");
        List<String> readiness = command("readiness", "--gates", gates.toString(), "--json");
        readiness.addAll(coverageOptions("DAL_B"));
        assertThat(run(readiness)).as(cli.err()).isEqualTo(1);
        JsonNode r = JsonMapper.builder().build().readTree(cli.out());
        assertThat(gate(r, "coverage-statement-min-percent").get("verdict").asString()).isEqualTo("PASSED");
        assertThat(gate(r, "coverage-statement-min-percent").get("detail").asString())
                .startsWith("5 of 6 lines of the compiled code covered");
        assertThat(gate(r, "coverage-decision-min-percent").get("verdict").asString()).isEqualTo("FAILED");
        assertThat(gate(r, "coverage-decision-min-percent").get("value").asDouble()).isEqualTo(50.0);
        assertThat(gate(r, "coverage-mcdc-min-percent").get("verdict").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(gate(r, "coverage-mcdc-min-percent").get("detail").asString())
                .isEqualTo("DAL B does not ask for MC/DC coverage");
    }

    /** Needs the importer: a malformed data file is bad input naming it, and nothing is written. */
    @Test
    void aDataFileThatIsNotOneIsBadInput() throws Exception {
        Path bad = tmp.resolve("bad.info");
        Files.writeString(bad, "SF:/build/xen/xen/common/foo.c\nDA:two,1\n");
        Path out = tmp.resolve("x.xlsx");
        List<String> export = command("export", "--format", "xlsx", "--out", out.toString(), "--coverage-data",
                bad.toString(), "--coverage-path-map", "/build/xen=");
        assertThat(run(export)).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("bad.info");
        assertThat(out).doesNotExist();
    }

    @Test
    void aLevelWithoutDataLeavesTheCriteriaItAsksForNotEvaluated() throws Exception {
        Path gates = tmp.resolve("gates.yaml");
        Files.writeString(gates, "all:\n  coverage-statement-min-percent: 80\n  coverage-decision-min-percent: 100\n");
        List<String> readiness = command("readiness", "--gates", gates.toString(), "--json", "--level", "ASIL_B");
        assertThat(run(readiness)).as(cli.err()).isEqualTo(1);
        JsonNode r = JsonMapper.builder().build().readTree(cli.out());
        // the SIG's crosswalk places ASIL B at DAL C: statement asked, decision not
        assertThat(gate(r, "coverage-statement-min-percent").get("verdict").asString()).isEqualTo("NOT_EVALUATED");
        assertThat(gate(r, "coverage-statement-min-percent").get("detail").asString())
                .isEqualTo("no coverage data for this configuration, whose level DAL C asks for statement coverage");
        assertThat(gate(r, "coverage-decision-min-percent").get("verdict").asString()).isEqualTo("NOT_APPLICABLE");
        assertThat(r.get("ready").asBoolean()).isFalse();

        // neither level nor data: the gates say so, never pass
        cli.resetOut();
        assertThat(run(command("readiness", "--gates", gates.toString(), "--json"))).isEqualTo(1);
        r = JsonMapper.builder().build().readTree(cli.out());
        assertThat(gate(r, "coverage-decision-min-percent").get("detail").asString())
                .startsWith("no coverage evidence for this configuration");
    }

    @Test
    void badCoverageOptionsAreBadInputBeforeTheAnalysis() throws Exception {
        Path out = tmp.resolve("x.docx");
        assertThat(run(command("export", "--format", "docx", "--out", out.toString(), "--level", "DAL_Z")))
                .isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--level: unknown level 'DAL_Z'");
        cli.resetErr();
        assertThat(run(command("export", "--format", "docx", "--out", out.toString(), "--coverage-path-map",
                "/build="))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--coverage-path-map and --coverage-test go with --coverage-data");
        cli.resetErr();
        assertThat(run(command("export", "--format", "docx", "--out", out.toString(), "--coverage-data",
                tmp.resolve("none.info").toString()))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("coverage data (--coverage-data) not found: " + tmp.resolve("none.info"));
        cli.resetErr();
        assertThat(run(command("export", "--format", "docx", "--out", out.toString(), "--coverage-data",
                data.toString(), "--coverage-path-map", "nothing"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--coverage-path-map: path map 'nothing' is not FROM=TO");
        assertThat(out).doesNotExist();
        cli.resetErr();
        Path input = tmp.resolve("evidence.json");
        Files.write(input, EvidenceJson.write(SyntheticEvidence.create(SyntheticEvidence.Shape.small())));
        assertThat(run(List.of("export", "--format", "evidence", "--out", out.toString(), "--input", input.toString(),
                "--level", "DAL_C"))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("--input and the analysis options");
    }

    @Test
    void evidenceJsonNamingADataFileCannotMakeAPackageWithoutIt() throws Exception {
        ReleaseEvidence e = SyntheticEvidence.create(SyntheticEvidence.Shape.small());
        List<AttachedFile> attachments = new ArrayList<>(e.attachments());
        attachments.add(EvidenceAssembler.coverageData("1-foo.info.gz", gzip));
        Path input = tmp.resolve("evidence.json");
        Files.write(input, EvidenceJson.write(new ReleaseEvidence(e.context(), e.configurations(), e.requirements(),
                e.suspectLinks(), e.defects(), e.untracedCode(), e.testResults(), attachments)));
        Path out = tmp.resolve("package.zip");
        assertThat(run(List.of("export", "--format", "evidence", "--out", out.toString(), "--input",
                input.toString()))).isEqualTo(FusaCommandLine.BAD_INPUT);
        assertThat(cli.err()).contains("coverage-data file 1-foo.info.gz (SHA-256 " + Sha256.hex(gzip),
                "does not hold its bytes");
        assertThat(out).doesNotExist();
        // the documents themselves need no data file
        assertThat(run(List.of("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--input",
                input.toString()))).isZero();
    }

    private static JsonNode gate(JsonNode readiness, String key) {
        for (JsonNode g : readiness.get("gates")) {
            if (g.get("gate").asString().equals(key) && g.get("configuration").asString().equals(CONFIG)) {
                return g;
            }
        }
        throw new AssertionError("no gate " + key + " in " + readiness);
    }
}
