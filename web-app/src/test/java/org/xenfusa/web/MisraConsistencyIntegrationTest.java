package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.exports.model.AttachedFile;
import org.xenfusa.exports.model.AttachmentKind;
import org.xenfusa.exports.model.MisraFigures;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.misra.MisraReport;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.misra.MisraService;

/**
 * One question, one answer: for one snapshot and configuration with uploaded findings, the MISRA figures of the
 * configuration's MISRA C page (the service's report) are those of the web's evidence (which the DOCX, XLSX and
 * readiness render), and the evidence carries the uploaded file and Xen's records. A file that cannot be read stores
 * nothing.
 */
@IntegrationTest
class MisraConsistencyIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurations;
    @Autowired MisraService misra;
    @Autowired EvidenceService evidence;

    @org.springframework.boot.test.web.server.LocalServerPort int port;

    @Test
    void thePageAndTheEvidenceGiveTheSameFigures() throws Exception {
        TraceFixture fixture = new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
        Snapshot s;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            Map<String, String> tree = TraceFixture.tree(1, TraceFixture.FA_C);
            tree.put("xen/common/fa.c", "/* feature A */\n/* SAF-0-safe asm only */\nint fa;\n");
            tree.put("xen/common/unused.c", "int unused;\n");
            tree.put("docs/misra/rules.rst", MisraBrowserTest.RULES);
            tree.put("docs/misra/safe.json", MisraBrowserTest.SAFE);
            repo.commit("one", "RELEASE-1", tree);
            s = fixture.snapshot(fixture.registerAndIngest("misra-consistency", repo), "RELEASE-1");
        }
        SavedConfiguration cfg = configurations.create(new ConfigurationForm("misra-consistency-cfg",
                s.getRepository().getId(), "RELEASE-1", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");

        MisraService.Outcome refused = misra.importFindings(s.getId(), cfg.getId(), "broken.xml",
                "<results version=\"2\"><errors>\n<error id=\"x\">\n</results>".getBytes(StandardCharsets.UTF_8),
                "tester");
        assertThat(refused.stored()).isEmpty();
        assertThat(refused.problems()).singleElement().asString().startsWith("broken.xml:3: malformed XML");
        assertThat(misra.stored(s.getId(), cfg.getId())).isEmpty();

        MisraService.Outcome stored = misra.importFindings(s.getId(), cfg.getId(), "cppcheck.txt",
                MisraBrowserTest.FINDINGS.getBytes(StandardCharsets.UTF_8), "tester");
        assertThat(stored.stored()).isPresent();
        MisraReport page = misra.report(s.getId(), cfg.getId());
        assertThat(page.violations()).isEqualTo(4);
        // the page of the only release ingested: its figures, and no comparison offered with nothing to compare
        String html = WebSession.login(port, "admin", "test-admin-password")
                .get("/misra/" + s.getId() + "?configuration=" + cfg.getId()).body();
        assertThat(html).contains("id=\"no-other-release\"").doesNotContain("id=\"base-form\"");

        ReleaseEvidence ev = evidence.evidence(new EvidenceRequest(s.getRepository().getId(), "RELEASE-1",
                List.of(cfg.getId()), List.of(), "", Instant.parse("2026-01-01T00:00:00Z")), Optional.empty(),
                EvidenceService.Progress.NONE);
        MisraFigures m = ev.misra("misra-consistency-cfg").orElseThrow();
        assertThat(m.violations()).isEqualTo(page.violations());
        assertThat(m.justified()).isEqualTo(page.justified());
        assertThat(m.outside()).isEqualTo(page.outside());
        assertThat(m.guidelines()).extracting(MisraFigures.Guideline::id, MisraFigures.Guideline::violations,
                MisraFigures.Guideline::share).containsExactlyElementsOf(page.guidelines().stream()
                        .map(g -> org.assertj.core.groups.Tuple.tuple(g.id().toString(), g.violations(), g.share()))
                        .toList());
        assertThat(m.checks()).extracting(MisraFigures.Check::detail)
                .containsExactlyElementsOf(page.gates().stream().map(MisraReport.MisraGateCheck::detail).toList());
        assertThat(ev.attachments()).extracting(AttachedFile::kind, AttachedFile::name).contains(
                org.assertj.core.groups.Tuple.tuple(AttachmentKind.MISRA_FINDINGS, "misra-consistency-cfg/"
                        + stored.stored().get().id() + "-cppcheck.txt"),
                org.assertj.core.groups.Tuple.tuple(AttachmentKind.MISRA_RECORDS, "docs/misra/rules.rst"));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(AssessorWorkbook.write(ev)))) {
            XSSFSheet sheet = wb.getSheet("MISRA C");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Rule 15.6");
            assertThat(sheet.getRow(2).getCell(5).getNumericCellValue()).isEqualTo(3.0);
        }
    }
}
