package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.exports.readiness.Gate;
import org.xenfusa.exports.readiness.GateFileException;
import org.xenfusa.exports.readiness.GateResult;
import org.xenfusa.exports.readiness.GateVerdict;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.readiness.ReadinessService;

/**
 * Release readiness through the real context: the stored gate file (errors with their line, ADMIN only, history),
 * a tag's verdicts and its comparison with the tag before it, the pages and the DOCX/XLSX downloads.
 */
@IntegrationTest
class ReadinessIntegrationTest {
    static SourceRepository repository;
    static SavedConfiguration config;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ExportJobRepository exportJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ReadinessService readiness;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    String gatesBefore;

    @BeforeEach
    void fixture() throws Exception {
        ExportFixture.users(users, encoder);
        if (repository == null) {
            repository = ExportFixture.create("readiness-repo", registrar, ingest, ingestJobs);
            config = configurations.create(new ConfigurationForm("readiness-default", repository.getId(), "RELEASE-2.0", "x86_64",
                    StartKind.DEFCONFIG, "", "", "", ""), "tester");
        }
        gatesBefore = readiness.gateText();
    }

    @AfterEach
    void restoreGates() throws Exception {
        // the gate file is global: leave it as other tests expect it
        readiness.update(gatesBefore);
    }

    private EvidenceRequest request(String ref) {
        return new EvidenceRequest(repository.getId(), ref, List.of(config.getId()), List.of(), "", Instant.now());
    }

    private GateResult result(ReadinessService.Evaluation e, Gate gate) {
        return e.report().results().stream().filter(r -> r.gate() == gate).findFirst().orElseThrow();
    }

    @Test
    void verdictsAndComparisonWithThePreviousTag() throws Exception {
        readiness.update("all:\n  design-covered-by-code-min-percent: 50\n  sloc-growth-max-percent: 10\n"
                + "  trace-defects-max: 0\n  uncovered-requirements-max: 0\n");
        assertThat(readiness.releases(repository.getId())).containsExactly("RELEASE-1.0", "RELEASE-2.0");

        ReadinessService.Evaluation first = readiness.evaluate(request("RELEASE-1.0"), EvidenceService.Progress.NONE);
        assertThat(first.previousRef()).isEmpty();
        assertThat(result(first, Gate.SLOC_GROWTH).verdict()).isEqualTo(GateVerdict.NOT_EVALUATED);
        assertThat(result(first, Gate.DESIGN_COVERED_BY_CODE).value()).contains(100.0);
        // the first release has nothing to compare its growth with: that gate is not a pass
        assertThat(first.report().passed()).isFalse();
        assertThat(first.report().reasons()).anySatisfy(r -> assertThat(r).contains("SLOC_GROWTH not evaluated"));

        ReadinessService.Evaluation second = readiness.evaluate(request("RELEASE-2.0"), EvidenceService.Progress.NONE);
        assertThat(second.previousRef()).contains("RELEASE-1.0");
        // fa.c grows from 2 to 4 code lines: make cloc 9 + 2 -> 9 + 4 = 11 -> 13, +18.2 %
        GateResult growth = result(second, Gate.SLOC_GROWTH);
        assertThat(growth.verdict()).isEqualTo(GateVerdict.FAILED);
        assertThat(growth.value().orElseThrow()).isCloseTo(100.0 * 2 / 11, org.assertj.core.data.Offset.offset(0.01));
        // dsn~limit~1 is new and implemented nowhere: 1 of 2 covered, and uncovered (not a defect: nothing is wrong
        // with its links, there are none), which fails the release as it fails `fusa trace`
        assertThat(result(first, Gate.UNCOVERED_REQUIREMENTS).verdict()).isEqualTo(GateVerdict.PASSED);
        assertThat(result(second, Gate.DESIGN_COVERED_BY_CODE).value()).contains(50.0);
        assertThat(result(second, Gate.UNCOVERED_REQUIREMENTS).verdict()).isEqualTo(GateVerdict.FAILED);
        assertThat(result(second, Gate.UNCOVERED_REQUIREMENTS).value()).contains(1.0);
        assertThat(result(second, Gate.TRACE_DEFECTS).value()).contains(0.0);
        var comparison = second.report().comparison().orElseThrow();
        assertThat(comparison.requirementsAdded()).containsExactly("dsn~limit~1");
        assertThat(comparison.directories()).anySatisfy(d -> {
            assertThat(d.path()).isEqualTo("xen/common");
            assertThat(d.codeDelta()).isEqualTo(2);
        });

        ExportSession web = ExportFixture.login(port, Role.VIEWER);
        String page = web.get("/readiness?repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&c=" + config.getId())
                .body();
        assertThat(page).contains("NOT READY").contains("id=\"not-ready-reasons\"")
                .contains("id=\"previous-ref\">RELEASE-1.0<").contains("dsn~limit~1")
                .contains("sloc-growth-max-percent").doesNotContain("id=\"download-docx\"");
        String history = web.get("/readiness/history?repositoryId=" + repository.getId() + "&c=" + config.getId()).body();
        assertThat(history).contains("history-chart").contains("RELEASE-1.0").contains("RELEASE-2.0");

        ExportSession assessor = ExportFixture.login(port, Role.ASSESSOR);
        String form = "repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&c=" + config.getId();
        String releasePage = "/readiness?" + form;
        long exportsBefore = exportJobs.count();
        // a GET (a crawler, a prefetching browser) creates nothing
        assertThat(assessor.get("/readiness/download?" + form + "&format=docx").statusCode()).isEqualTo(405);
        assertThat(exportJobs.count()).isEqualTo(exportsBefore);
        assertThat(assessor.get(releasePage).body()).contains("id=\"download-form\"").contains("name=\"_csrf\"");
        HttpResponse<String> toDocx = assessor.post("/readiness/download", form + "&format=docx", releasePage);
        assertThat(toDocx.statusCode()).isEqualTo(302);
        byte[] docx = assessor.bytes(toDocx.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder all = new StringBuilder();
            d.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
            d.getTables().forEach(t -> all.append(t.getText()).append('\n'));
            assertThat(all).contains("RELEASE-2.0").contains("RELEASE-1.0")
                    .contains("make-cloc code growth against the previous release").containsPattern("Generated \\(UTC\\): \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\n");
        }
        HttpResponse<String> toXlsx = assessor.post("/readiness/download", form + "&format=xlsx", releasePage);
        byte[] xlsx = assessor.bytes(toXlsx.headers().firstValue("Location").orElseThrow()
                .replaceFirst("^https?://[^/]+", "")).body();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            StringBuilder all = new StringBuilder();
            wb.forEach(s -> s.forEach(r -> r.forEach(c -> all.append(c).append('\t'))));
            assertThat(all).contains("FAILED").contains("Trace defects").contains("18.18");
        }
    }

    @Test
    void gateFileErrorsNameTheLineAndOnlyAdminEdits() throws Exception {
        assertThatThrownBy(() -> readiness.update("all:\n  suspect-links-max: 0\n  no-such-gate: 3\n"))
                .isInstanceOf(GateFileException.class).hasMessageContaining(":3:").hasMessageContaining("no-such-gate");
        assertThatThrownBy(() -> readiness.update("all:\n  untraced-sloc-max: lots\n"))
                .isInstanceOf(GateFileException.class).hasMessageContaining(":2:").hasMessageContaining("whole number");
        assertThat(readiness.gateText()).isEqualTo(gatesBefore);

        ExportSession admin = ExportFixture.login(port, Role.ADMIN);
        HttpResponse<String> bad = admin.post("/readiness/gates", "text=" + ExportSession.enc(
                "all:\n  suspect-links-max: 0\n  trace-defects-max: -1\n"), "/readiness/gates");
        assertThat(bad.statusCode()).isEqualTo(302);
        String page = admin.get("/readiness/gates").body();
        assertThat(page).contains("readiness-gates.yaml:3:").contains("line 3:").contains("trace-defects-max: -1");
        int revisions = readiness.history().size();
        admin.post("/readiness/gates", "text=" + ExportSession.enc("all:\n  suspect-links-max: 2\n"), "/readiness/gates");
        assertThat(readiness.gateText()).isEqualTo("all:\n  suspect-links-max: 2\n");
        assertThat(readiness.history()).hasSize(revisions + 1).first()
                .satisfies(c -> assertThat(c.who()).isEqualTo("export-admin"));

        ExportSession engineer = ExportFixture.login(port, Role.ENGINEER);
        assertThat(engineer.get("/readiness/gates").body()).doesNotContain("id=\"gates-form\"").contains("gates-view");
        assertThat(engineer.post("/readiness/gates", "text=all%3A%0A", "/exports").statusCode()).isEqualTo(403);
        assertThat(readiness.gateText()).isEqualTo("all:\n  suspect-links-max: 2\n");
    }
}
