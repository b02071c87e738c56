package org.xenfusa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xenfusa.exports.evidence.EvidenceVerifier;
import org.xenfusa.exports.model.EvidenceJson;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.sloc.config.ConfigurationCounter;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.ConfigurationRequest;
import org.xenfusa.sloc.kconfig.StartingPoint;
import org.xenfusa.sloc.kconfig.SymbolAssignment;
import org.xenfusa.sloc.kconfig.ToolchainProfile;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.sloc.xen.XenArch;
import org.xenfusa.web.SyntheticRepository;
import org.xenfusa.web.ingest.GitRepositoryFolders;

/**
 * {@code fusa export} and {@code fusa readiness} with the analysis options (--repo, --ref, configurations) on a
 * synthetic tree with Kconfig, Kbuild, requirements and a code tag: the documents carry the analysis' figures.
 */
class ExportFromRepositoryCommandTest {
    static final Map<String, String> TREE = new LinkedHashMap<>(ConfigurationCommandsTest.TREE);

    static {
        TREE.put("docs/fusa/reqs/design.md", """
                # Design

                `dsn~foo-feature~1`

                Foo does what foo does.

                Needs: impl

                `dsn~never-done~1`

                Nobody implemented this.

                Needs: impl
                """);
        // the tag sits in foo.c, which only FOO compiles
        TREE.put("xen/common/foo.c", "/* [impl->dsn~foo-feature~1] */\nint foo(void)\n{\n    return 1;\n}\n");
    }

    @TempDir Path tmp;
    SyntheticRepository repo;
    String lastErr = "";
    String lastOut = "";

    @BeforeEach
    void setUp() throws Exception {
        repo = SyntheticRepository.create(tmp);
        repo.commit("one", "RELEASE-9.8.0", ConfigurationCommandsTest.TREE);
        repo.commit("two", "RELEASE-9.9.0", TREE);
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private int run(String... args) {
        try (CliCapture c = new CliCapture()) {
            int code = FusaCommandLine.run(args);
            lastErr = c.err();
            lastOut = c.out();
            return code;
        }
    }

    private String[] args(String... extra) {
        List<String> a = new java.util.ArrayList<>(List.of("--repo", repo.dir().toString(), "--ref", "RELEASE-9.9.0",
                "--generated-at", "2025-06-01T12:00:00Z", "--arch", "arm64", "--defconfig", "--arch", "arm64",
                "--defconfig", "--set", "FOO=n", "--name", "arm64-no-foo"));
        a.addAll(0, List.of(extra));
        return a.toArray(String[]::new);
    }

    private ConfigurationReport report(List<SymbolAssignment> set) throws Exception {
        try (var r = GitRepositoryFolders.open(repo.dir()); GitSourceTree tree = GitSourceTree.open(r, "RELEASE-9.9.0")) {
            return ConfigurationCounter.of(tree).report(new ConfigurationRequest(XenArch.ARM64,
                    new StartingPoint.Defconfig("arm64_defconfig"), set, ToolchainProfile.defaultFor("arm64")));
        }
    }

    @Test
    void workbookCarriesTheAnalysisFiguresOfEveryConfiguration() throws Exception {
        Path xlsx = tmp.resolve("m.xlsx");
        assertThat(run(args("export", "--format", "xlsx", "--out", xlsx.toString()))).as(lastErr).isZero();
        ConfigurationReport full = report(List.of());
        ConfigurationReport noFoo = report(List.of(SymbolAssignment.parse("FOO=n")));
        Path json = tmp.resolve("e.json");
        // the same evidence as JSON, through the evidence package's inputs
        Path zip = tmp.resolve("e.zip");
        assertThat(run(args("export", "--format", "evidence", "--out", zip.toString()))).as(lastErr).isZero();
        ReleaseEvidence evidence;
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("inputs/evidence.json"))) {
            evidence = EvidenceJson.read(in, "evidence.json");
        }
        assertThat(evidence.configurations()).extracting(c -> c.name()).containsExactly("arm64-defconfig", "arm64-no-foo");
        assertThat(evidence.context().commit()).isEqualTo(full.commit());
        assertThat(evidence.configuration("arm64-defconfig").orElseThrow().configSha256()).isEqualTo(full.dotConfigSha256());

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (var pair : List.of(Map.entry("arm64-defconfig", full), Map.entry("arm64-no-foo", noFoo))) {
                Sheet s = wb.getSheet(AssessorWorkbook.directorySheet(evidence, pair.getKey()));
                int code = column(s, "make cloc: code");
                int active = column(s, "active lines: code");
                Map<String, Long> byDir = new HashMap<>();
                for (int i = 1; i <= s.getLastRowNum(); i++) {
                    Row r = s.getRow(i);
                    if (r != null && r.getCell(0) != null && r.getCell(code) != null
                            && r.getCell(code).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        byDir.put(r.getCell(0).getStringCellValue(), (long) r.getCell(code).getNumericCellValue());
                    }
                }
                for (var d : pair.getValue().directories()) {
                    assertThat(byDir).containsEntry(d.directory(), d.makeCloc().code());
                }
                assertThat(active).isPositive();
            }
            // the matrix: foo-feature is covered where foo.c is compiled and excluded where it is not
            Sheet m = wb.getSheet("Traceability");
            String matrix = text(m);
            assertThat(matrix).contains("dsn~foo-feature~1").contains("dsn~never-done~1")
                    .contains("xen/common/foo.c:1");
        }
        assertThat(evidence.requirements()).filteredOn(r -> r.id().equals("dsn~foo-feature~1")).singleElement()
                .satisfies(r -> {
                    assertThat(r.verdict("arm64-defconfig")).isEqualTo(Verdict.COVERED);
                    assertThat(r.verdict("arm64-no-foo")).isEqualTo(Verdict.NOT_APPLICABLE);
                });
        assertThat(evidence.requirements()).filteredOn(r -> r.id().equals("dsn~never-done~1")).singleElement()
                .satisfies(r -> assertThat(r.verdict("arm64-defconfig")).isIn(Verdict.UNCOVERED,
                        Verdict.DEFECT));
        assertThat(EvidenceVerifier.verify(zip).intactPackage()).isTrue();
        assertThat(json).doesNotExist();
    }

    @Test
    void sameInputsGiveTheSameBytes() throws Exception {
        Path a = tmp.resolve("a.docx");
        Path b = tmp.resolve("b.docx");
        assertThat(run(args("export", "--format", "docx", "--out", a.toString()))).as(lastErr).isZero();
        assertThat(run(args("export", "--format", "docx", "--out", b.toString()))).as(lastErr).isZero();
        assertThat(Files.readAllBytes(a)).isEqualTo(Files.readAllBytes(b));
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(a))) {
            String all = d.getParagraphs().stream().map(p -> p.getText()).reduce("", (x, y) -> x + "\n" + y)
                    + d.getTables().stream().map(t -> t.getText()).reduce("", String::concat);
            assertThat(all).contains("RELEASE-9.9.0").contains(report(List.of()).commit())
                    .contains(report(List.of()).dotConfigSha256()).contains("fusa 0.1.0").contains("arm64-no-foo");
        }
    }

    @Test
    void readinessFailsAGateWithExitOneAndPassesWithZero() throws Exception {
        Path strict = tmp.resolve("strict.yaml");
        Files.writeString(strict, "all:\n  design-covered-by-code-min-percent: 100\n  sloc-growth-max-percent: 1000\n");
        assertThat(run(args("readiness", "--gates", strict.toString(), "--previous", "RELEASE-9.8.0", "--json")))
                .as(lastErr).isEqualTo(1);
        assertThat(lastOut).contains("\"ready\" : false").contains("\"previousRef\" : \"RELEASE-9.8.0\"")
                .contains("requirementsAdded").contains("dsn~foo-feature~1");
        Path lenient = tmp.resolve("lenient.yaml");
        // without FOO only never-done applies: the per-configuration override lets that configuration pass
        Files.writeString(lenient, "all:\n  design-covered-by-code-min-percent: 40\n  suspect-links-max: 0\n"
                + "configurations:\n  arm64-no-foo:\n    design-covered-by-code-min-percent: 0\n");
        assertThat(run(args("readiness", "--gates", lenient.toString(), "--previous", "RELEASE-9.8.0")))
                .as(lastErr + lastOut).isZero();
        assertThat(lastOut).contains(": READY").contains("value 50");
        // its DOCX has the change impact since the previous release, per configuration
        Path docx = tmp.resolve("readiness.docx");
        assertThat(run(args("readiness", "--gates", lenient.toString(), "--previous", "RELEASE-9.8.0", "--docx",
                docx.toString()))).as(lastErr + lastOut).isZero();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("Change impact since the previous release").contains("arm64-no-foo");
        }
        // without a previous release the suspect-links gate cannot be evaluated: not ready, and it says why
        assertThat(run(args("readiness", "--gates", lenient.toString()))).as(lastErr + lastOut).isEqualTo(1);
        assertThat(lastOut).contains(": NOT READY").contains("SUSPECT_LINKS not evaluated")
                .contains("no previous release given");
    }

    @Test
    void documentsWithAPreviousReleaseCarryTheChangeImpactSinceIt() throws Exception {
        Path docx = tmp.resolve("trace.docx");
        assertThat(run(args("export", "--format", "docx", "--out", docx.toString(), "--previous", "RELEASE-9.8.0")))
                .as(lastErr).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            String text = String.join("\n", d.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("Change impact since the previous release").contains("arm64-no-foo");
        }
        // the evidence package: its traceability report and its readiness report both have the section
        Path gates = tmp.resolve("gates.yaml");
        Files.writeString(gates, "all:\n  suspect-links-max: 0\n");
        Path zip = tmp.resolve("evidence.zip");
        assertThat(run(args("export", "--format", "evidence", "--out", zip.toString(), "--gates", gates.toString(),
                "--previous", "RELEASE-9.8.0"))).as(lastErr).isZero();
        byte[] bytes = Files.readAllBytes(zip);
        for (String entry : List.of("documents/traceability-and-sloc-report.docx", "documents/readiness.docx")) {
            try (XWPFDocument d = new XWPFDocument(new java.io.ByteArrayInputStream(entryOf(bytes, entry)))) {
                String text = String.join("\n", d.getParagraphs().stream().map(p -> p.getText()).toList());
                assertThat(text).as(entry).contains("Change impact since the previous release");
            }
        }
        assertThat(EvidenceVerifier.verify(zip).intactPackage()).isTrue();
        // without a previous release, no such section
        assertThat(run(args("export", "--format", "docx", "--out", docx.toString()))).as(lastErr).isZero();
        try (XWPFDocument d = new XWPFDocument(Files.newInputStream(docx))) {
            String text = String.join("\n", d.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).doesNotContain("Change impact since the previous release");
        }
        // the change impact is computed from the repository: not from --input, and not for other formats
        assertThat(run("export", "--format", "docx", "--out", docx.toString(), "--input", zip.toString(),
                "--previous", "RELEASE-9.8.0")).isEqualTo(2);
        assertThat(lastErr).contains("--previous with --format docx needs the analysis options");
        assertThat(run(args("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--previous",
                "RELEASE-9.8.0"))).isEqualTo(2);
        assertThat(lastErr).contains("--previous goes with --format docx or evidence only");
    }

    private static byte[] entryOf(byte[] zip, String name) throws Exception {
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in the package");
    }

    @Test
    void badInputIsExitTwoWithFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "all:\n  suspect-links-max: 0\n  trace-defects-max: many\n");
        assertThat(run(args("readiness", "--gates", bad.toString()))).isEqualTo(2);
        assertThat(lastErr).contains(bad + ":3:").contains("trace-defects-max").contains("whole number");
        assertThat(run("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--repo",
                repo.dir().toString(), "--ref", "RELEASE-9.9.0")).isEqualTo(2);
        assertThat(lastErr).contains("at least one configuration");
        assertThat(run("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--repo",
                repo.dir().toString(), "--arch", "arm64", "--set", "NOPE=y")).isEqualTo(2);
        assertThat(lastErr).contains("CONFIG_NOPE");
        assertThat(run("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--repo",
                repo.dir().toString(), "--ref", "RELEASE-0", "--arch", "arm64")).isEqualTo(2);
        assertThat(lastErr).contains("unknown ref 'RELEASE-0'");
        assertThat(run("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--repo",
                repo.dir().toString(), "--input", tmp.resolve("e.json").toString(), "--arch", "arm64")).isEqualTo(2);
        assertThat(lastErr).contains("exclude each other");
        // a link file that is not YAML: bad input, not a workbook or verdict without its links (found by a QA pass)
        Path notYaml = Files.writeString(tmp.resolve("not-yaml.yaml"), "- this: [is: not valid yaml\n");
        assertThat(run("export", "--format", "xlsx", "--out", tmp.resolve("x.xlsx").toString(), "--repo",
                repo.dir().toString(), "--ref", "RELEASE-9.9.0", "--arch", "arm64", "--defconfig", "--links",
                notYaml.toString())).isEqualTo(2);
        assertThat(lastErr).contains("link file (--links) unusable: " + notYaml.getFileName());
        assertThat(run(args("readiness", "--links", notYaml.toString()))).isEqualTo(2);
        assertThat(lastErr).contains("link file (--links) unusable");
    }

    private static int column(Sheet s, String header) {
        Row h = s.getRow(0);
        for (int i = 0; i < h.getLastCellNum(); i++) {
            if (h.getCell(i) != null && h.getCell(i).getStringCellValue().equalsIgnoreCase(header)) {
                return i;
            }
        }
        throw new AssertionError("no column '" + header + "' in " + s.getSheetName());
    }

    private static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        s.forEach(r -> r.forEach(c -> b.append(c.toString()).append('\t')));
        return b.toString();
    }
}
