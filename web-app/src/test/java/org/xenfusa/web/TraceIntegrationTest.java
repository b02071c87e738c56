package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.Requirement;
import org.xenfusa.model.trace.TestResultFileRepository;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.sloc.tree.GitSourceTree;
import org.xenfusa.trace.config.ConfigurationCoverage;
import org.xenfusa.trace.function.FunctionIndex;
import org.xenfusa.trace.graph.TraceGraph;
import org.xenfusa.trace.graph.TracedItem;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.spec.SpecificationScanner;
import org.xenfusa.trace.suspect.SuspectReason;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.GitRepositoryFolders;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.RequirementController;
import org.xenfusa.web.trace.RequirementService;
import org.xenfusa.web.trace.SnapshotTrace;
import org.xenfusa.web.trace.SnapshotTrees;
import org.xenfusa.web.trace.TestEvidenceService;
import org.xenfusa.web.trace.TracePages;
import org.xenfusa.web.trace.TraceService;

/**
 * Requirements, links, coverage per configuration, suspect links and test evidence through the
 * real context on the embedded PostgreSQL. Each test has its own synthetic repository.
 */
@IntegrationTest
class TraceIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired TraceService traces;
    @Autowired TracePages pages;
    @Autowired RequirementService requirements;
    @Autowired LinkService links;
    @Autowired TestEvidenceService evidence;
    @Autowired TestResultFileRepository resultFiles;
    @LocalServerPort int port;

    TraceFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
    }

    private Snapshot ingested(String name, Map<String, String> files) throws Exception {
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", files);
            return fixture.snapshot(fixture.registerAndIngest(name, repo), "RELEASE-1");
        }
    }

    private static Optional<TracedItem> item(SnapshotTrace trace, String id) {
        return trace.items(id).stream().findFirst();
    }

    @Test
    void importKeepsFileAndLineReportsBadItemsAndVerdictsAreTheLibrarys() throws Exception {
        Map<String, String> files = TraceFixture.tree(1, TraceFixture.FA_C);
        files.put("docs/fusa/reqs/broken.rst", "Broken\n======\n\n`XenProd~no_revision`\n\nDescription:\nx\n");
        files.put("xen/arch/x86/setup.c", "#include <xen/lib.h>\n/* [impl->XenSwdgn~fa_start~1] */\nint setup(void)\n{\n    return 0;\n}\n");
        Snapshot s = ingested("trace-import", files);

        RequirementService.ImportOutcome outcome = requirements.importSnapshot(s.getId(), TraceFixture.ENGINEER);
        assertThat(outcome.imported()).isEqualTo(3);
        assertThat(outcome.problems()).anySatisfy(p -> assertThat(p.toString()).startsWith("docs/fusa/reqs/broken.rst:4"));
        SnapshotTrace trace = traces.trace(s.getId());
        TracedItem product = item(trace, "XenProd~feature_a~1").orElseThrow();
        assertThat(product.item().location().toString()).isEqualTo("docs/fusa/reqs/market-product.rst:17");
        assertThat(product.item().rationale()).isEqualTo("Guests ask for it.");
        assertThat(item(trace, "XenSwdgn~fa_start~1").orElseThrow().item().location().path())
                .isEqualTo("docs/fusa/reqs/design.md");

        // the same verdicts as the library traced straight from the tree (OFT-identical by its oracle test)
        Map<String, String> expected = new LinkedHashMap<>();
        try (Repository git = GitRepositoryFolders.open(Path.of(s.getRepository().getGitDir()));
                GitSourceTree tree = GitSourceTree.open(git, s.getCommitSha())) {
            TraceGraph direct = TraceGraph.build(SpecificationScanner.under("").scan(tree), LinkSet.empty(),
                    FunctionIndex.of(tree));
            direct.trace().items().forEach(t -> expected.put(t.id().toString(), t.verdict()));
        }
        Map<String, String> shown = new LinkedHashMap<>();
        trace.graph().trace().items().stream().filter(t -> expected.containsKey(t.id().toString()))
                .forEach(t -> shown.put(t.id().toString(), t.verdict()));
        assertThat(shown).isEqualTo(expected);
        // the tag in setup.c covers the design requirement, which needs impl: covered
        assertThat(expected.get("XenSwdgn~fa_start~1")).isEqualTo("covered");

        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String browser = web.get("/trace/" + s.getId()).body();
        assertThat(browser).contains("XenMkt~timer~1").contains("XenProd~feature_a~1").contains("id=\"tree\"");
        String page = web.get("/trace/" + s.getId() + "/items/XenProd~feature_a~1").body();
        assertThat(page).contains("docs/fusa/reqs/market-product.rst:17").contains("XenSwdgn~fa_start~1")
                .contains("XenMkt~timer~1");
        String filtered = web.get("/trace/" + s.getId() + "?type=XenMkt").body();
        assertThat(filtered).contains("XenMkt~timer~1").doesNotContain(">XenProd~feature_a~1</a></td>");
    }

    @Test
    void anEngineerWritesAndEditsARequirementAndItsHistoryShowsWhoAndTheDiff() throws Exception {
        Snapshot s = ingested("trace-history", TraceFixture.tree(1, TraceFixture.FA_C));
        WebSession web = WebSession.login(port, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        String form = "id=" + WebSession.enc("swunit~history_unit~1") + "&title=" + WebSession.enc("Unit keeps time")
                + "&description=" + WebSession.enc("The unit shall count.\nIt shall not stop.")
                + "&needs=impl&status=approved&covers=&rationale=&comment=&depends=";
        var created = web.post("/trace/" + s.getId() + "/requirements", form, "/trace/" + s.getId());
        assertThat(created.statusCode()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/items/swunit~history_unit~1");

        Requirement r = requirements.find(traces.trace(s.getId()).requirementIds().get("swunit~history_unit~1").get(0));
        String edit = "id=" + WebSession.enc("swunit~history_unit~2") + "&title=" + WebSession.enc("Unit keeps time")
                + "&description=" + WebSession.enc("The unit shall count ticks.\nIt shall not stop.")
                + "&needs=impl&status=approved&covers=&rationale=&comment=&depends=";
        web = WebSession.login(port, TraceFixture.REVIEWER, TraceFixture.PASSWORD);
        assertThat(web.post("/trace/" + s.getId() + "/requirements/" + r.getId(), edit, "/trace/" + s.getId())
                .statusCode()).isEqualTo(302);

        List<RequirementService.Change> history = requirements.history(r.getId());
        assertThat(history).hasSize(2);
        assertThat(history.get(0).who()).isEqualTo(TraceFixture.REVIEWER);
        assertThat(history.get(0).kind()).isEqualTo("changed");
        assertThat(history.get(1).who()).isEqualTo(TraceFixture.ENGINEER);
        String page = web.get("/trace/" + s.getId() + "/items/swunit~history_unit~2").body();
        assertThat(page).contains(TraceFixture.REVIEWER).contains(TraceFixture.ENGINEER)
                .contains("- The unit shall count.").contains("+ The unit shall count ticks.")
                .contains("  It shall not stop.").contains("+ swunit~history_unit~2");

        // bad input is refused with the reason, nothing changes
        assertThatThrownBy(() -> requirements.update(s.getId(), r.getId(), new RequirementService.RequirementText(
                "swunit~other_name~3", "t", "", "", "", "", "", "", ""))).hasMessageContaining("do not change");
        assertThatThrownBy(() -> requirements.create(s.getId(), new RequirementService.RequirementText("not an id", "t",
                "", "", "", "", "", "", ""), "x")).hasMessageContaining("not a requirement id");
        // written for this repository, it is in no other repository's trace, and not editable from there
        Snapshot other = ingested("trace-history-other", TraceFixture.tree(1, TraceFixture.FA_C));
        assertThat(item(traces.trace(other.getId()), "swunit~history_unit~2")).isEmpty();
        assertThat(item(traces.trace(s.getId()), "swunit~history_unit~2")).isPresent();
        assertThatThrownBy(() -> requirements.update(other.getId(), r.getId(), new RequirementService.RequirementText(
                "swunit~history_unit~3", "t", "", "", "", "", "", "", ""))).hasMessageContaining("no requirement");
        // the same id may be written for the other repository: a requirement of its own
        requirements.create(other.getId(), new RequirementService.RequirementText("swunit~history_unit~1", "Other",
                "", "", "", "", "", "", ""), "x");
        assertThat(item(traces.trace(other.getId()), "swunit~history_unit~1").orElseThrow().item().title())
                .isEqualTo("Other");
        assertThat(item(traces.trace(s.getId()), "swunit~history_unit~1")).isEmpty();
        var viewer = WebSession.login(port, "admin", "test-admin-password");
        assertThat(viewer.get("/trace/" + s.getId()).statusCode()).isEqualTo(200);
    }

    @Test
    void theTracePagesNewRequirementFormAsRenderedCreatesARequirement() throws Exception {
        Snapshot s = ingested("trace-new-form", TraceFixture.tree(1, TraceFixture.FA_C));
        WebSession web = WebSession.login(port, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        String page = web.get("/trace/" + s.getId()).body();
        int at = page.indexOf("id=\"new-requirement\"");
        assertThat(at).as("the trace page has the new-requirement form").isPositive();
        String form = page.substring(at, page.indexOf("</form>", at));
        // exactly the fields the rendered form sends (it used to lack comment and depends: HTTP 500)
        Map<String, String> values = Map.of("id", "swunit~form_unit~1", "title", "Unit from the page form",
                "description", "The unit shall count.", "needs", "impl", "status", "approved");
        StringBuilder body = new StringBuilder();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("name=\"([^\"]+)\"").matcher(form);
        while (names.find()) {
            String name = names.group(1);
            if (!name.equals("_csrf")) {
                body.append(body.isEmpty() ? "" : "&").append(name).append('=')
                        .append(WebSession.enc(values.getOrDefault(name, "")));
            }
        }
        var created = web.post("/trace/" + s.getId() + "/requirements", body.toString(), "/trace/" + s.getId());
        assertThat(created.statusCode()).as(body.toString()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElse("")).contains("/items/swunit~form_unit~1");
        Requirement r = requirements.find(traces.trace(s.getId()).requirementIds().get("swunit~form_unit~1").get(0));
        assertThat(r.getTitle()).isEqualTo("Unit from the page form");
        assertThat(r.getComment()).isEmpty();
        assertThat(r.getDepends()).isEmpty();
    }

    /**
     * A trace is kept longer than the few trees kept open: once more snapshots were traced than trees are kept, the
     * first snapshot's tree is closed, and its configuration trace must still read its code (through a tree leased
     * for the purpose). The defect this guards against was a race this test does not reproduce: a configuration
     * trace reading through the trace's own tree while another job's lease closed it ("Short compressed stream",
     * then "missing blob", computing the readiness of 134 releases on two workers).
     */
    @Test
    void aTraceKeptLongerThanItsTreeStillReadsTheCode() throws Exception {
        SourceRepository r;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            for (int i = 1; i <= SnapshotTrees.OPEN_TREES + 2; i++) {
                Map<String, String> files = TraceFixture.tree(1, TraceFixture.FA_C);
                files.put("xen/common/release.c", SyntheticRepository.cFile("release", i));
                repo.commit("release " + i, "RELEASE-" + i, files);
            }
            r = fixture.registerAndIngest("trace-evicted", repo);
        }
        SavedConfiguration saved = configurations.create(new ConfigurationForm("trace-evicted-default", r.getId(),
                "RELEASE-1", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        SnapshotTrace first = traces.trace(fixture.snapshot(r, "RELEASE-1").getId());
        for (int i = 2; i <= SnapshotTrees.OPEN_TREES + 2; i++) {
            // each opens its tree: the first one's is closed when the seventh opens
            traces.trace(fixture.snapshot(r, "RELEASE-" + i).getId());
        }
        ConfigurationCoverage coverage = traces.coverage(first, saved);
        // setup.c 2, a.c 7, fa.c 10 code lines, as for a fresh trace
        assertThat(coverage.compiledCode()).isEqualTo(19);
        assertThat(traces.report(first, List.of(saved), new java.util.LinkedHashMap<>()).requirements()).isNotEmpty();
    }

    @Test
    void aLinkToAFunctionCoversTheRequirementInTheConfigurationsThatCompileIt() throws Exception {
        Snapshot s = ingested("trace-coverage", TraceFixture.tree(1, TraceFixture.FA_C));
        long repoId = s.getRepository().getId();
        SavedConfiguration withA = configurations.create(new ConfigurationForm("trace-cov-default", repoId, "RELEASE-1", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");
        SavedConfiguration withoutA = configurations.create(new ConfigurationForm("trace-cov-no-a", repoId, "RELEASE-1", "x86_64",
                StartKind.DEFCONFIG, "no_a_defconfig", "", "", ""), "tester");
        requirements.importSnapshot(s.getId(), TraceFixture.ENGINEER);

        SnapshotTrace before = traces.trace(s.getId());
        assertThat(item(before, "XenSwdgn~fa_start~1").orElseThrow().verdict()).isEqualTo("uncovered");
        ConfigurationCoverage cov0 = traces.coverage(before, withA);
        assertThat(cov0.applicable()).isEmpty();
        // setup.c 2, a.c 7, fa.c 10 code lines, nothing traced
        assertThat(cov0.compiledCode()).isEqualTo(19);
        assertThat(cov0.untracedCode()).isEqualTo(19);

        TraceLink link = links.linkFunction(s.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_start",
                Optional.empty(), TraceFixture.ENGINEER);
        assertThat(link.getState()).isEqualTo(LinkState.DRAFT);
        // a draft is listed with its requirement but never counts
        SnapshotTrace drafted = traces.trace(s.getId());
        assertThat(item(drafted, "XenSwdgn~fa_start~1").orElseThrow().verdict()).isEqualTo("uncovered");
        assertThat(traces.coverage(drafted, withA).tracedCode()).isZero();
        assertThat(drafted.linked().links(item(drafted, "XenSwdgn~fa_start~1").orElseThrow()))
                .singleElement().satisfies(l -> assertThat(l.counts()).isFalse());

        // review: not by its author; by another engineer it records the function's hash
        assertThatThrownBy(() -> links.review(link.getId(), s.getId(), TraceFixture.ENGINEER, "checked against the requirement"))
                .hasMessageContaining("another engineer");
        TraceLink reviewed = links.review(link.getId(), s.getId(), TraceFixture.REVIEWER, "checked against the requirement");
        SnapshotTrace after = traces.trace(s.getId());
        assertThat(item(after, "XenSwdgn~fa_start~1").orElseThrow().verdict()).isEqualTo("covered");
        assertThat(item(after, "XenMkt~timer~1").orElseThrow().verdict()).isEqualTo("covered");
        ConfigurationCoverage cov = traces.coverage(after, withA);
        assertThat(cov.applicable().stream().map(Object::toString))
                .contains("XenSwdgn~fa_start~1", "XenProd~feature_a~1", "XenMkt~timer~1");
        assertThat(cov.tracedCode()).isEqualTo(5); // fa_start's five code lines
        assertThat(cov.untracedFunctions()).extracting(f -> f.name()).containsExactly("fa_helper");
        assertThat(traces.coverage(after, withoutA).applicable()).isEmpty();

        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String page = web.get("/trace/" + s.getId() + "/items/XenSwdgn~fa_start~1").body();
        assertThat(page).contains("id=\"state-" + withA.getId() + "\">covered<")
                .contains("id=\"state-" + withoutA.getId() + "\">not applicable<").contains("fa = 1;");
        String matrix = web.get("/trace/" + s.getId() + "/matrix").body();
        assertThat(matrix).contains("trace-cov-default").contains("trace-cov-no-a").contains("cov-covered")
                .contains("id=\"verdict-legend\"");
        String untraced = web.get("/trace/" + s.getId() + "/untraced?configuration=" + withA.getId()).body();
        assertThat(untraced).contains("id=\"untraced-code\">14<").contains("fa_helper").contains("xen/common/a.c")
                .contains("untraced-directories").contains(">xen/common/<").contains(">29.4<")
                .contains("id=\"what-untraced-counts\"");
        String filtered = web.get("/trace/" + s.getId() + "?configuration=" + withoutA.getId() + "&state=covered").body();
        assertThat(filtered).contains("0 requirements shown");

        assertThat(reviewed.getState()).isEqualTo(LinkState.REVIEWED);
        assertThat(reviewed.getReviewedHash().orElseThrow()).startsWith("sha256:");
    }

    @Test
    void linkFilesRoundTripAndABrokenEntryIsNamedByLine() throws Exception {
        Snapshot s = ingested("trace-linkfile", TraceFixture.tree(1, TraceFixture.FA_C));
        long repoId = s.getRepository().getId();
        TraceLink l = links.linkFunction(s.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_start",
                Optional.empty(), TraceFixture.ENGINEER);
        links.review(l.getId(), s.getId(), TraceFixture.REVIEWER, "checked against the requirement");
        links.linkTest(s.getId(), "XenSwdgn~fa_start~1", "tests/fa.c", "fa.starts", TraceFixture.ENGINEER);
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String exported = web.get("/trace/repositories/" + repoId + "/links.yaml").body();
        assertThat(exported).contains("requirement: XenSwdgn~fa_start~1").contains("function: \"fa_start\"")
                .contains("state: reviewed").contains("reviewer: \"" + TraceFixture.REVIEWER + "\"")
                .contains("reviewed-hash: sha256:").contains("name: \"fa.starts\"");

        Snapshot other = ingested("trace-linkfile-copy", TraceFixture.tree(1, TraceFixture.FA_C));
        String withBrokenEntry = exported + "  - requirement: XenSwdgn~broken\n    code:\n      - file: x.c\n        function: f\n";
        RequirementService.ImportOutcome in = links.importLinkFile(other.getRepository().getId(), "links.yaml",
                withBrokenEntry.getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(in.imported()).isEqualTo(2);
        assertThat(in.problems()).singleElement().satisfies(p -> assertThat(p.toString())
                .startsWith("links.yaml:" + (exported.split("\n").length + 1) + ": malformed requirement id"));
        assertThat(links.export(other.getRepository().getId())).isEqualTo(exported);
        // importing again stores nothing twice
        assertThat(links.importLinkFile(other.getRepository().getId(), "links.yaml",
                exported.getBytes(StandardCharsets.UTF_8), "admin").imported()).isZero();
    }

    @Test
    void spreadsheetRowsAreImportedAndABadRowIsNamedByFileAndRow() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("requirements");
            String[][] rows = {
                {"id", "title", "description", "covers", "needs"},
                {"aou~xlsx_guest_trust~1", "Guests are not trusted", "The integrator shall not trust guests.", "", ""},
                {"aou~bad id", "Broken", "", "", ""},
                {"swunit~xlsx_timer_unit~1", "Timer unit", "Counts.", "aou~xlsx_guest_trust~1", "impl, utest"},
                {"swunit~xlsx_bad_covers~1", "Bad covers", "", "nonsense", ""}};
            for (int i = 0; i < rows.length; i++) {
                Row row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            book.write(bytes);
        }
        Snapshot s = ingested("trace-xlsx", TraceFixture.tree(1, TraceFixture.FA_C));
        RequirementService.ImportOutcome o = requirements.importSpreadsheet(s.getId(), "reqs.xlsx", bytes.toByteArray(),
                "admin");
        assertThat(o.imported()).isEqualTo(2);
        assertThat(o.problems()).hasSize(2);
        assertThat(o.problems().get(0).toString()).startsWith("reqs.xlsx:3: id:");
        assertThat(o.problems().get(1).toString()).startsWith("reqs.xlsx:5: covers:");
        SnapshotTrace trace = traces.trace(s.getId());
        TracedItem unit = item(trace, "swunit~xlsx_timer_unit~1").orElseThrow();
        assertThat(unit.item().location().toString()).isEqualTo("reqs.xlsx:4");
        assertThat(unit.item().needs()).containsExactly("impl", "utest");
        assertThat(unit.item().covers().get(0).toString()).isEqualTo("aou~xlsx_guest_trust~1");
        assertThat(requirements.importSpreadsheet(s.getId(), "not.xlsx", "plain text".getBytes(StandardCharsets.UTF_8), "admin")
                .problems().get(0).toString()).startsWith("not.xlsx:0: not a readable XLSX workbook");
    }

    @Test
    void junitResultsVerifyARequirementInTheirConfigurationAndKeepTheirHash() throws Exception {
        Snapshot s = ingested("trace-junit", TraceFixture.tree(1, TraceFixture.FA_C));
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("trace-junit-cfg", s.getRepository().getId(), "RELEASE-1",
                "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        requirements.importSnapshot(s.getId(), "admin");
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String results = "/trace/" + s.getId() + "/results?configuration=" + cfg.getId();
        assertThat(web.get(results).body()).as("an empty table says what to do")
                .contains("No requirement of this configuration has a").contains("test linked to it yet");
        links.linkTest(s.getId(), "XenSwdgn~fa_start~1", "tests/fa.c", "fa.starts", TraceFixture.ENGINEER);
        assertThat(traces.verification(traces.trace(s.getId()), cfg).get(
                org.xenfusa.trace.spec.SpecificationItemId.parse("XenSwdgn~fa_start~1")).state().name()).isEqualTo("NOT_RUN");

        TestEvidenceService.Outcome bad = evidence.importJUnit(s.getId(), cfg.getId(), "evil.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<testsuite>&e;</testsuite>"
                        .getBytes(StandardCharsets.UTF_8), "admin");
        assertThat(bad.problem().orElseThrow()).startsWith("evil.xml:2:").contains("DOCTYPE");
        assertThat(resultFiles.findBySnapshotIdAndConfigurationIdOrderByIdAsc(s.getId(), cfg.getId())).isEmpty();

        byte[] xml = "<testsuite name=\"fa\"><testcase classname=\"fa\" name=\"starts\" time=\"0.1\"/></testsuite>"
                .getBytes(StandardCharsets.UTF_8);
        TestEvidenceService.Outcome ok = evidence.importJUnit(s.getId(), cfg.getId(), "fa-results.xml", xml, "admin");
        assertThat(ok.cases()).isEqualTo(1);
        assertThat(ok.stored().orElseThrow().getSha256()).isEqualTo(java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(xml)));
        SnapshotTrace trace = traces.trace(s.getId());
        assertThat(traces.verification(trace, cfg).get(org.xenfusa.trace.spec.SpecificationItemId
                .parse("XenSwdgn~fa_start~1")).state().name()).isEqualTo("VERIFIED");
        assertThat(web.get(results).body()).contains("fa-results.xml").contains(ok.stored().get().getSha256())
                .contains("VERIFIED").doesNotContain("test linked to it yet");
        assertThat(web.get("/trace/" + s.getId() + "/items/XenSwdgn~fa_start~1").body()).contains("verified");
    }

    @Test
    void aLinkBecomesSuspectWhenItsFunctionChangesBetweenTwoTagsUntilReviewedAgain() throws Exception {
        SourceRepository r;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            Map<String, String> two = new HashMap<>();
            two.put("xen/common/fa.c", TraceFixture.FA_C_CHANGED);
            two.put("docs/fusa/reqs/design.md", TraceFixture.designMd(2));
            repo.commit("two", "RELEASE-2", two);
            r = fixture.registerAndIngest("trace-suspect", repo);
        }
        Snapshot one = fixture.snapshot(r, "RELEASE-1");
        Snapshot two = fixture.snapshot(r, "RELEASE-2");
        requirements.importSnapshot(one.getId(), "admin");
        requirements.importSnapshot(two.getId(), "admin");
        TraceLink fa = links.linkFunction(one.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_start",
                Optional.empty(), TraceFixture.ENGINEER);
        links.linkFunction(one.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_helper", Optional.empty(),
                TraceFixture.ENGINEER);
        links.review(fa.getId(), one.getId(), TraceFixture.REVIEWER, "checked against the requirement");

        List<TracePages.Suspect> suspects = pages.suspects(one.getId(), two.getId());
        assertThat(suspects).hasSize(2);
        TracePages.Suspect start = suspects.stream().filter(x -> x.suspect().link().function().equals("fa_start"))
                .findFirst().orElseThrow();
        assertThat(start.suspect().reasons()).containsExactly(SuspectReason.FUNCTION_CHANGED,
                SuspectReason.FUNCTION_CHANGED_SINCE_REVIEW, SuspectReason.REQUIREMENT_REVISED);
        assertThat(start.diff()).extracting(d -> d.kind() + d.text()).contains("-    fa = 1;", "+    fa = 2;",
                "+    fa_helper(fa);");
        assertThat(start.reviewedAgain()).isFalse();
        // fa_helper did not change, only the requirement's revision did
        TracePages.Suspect helper = suspects.stream().filter(x -> x.suspect().link().function().equals("fa_helper"))
                .findFirst().orElseThrow();
        assertThat(helper.suspect().reasons()).containsExactly(SuspectReason.REQUIREMENT_REVISED);

        WebSession web = WebSession.login(port, TraceFixture.REVIEWER, TraceFixture.PASSWORD);
        String page = web.get("/trace/" + two.getId() + "/suspect?against=" + one.getId()).body();
        assertThat(page).contains("function changed since review").contains("+     fa = 2;").contains("Review again");
        assertThat(web.post("/trace/" + two.getId() + "/links/" + fa.getId() + "/review", "back=/trace/" + two.getId() + "&comment=function+change+checked",
                "/trace/" + two.getId()).statusCode()).isEqualTo(302);
        TracePages.Suspect again = pages.suspects(one.getId(), two.getId()).stream()
                .filter(x -> x.suspect().link().function().equals("fa_start")).findFirst().orElseThrow();
        assertThat(again.reviewedAgain()).isTrue();
        assertThat(again.suspect().link().requirement().toString()).isEqualTo("XenSwdgn~fa_start~2");
        // the link to fa_helper still names revision 1, but it is a draft: listed, never traced, so not a defect
        assertThat(item(traces.trace(two.getId()), "XenSwdgn~fa_start~2").orElseThrow().verdict())
                .isEqualTo("covered");
        assertThat(traces.trace(two.getId()).linked().drafts()).extracting(d -> d.function()).contains("fa_helper");
        links.review(helper.link().orElseThrow().id(), two.getId(), TraceFixture.REVIEWER, "checked against the requirement");
        assertThat(item(traces.trace(two.getId()), "XenSwdgn~fa_start~2").orElseThrow().verdict()).isEqualTo("covered");
        assertThat(pages.suspects(one.getId(), two.getId())).allMatch(TracePages.Suspect::reviewedAgain);
    }

    @Test
    void aBigSpecificationIsBrowsedAPageAtATimeAndItsTreeIsNotDrawn() throws Exception {
        Snapshot s = ingested("trace-big", TraceFixture.tree(1, TraceFixture.FA_C));
        int rows = RequirementController.TREE_LIMIT + 1;
        assertThat(requirements.importSpreadsheet(s.getId(), "big.xlsx",
                org.xenfusa.exports.synthetic.SyntheticRequirementSheet.of(rows, "big"), TraceFixture.ENGINEER)
                .imported()).isEqualTo(rows);
        List<TracedItem> all = traces.trace(s.getId()).requirements();
        int total = all.size();
        assertThat(total).isGreaterThan(RequirementController.TREE_LIMIT);
        int pageCount = (total + TracePages.BROWSER_PAGE_SIZE - 1) / TracePages.BROWSER_PAGE_SIZE;

        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String first = web.get("/trace/" + s.getId()).body();
        assertThat(first).contains("id=\"tree-too-big\"")
                .contains("1–" + TracePages.BROWSER_PAGE_SIZE).contains(">" + total + "<")
                .contains(total + " requirements shown, " + TracePages.BROWSER_PAGE_SIZE + " on this page")
                .contains(all.get(0).id() + "<").doesNotContain(all.get(total - 1).id() + "<");
        assertThat(first.split("/items/", -1).length - 1).isEqualTo(TracePages.BROWSER_PAGE_SIZE);

        String last = web.get("/trace/" + s.getId() + "?page=" + pageCount).body();
        assertThat(last).contains(((pageCount - 1) * TracePages.BROWSER_PAGE_SIZE + 1) + "–" + total)
                .contains(all.get(total - 1).id() + "<").doesNotContain(all.get(0).id() + "<")
                .doesNotContain("class=\"pager-next\"");

        // the filters go with the pages; a filter that keeps a few rows gives one page
        String filtered = web.get("/trace/" + s.getId() + "?q=big_5000").body();
        assertThat(filtered).contains("1 requirements shown").doesNotContain("class=\"pager-next\"");
        String broad = web.get("/trace/" + s.getId() + "?q=big_1&page=2").body();
        assertThat(broad).contains("q=big_1").contains("class=\"pager-previous\"");

        HttpResponse<String> beyond = web.get("/trace/" + s.getId() + "?page=" + (pageCount + 1));
        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(beyond.body()).contains("there is no page " + (pageCount + 1));

        // a small specification keeps its tree
        Snapshot small = ingested("trace-small", TraceFixture.tree(1, TraceFixture.FA_C));
        requirements.importSnapshot(small.getId(), TraceFixture.ENGINEER);
        assertThat(web.get("/trace/" + small.getId()).body()).contains("id=\"tree\"").contains("XenMkt~timer~1")
                .doesNotContain("id=\"tree-too-big\"");
    }


    @Test
    void aChainOfCoversDeeperThanTheTreeIsDrawnToItsDepthAndSaysWhatIsLeftOut() throws Exception {
        Snapshot s = ingested("trace-deep", TraceFixture.tree(1, TraceFixture.FA_C));
        int n = SnapshotTrace.TREE_DEPTH + 6;
        for (int i = 1; i <= n; i++) {
            requirements.create(s.getId(), new RequirementService.RequirementText("swreq~chain_" + i + "~1",
                    "Link " + i, "", "", "", "approved", i == 1 ? "" : "swreq~chain_" + (i - 1) + "~1", "", ""),
                    TraceFixture.ENGINEER);
        }
        SnapshotTrace.TreeNode node = traces.trace(s.getId()).tree().stream()
                .filter(t -> t.item().id().toString().equals("swreq~chain_1~1")).findFirst().orElseThrow();
        int depth = 1;
        while (!node.children().isEmpty()) {
            assertThat(node.children()).hasSize(1);
            node = node.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(SnapshotTrace.TREE_DEPTH);
        assertThat(node.item().id().toString()).isEqualTo("swreq~chain_" + SnapshotTrace.TREE_DEPTH + "~1");
        assertThat(node.notDrawn()).isEqualTo(1);

        HttpResponse<String> page = WebSession.login(port, "admin", "test-admin-password").get("/trace/" + s.getId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1 more below, not drawn here")
                .contains("swreq~chain_" + SnapshotTrace.TREE_DEPTH + "~1<")
                // the table still lists every requirement of the chain
                .contains("/items/swreq~chain_" + n + "~1");
    }


    @Test
    void theTreeOfRequirementsReadFromTheSnapshotsFilesIsNestedByWhatTheyCover() throws Exception {
        // nothing imported: the requirements are read from the tree, and have no stored ids
        Snapshot s = ingested("trace-nested", TraceFixture.tree(1, TraceFixture.FA_C));
        SnapshotTrace trace = traces.trace(s.getId());
        assertThat(trace.fromTree()).isTrue();
        List<SnapshotTrace.TreeNode> roots = trace.tree();
        assertThat(roots).extracting(n -> n.item().id().toString()).containsExactly("XenMkt~timer~1");
        SnapshotTrace.TreeNode product = roots.get(0).children().get(0);
        assertThat(product.item().id().toString()).isEqualTo("XenProd~feature_a~1");
        assertThat(product.children()).extracting(n -> n.item().id().toString()).containsExactly("XenSwdgn~fa_start~1");
    }

}
