package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.cli.FusaCommandLine;
import org.xenfusa.exports.docx.TraceabilityReport;
import org.xenfusa.exports.evidence.EvidencePackage;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.RequirementRow;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.trace.report.RequirementTrace;
import org.xenfusa.trace.report.TraceReport;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.TestEvidenceService;
import org.xenfusa.web.trace.TracePages;
import org.xenfusa.web.trace.TraceService;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One question, one answer: for one snapshot, two configurations (one with an override), stored links in each review
 * state and an imported JUnit file, every requirement's verdict in every configuration is the same in the trace report,
 * the trace pages, {@code fusa trace --json}, the XLSX and the DOCX read back, and the evidence package's JSON.
 */
// [utest->dsn~one-verdict~1] [utest->dsn~evidence-assembler~1] [utest->err~document-differs-from-data~1]
@IntegrationTest
class TraceConsistencyIntegrationTest {
    private static final String REQS = """
            # Design

            `req~product~1`

            The product works.

            Needs: dsn

            `dsn~feature-a~1`

            Feature A works.

            Covers:
            - req~product~1

            Needs: impl, utest

            `dsn~always~1`

            Always there.

            Needs: impl

            `dsn~drafted~1`

            Linked by a draft only.

            Needs: impl

            `dsn~nothing~1`

            Needs nothing at all.
            """;

    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired LinkService links;
    @Autowired TestEvidenceService results;
    @Autowired TraceService traces;
    @Autowired TracePages pages;
    @Autowired EvidenceService evidence;
    @Autowired org.xenfusa.web.trace.TracePolicyService tracePolicies;

    @Test
    void everyPageCommandAndDocumentGivesTheSameVerdicts() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        Path dir = Files.createTempDirectory("fusa-consistency");
        SyntheticRepository repo = SyntheticRepository.create(dir);
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        files.putAll(SyntheticKconfig.BUILD);
        files.put("docs/fusa/reqs/design.md", REQS);
        files.put("xen/common/fa.c", "int fa_start(void)\n{\n    return 1;\n}\n\nint fa_stop(void)\n{\n    return 0;\n}\n");
        // with a tag that names no item: a defect of every configuration wherever the trace is shown
        files.put("xen/common/a.c", "int a_run(void)\n{\n    return 2;\n}\n/* [impl->dsn~gone~1] */\n");
        repo.commit("one", "RELEASE-1.0", files);
        Path gitDir = repo.dir();
        repo.close();
        SourceRepository source = fixture.registerAndIngest("consistency-repo", repo);
        Snapshot snapshot = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(source.getId(), "RELEASE-1.0")
                .orElseThrow();
        SavedConfiguration all = configurations.create(new ConfigurationForm("cons-default", source.getId(), "RELEASE-1.0", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");
        SavedConfiguration noA = configurations.create(new ConfigurationForm("cons-no-a", source.getId(), "RELEASE-1.0", "x86_64",
                StartKind.DEFCONFIG, "", "CONFIG_FEATURE_A=n", "", ""), "tester");
        long sid = snapshot.getId();
        TraceLink fa = links.linkFunction(sid, "dsn~feature-a~1", "xen/common/fa.c", "fa_start", Optional.empty(),
                TraceFixture.ENGINEER);
        links.review(fa.getId(), sid, TraceFixture.REVIEWER, "checked against the requirement");
        TraceLink always = links.linkFunction(sid, "dsn~always~1", "xen/common/a.c", "a_run", Optional.empty(),
                TraceFixture.ENGINEER);
        links.review(always.getId(), sid, TraceFixture.REVIEWER, "checked against the requirement");
        links.linkFunction(sid, "dsn~drafted~1", "xen/common/fa.c", "fa_stop", Optional.empty(), TraceFixture.ENGINEER);
        links.linkTest(sid, "dsn~feature-a~1", "tests/fa.c", "fa.starts", TraceFixture.ENGINEER);
        String junit = "<testsuite name=\"fa\"><testcase classname=\"fa\" name=\"starts\"/></testsuite>\n";
        assertThat(results.importJUnit(sid, all.getId(), "fa.xml", junit.getBytes(StandardCharsets.UTF_8),
                TraceFixture.ENGINEER).problem()).isEmpty();

        List<String> treeIds = List.of("req~product~1", "dsn~feature-a~1", "dsn~always~1", "dsn~drafted~1",
                "dsn~nothing~1");
        Map<String, Map<String, String>> expected = sameEverywhere(source, sid, all, noA, gitDir, dir, junit, treeIds,
                List.of());
        assertThat(expected.get("dsn~feature-a~1")).containsEntry("cons-default", "covered")
                .containsEntry("cons-no-a", "not applicable");
        assertThat(expected.get("req~product~1")).containsEntry("cons-default", "covered")
                .containsEntry("cons-no-a", "not applicable");
        assertThat(expected.get("dsn~always~1")).containsEntry("cons-default", "covered")
                .containsEntry("cons-no-a", "covered");
        assertThat(expected.get("dsn~drafted~1")).containsEntry("cons-default", "uncovered")
                .containsEntry("cons-no-a", "uncovered");
        assertThat(expected.get("dsn~nothing~1")).containsEntry("cons-default", "nothing required");

        // the same under a trace policy of the repository (the CLI given the same file): design items need a unit
        // test too, and dsn~always applies only without FEATURE_A
        String policy = """
                name: consistency
                types:
                  dsn:
                    needs: [impl, utest]
                applicability:
                  items:
                    - id: "dsn~always"
                      config: "!CONFIG_FEATURE_A"
                """;
        tracePolicies.update(source.getId(), policy, "tester");
        Path policyFile = Files.writeString(dir.resolveSibling(dir.getFileName() + "-policy.yaml"), policy);
        Map<String, Map<String, String>> underPolicy = sameEverywhere(source, sid, all, noA, gitDir, dir, junit,
                treeIds, List.of("--policy", policyFile.toString()));
        assertThat(underPolicy.get("dsn~always~1")).containsEntry("cons-default", "not applicable")
                .containsEntry("cons-no-a", "uncovered");
        assertThat(underPolicy.get("dsn~nothing~1")).containsEntry("cons-default", "uncovered");
        assertThat(underPolicy.get("dsn~feature-a~1")).containsEntry("cons-default", "covered")
                .containsEntry("cons-no-a", "not applicable");
    }

    /**
     * Asserts that the report, the pages, the evidence (its JSON, XLSX, DOCX and package) and {@code fusa trace
     * --json} (with {@code cliArgs}) give every requirement the same verdict in both configurations; gives them.
     */
    private Map<String, Map<String, String>> sameEverywhere(SourceRepository source, long sid, SavedConfiguration all,
            SavedConfiguration noA, Path gitDir, Path dir, String junit, List<String> treeIds, List<String> cliArgs)
            throws Exception {
        // the report: what the rules say
        SnapshotTrace trace = traces.trace(sid);
        TraceReport report = traces.report(trace, List.of(all, noA), new LinkedHashMap<>());
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (RequirementTrace r : report.requirements()) {
            Map<String, String> v = new LinkedHashMap<>();
            r.configurations().forEach((name, c) -> v.put(name, c.verdict().label()));
            expected.put(r.id(), v);
        }
        // authored requirements (of other tests) join every snapshot's trace; the tree's five are these
        assertThat(expected).containsKeys(treeIds.toArray(String[]::new));
        assertThat(report.requirement("dsn~feature-a~1").orElseThrow().configurations().get("cons-default")
                .verification().name()).isEqualTo("VERIFIED");

        // the trace pages
        Map<String, Map<String, String>> page = new TreeMap<>();
        for (TracePages.Row row : pages.rows(trace, List.of(all, noA), new TracePages.Filter("", "", "", "", ""))) {
            Map<String, String> v = new LinkedHashMap<>();
            row.states().forEach(s -> v.put(s.configuration().getName(), s.coverage()));
            page.put(row.item().id().toString(), v);
        }
        assertThat(page).isEqualTo(expected);

        // the documents' input, the XLSX, the DOCX and the evidence package
        ReleaseEvidence ev = evidence.evidence(new EvidenceRequest(source.getId(), "RELEASE-1.0",
                List.of(all.getId(), noA.getId()), List.of(), "http://localhost", Instant.now()), Optional.empty(),
                EvidenceService.Progress.NONE);
        assertThat(labels(ev)).isEqualTo(expected);
        assertThat(ev.requirements()).filteredOn(r -> r.id().equals("dsn~drafted~1")).singleElement()
                .satisfies(r -> assertThat(r.links()).singleElement().satisfies(l -> {
                    assertThat(l.state()).isEqualTo("draft");
                    assertThat(l.counts()).isFalse();
                }));
        assertThat(xlsx(AssessorWorkbook.write(ev), ev)).isEqualTo(expected);
        // the orphaned tag: a trace defect of each configuration in the evidence, the workbook and the report
        assertThat(ev.defects()).filteredOn(d -> d.message().contains("xen/common/a.c:5"))
                .extracting(org.xenfusa.exports.model.TraceDefect::configuration)
                .containsExactlyInAnyOrder("cons-default", "cons-no-a");
        assertThat(String.join("\n", new org.apache.poi.xwpf.extractor.XWPFWordExtractor(new org.apache.poi.xwpf
                .usermodel.XWPFDocument(new ByteArrayInputStream(TraceabilityReport.write(ev)))).getText()))
                .contains("tag at xen/common/a.c:5: orphaned");
        // and on the snapshot's trace page
        String browser = WebSession.login(port, "admin", "test-admin-password").get("/trace/" + sid).body();
        assertThat(browser).contains("id=\"anchor-defects\"").contains("xen/common/a.c:5: ").contains("orphaned");
        // the links with their review state and record: the XLSX lists what the report holds
        Map<String, List<String>> reportLinks = new TreeMap<>();
        ev.requirements().forEach(r -> r.links().forEach(l -> reportLinks.computeIfAbsent(r.id(), k -> new ArrayList<>())
                .add(l.anchor() + " | " + l.state() + " | " + (l.counts() ? "yes" : "no") + " | " + l.review())));
        assertThat(reportLinks.get("dsn~drafted~1")).containsExactly("xen/common/fa.c:fa_stop | draft | no | ");
        assertThat(reportLinks.values().stream().flatMap(List::stream))
                .anySatisfy(l -> assertThat(l).contains("| reviewed | yes | ", "checked against the requirement"));
        assertThat(xlsxLinks(AssessorWorkbook.write(ev))).isEqualTo(reportLinks);
        assertThat(docx(TraceabilityReport.write(ev))).isEqualTo(expected);
        assertThat(ev.context().tracePolicy().sha256()).isEqualTo(trace.linked().policy().sha256());
        byte[] zip = EvidencePackage.build(ev, Optional.empty());
        JsonNode packaged = JsonMapper.builder().build().readTree(entry(zip, "inputs/evidence.json"));
        Map<String, Map<String, String>> fromPackage = new TreeMap<>();
        for (JsonNode r : packaged.get("requirements")) {
            Map<String, String> v = new LinkedHashMap<>();
            r.get("verdicts").properties().forEach(e -> v.put(e.getKey(),
                    org.xenfusa.trace.report.Verdict.valueOf(e.getValue().asString()).label()));
            fromPackage.put(r.get("id").asString(), v);
        }
        assertThat(fromPackage).isEqualTo(expected);
        assertThat(new String(entry(zip, "inputs/other/trace-inputs.txt"), StandardCharsets.UTF_8))
                .contains("3 code link(s) stored in the platform (2 reviewed, counted; 1 draft");

        // fusa trace --json, with the links the package carries and the same JUnit file
        AttachedFile stored = ev.attachments().stream().filter(a -> a.name().equals("stored-links.yaml")).findFirst()
                .orElseThrow();
        Path linkFile = Files.writeString(dir.resolveSibling(dir.getFileName() + "-links.yaml"), stored.text());
        Path junitFile = Files.writeString(dir.resolveSibling(dir.getFileName() + "-junit.xml"), junit);
        List<String> noAArgs = new ArrayList<>(cliArgs);
        noAArgs.addAll(List.of("--set", "FEATURE_A=n"));
        Map<String, String> cliDefault = cli(gitDir, linkFile, Optional.of(junitFile), cliArgs);
        Map<String, String> cliNoA = cli(gitDir, linkFile, Optional.empty(), noAArgs);
        assertThat(cliDefault.keySet()).containsExactlyInAnyOrderElementsOf(treeIds);
        expected.entrySet().stream().filter(e -> treeIds.contains(e.getKey())).forEach(e -> {
            String id = e.getKey();
            Map<String, String> v = e.getValue();
            assertThat(cliDefault.get(id)).as(id + " default").isEqualTo(v.get("cons-default"));
            assertThat(cliNoA.get(id)).as(id + " no A").isEqualTo(v.get("cons-no-a"));
        });
        return expected;
    }

    private static Map<String, Map<String, String>> labels(ReleaseEvidence ev) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (RequirementRow r : ev.requirements()) {
            Map<String, String> v = new LinkedHashMap<>();
            r.verdicts().forEach((name, x) -> v.put(name, x.label()));
            out.put(r.id(), v);
        }
        return out;
    }

    /** The XLSX's Links sheet: per requirement, each link as anchor, review state, whether it counts, review record. */
    private static Map<String, List<String>> xlsxLinks(byte[] bytes) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet links = wb.getSheet("Links");
            assertThat(links).as("the Links sheet").isNotNull();
            for (Row r : links) {
                if (r.getRowNum() > 0) {
                    out.computeIfAbsent(r.getCell(0).toString(), k -> new ArrayList<>()).add(r.getCell(2) + " | "
                            + r.getCell(4) + " | " + r.getCell(5) + " | " + (r.getCell(6) == null ? "" : r.getCell(6)));
                }
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> xlsx(byte[] bytes, ReleaseEvidence ev) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet matrix = null;
            for (Sheet s : wb) {
                if (s.getRow(0) != null && s.getRow(0).getCell(0) != null
                        && s.getRow(0).getCell(0).toString().equals("ID")) {
                    matrix = s;
                }
            }
            assertThat(matrix).as("the matrix sheet").isNotNull();
            Row head = matrix.getRow(0);
            for (Row r : matrix) {
                if (r.getRowNum() == 0 || r.getCell(0) == null) {
                    continue;
                }
                Map<String, String> v = new LinkedHashMap<>();
                for (int i = 0; i < head.getLastCellNum(); i++) {
                    String h = head.getCell(i).toString();
                    if (h.startsWith("Verdict ")) {
                        v.put(h.substring("Verdict ".length()),
                                org.xenfusa.trace.report.Verdict.valueOf(r.getCell(i).toString()).label());
                    }
                }
                out.put(r.getCell(0).toString(), v);
            }
        }
        return out;
    }

    private static Map<String, Map<String, String>> docx(byte[] bytes) throws Exception {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes))) {
            for (XWPFTable t : d.getTables()) {
                XWPFTableRow head = t.getRow(0);
                if (!head.getCell(0).getText().equals("Requirement") || !head.getCell(1).getText().equals("Title")) {
                    continue;
                }
                int n = head.getTableCells().size();
                for (XWPFTableRow r : t.getRows().subList(1, t.getRows().size())) {
                    Map<String, String> v = new LinkedHashMap<>();
                    for (int i = 2; i < n - 1; i++) {
                        v.put(head.getCell(i).getText(), r.getCell(i).getText());
                    }
                    out.put(r.getCell(0).getText(), v);
                }
            }
        }
        return out;
    }

    private static byte[] entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    /** Runs {@code fusa trace --json} and gives each requirement's verdict in its one configuration. */
    private static Map<String, String> cli(Path repo, Path links, Optional<Path> junit, List<String> extra)
            throws Exception {
        List<String> args = new ArrayList<>(List.of("trace", "--repo", repo.toString(), "--ref", "RELEASE-1.0",
                "--links", links.toString(), "--arch", "x86_64", "--json"));
        junit.ifPresent(j -> args.addAll(List.of("--junit", j.toString())));
        args.addAll(extra);
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = FusaCommandLine.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        // uncovered requirements fail the trace (exit 1); anything else would be bad input
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isIn(0, 1);
        JsonNode json = JsonMapper.builder().build().readTree(out.toString(StandardCharsets.UTF_8));
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode i : json.get("items")) {
            JsonNode per = i.get("configurations");
            assertThat(per.size()).isEqualTo(1);
            verdicts.put(i.get("id").asString(), per.properties().iterator().next().getValue().get("verdict").asString());
        }
        return verdicts;
    }
}
