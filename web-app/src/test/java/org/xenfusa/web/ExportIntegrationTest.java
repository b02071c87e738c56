package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.exports.evidence.EvidenceVerifier;
import org.xenfusa.exports.evidence.VerificationResult;
import org.xenfusa.exports.model.ConfigurationFigures;
import org.xenfusa.exports.model.LevelEffort;
import org.xenfusa.exports.model.ReleaseEvidence;
import org.xenfusa.exports.model.Sha256;
import org.xenfusa.trace.report.Verdict;
import org.xenfusa.exports.reqif.ReqifImport;
import org.xenfusa.exports.xlsx.AssessorWorkbook;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.exports.EvidenceService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * Exports through the real context and database: the evidence equals the configuration pages' figures, every
 * document read back with POI (or the ReqIF reader, or the evidence verifier) carries them, each export is recorded
 * with the SHA-256 of its file, and VIEWER can neither see the form nor export.
 */
// [utest->dsn~evidence-assembler~1] [utest->err~document-differs-from-data~1]
@IntegrationTest
class ExportIntegrationTest {
    private static final Pattern EXPORT_ID = Pattern.compile("/exports/(\\d+)/download");
    static SourceRepository repository;
    static SavedConfiguration all;
    static SavedConfiguration noA;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ConfigurationReports reports;
    @Autowired EffortModels effort;
    @Autowired EvidenceService evidence;
    @Autowired ExportJobRepository exports;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void fixture() throws Exception {
        ExportFixture.users(users, encoder);
        if (repository == null) {
            repository = ExportFixture.create("export-repo", registrar, ingest, ingestJobs);
            all = configurations.create(new ConfigurationForm("export-default", repository.getId(), "RELEASE-2.0", "x86_64",
                    StartKind.DEFCONFIG, "", "", "", ""), "tester");
            noA = configurations.create(new ConfigurationForm("export-no-a", repository.getId(), "RELEASE-2.0", "x86_64",
                    StartKind.DEFCONFIG, "", "CONFIG_FEATURE_A=n", "", ""), "tester");
        }
    }

    private ReleaseEvidence build() throws Exception {
        return evidence.evidence(new EvidenceRequest(repository.getId(), "RELEASE-2.0",
                List.of(all.getId(), noA.getId()), List.of(), "http://localhost:" + port, Instant.now()),
                Optional.empty(), EvidenceService.Progress.NONE);
    }

    @Test
    void evidenceEqualsTheFiguresOfTheConfigurationPages() throws Exception {
        ReleaseEvidence e = build();
        EffortModel model = effort.current();
        ExportSession web = ExportFixture.login(port, Role.VIEWER);
        for (SavedConfiguration saved : List.of(all, noA)) {
            ConfigurationReport report = reports.report(saved);
            ConfigurationFigures f = e.configuration(saved.getName()).orElseThrow();
            assertThat(f.configSha256()).isEqualTo(report.dotConfigSha256());
            assertThat(f.makeCloc().code()).isEqualTo(report.makeCloc().code());
            assertThat(f.withHeaders().code()).isEqualTo(report.withHeaders().code());
            assertThat(f.activeLines().code()).isEqualTo(report.activeLines().code());
            assertThat(f.directories()).hasSize(report.directories().size());
            for (var d : report.directories()) {
                assertThat(f.directories()).anySatisfy(x -> {
                    assertThat(x.directory()).isEqualTo(d.directory());
                    assertThat(x.makeCloc().code()).isEqualTo(d.makeCloc().code());
                    assertThat(x.activeLines().code()).isEqualTo(d.activeLines().code());
                });
            }
            // the file rows add up to the configuration's totals
            assertThat(f.files().stream().mapToLong(x -> x.makeCloc().code()).sum()).isEqualTo(report.makeCloc().code());
            assertThat(f.files().stream().mapToLong(x -> x.activeLines().code()).sum())
                    .isEqualTo(report.activeLines().code());
            EffortEstimate dalA = model.estimates(report).get(DesignAssuranceLevel.DAL_A);
            LevelEffort a = f.effort().stream().filter(l -> l.level().equals("DO-178C DAL A")).findFirst().orElseThrow();
            assertThat(a.hours()).isEqualTo(dalA.hours());
            assertThat(f.effort()).filteredOn(l -> l.level().contains("DAL B")).allMatch(LevelEffort::interpolated);
            // and the page shows the same total
            String page = web.get("/configurations/" + saved.getId() + "/sloc").body();
            assertThat(page).contains("id=\"make-cloc-code\">" + report.makeCloc().code() + "<");
        }
        assertThat(e.context().commit()).isEqualTo(reports.report(all).commit());
        assertThat(e.context().effortModel()).contains(model.description());
        assertThat(e.requirements()).filteredOn(r -> r.id().equals("dsn~feature-a~1")).singleElement().satisfies(r -> {
            assertThat(r.verdict("export-default")).isEqualTo(Verdict.COVERED);
            assertThat(r.verdict("export-no-a")).isEqualTo(Verdict.NOT_APPLICABLE);
            assertThat(r.codeAnchors()).containsExactly("xen/common/fa.c:1");
        });
        assertThat(e.attachments()).anySatisfy(a -> assertThat(a.text()).contains("coverage tags of").contains("code link(s) stored in the platform"));
    }

    private ExportJob exportAs(ExportSession web, ExportFormat format) throws Exception {
        HttpResponse<String> r = web.post("/exports", "repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&c="
                + all.getId() + "&c=" + noA.getId() + "&format=" + format, "/exports");
        assertThat(r.statusCode()).isEqualTo(302);
        Matcher m = EXPORT_ID.matcher(r.headers().firstValue("Location").orElse(""));
        assertThat(m.find()).as("redirect to the download, not " + r.headers().firstValue("Location")).isTrue();
        return exports.findById(Long.parseLong(m.group(1))).orElseThrow();
    }

    private byte[] download(ExportSession web, ExportJob job) throws Exception {
        HttpResponse<byte[]> r = web.bytes("/exports/" + job.getId() + "/download");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains(job.getFileName());
        // the record's SHA-256 is the downloaded file's
        assertThat(Sha256.hex(r.body())).isEqualTo(job.getSha256());
        assertThat((long) r.body().length).isEqualTo(job.getSizeBytes());
        return r.body();
    }

    @Test
    void documentsCarryTheFiguresAndEveryExportIsRecorded() throws Exception {
        ExportSession web = ExportFixture.login(port, Role.ASSESSOR);
        ReleaseEvidence e = build();
        ConfigurationReport report = reports.report(all);

        ExportJob xlsx = exportAs(web, ExportFormat.XLSX);
        assertThat(xlsx.getState()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(xlsx.getRequestedBy()).isEqualTo("export-assessor");
        assertThat(xlsx.getCommitSha()).isEqualTo(report.commit());
        assertThat(xlsx.getInputs()).contains("export-default").contains("export-no-a");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(web, xlsx)))) {
            Sheet s = wb.getSheet(AssessorWorkbook.directorySheet(e, "export-default"));
            int code = column(s, "make cloc: code");
            Map<String, Long> rows = new HashMap<>();
            for (Row r : s) {
                if (r.getRowNum() > 0 && r.getCell(code) != null && r.getCell(code).getCellType() == CellType.NUMERIC) {
                    rows.put(r.getCell(0).getStringCellValue(), (long) r.getCell(code).getNumericCellValue());
                }
            }
            report.directories().forEach(d -> assertThat(rows).containsEntry(d.directory(), d.makeCloc().code()));
            String about = text(wb.getSheetAt(0));
            assertThat(about).contains(report.commit()).contains(report.dotConfigSha256()).contains("RELEASE-2.0")
                    .contains("fusa 0.1.0");
        }

        ExportJob docx = exportAs(web, ExportFormat.DOCX);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(download(web, docx)))) {
            StringBuilder all = new StringBuilder();
            d.getParagraphs().forEach(p -> all.append(p.getText()).append('\n'));
            d.getTables().forEach(t -> all.append(t.getText()).append('\n'));
            // the report lists defects by id: dsn~limit~1 has no implementation in either configuration
            assertThat(all).contains(report.commit()).contains(report.dotConfigSha256()).contains("export-no-a")
                    .contains("dsn~limit~1");
            assertThat(all.toString()).containsPattern("\\b" + report.makeCloc().code() + "\\b");
        }

        ExportJob reqif = exportAs(web, ExportFormat.REQIF);
        assertThat(ReqifImport.read(new ByteArrayInputStream(download(web, reqif)), "export.reqif").requirements())
                .hasSize(e.requirements().size());

        String page = web.get("/exports").body();
        assertThat(page).contains("id=\"export-form\"").contains(xlsx.getSha256()).contains(docx.getFileName());
    }

    @Test
    void evidencePackageRunsAsAJobAndVerifies() throws Exception {
        ExportSession web = ExportFixture.login(port, Role.ENGINEER);
        HttpResponse<String> r = web.post("/exports", "repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&c="
                + all.getId() + "&format=EVIDENCE", "/exports");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/exports");
        ExportJob job = exports.findTop50ByOrderByCreatedAtDesc().stream()
                .filter(j -> j.getFormat() == ExportFormat.EVIDENCE).findFirst().orElseThrow();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && exports.findById(job.getId()).orElseThrow().getState().isActive()) {
            assertThat(web.get("/exports/" + job.getId() + "/progress").body()).contains("\"percent\"");
            Thread.sleep(100);
        }
        job = exports.findById(job.getId()).orElseThrow();
        assertThat(job.getState()).as(job.getMessage()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(web.get("/exports/" + job.getId() + "/progress").body()).contains("\"SUCCEEDED\"")
                .contains(job.getSha256());
        Path zip = Files.createTempFile("evidence", ".zip");
        Files.write(zip, download(web, job));
        VerificationResult ok = EvidenceVerifier.verify(zip);
        assertThat(ok.intactPackage()).isTrue();
        assertThat(ok.intact()).contains("documents/traceability-and-sloc.xlsx", "documents/readiness.docx",
                "inputs/configs/export-default.config", "inputs/other/trace-inputs.txt");
    }

    @Test
    void viewerCanNeitherSeeTheFormNorExport() throws Exception {
        ExportSession viewer = ExportFixture.login(port, Role.VIEWER);
        String page = viewer.get("/exports").body();
        assertThat(page).doesNotContain("id=\"export-form\"").contains("id=\"viewer-note\"");
        long before = exports.count();
        // the token of a page the viewer may see, so that only the role can refuse the request
        HttpResponse<String> r = viewer.post("/exports", "repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&c="
                + all.getId() + "&format=XLSX", "/exports");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(exports.count()).isEqualTo(before);
        ExportJob any = exportAs(ExportFixture.login(port, Role.ADMIN), ExportFormat.REQIF);
        assertThat(viewer.bytes("/exports/" + any.getId() + "/download").statusCode()).isEqualTo(403);
        assertThat(viewer.post("/readiness/download", "repositoryId=" + repository.getId() + "&ref=RELEASE-2.0&format=docx",
                "/exports").statusCode()).isEqualTo(403);
    }

    static int column(Sheet s, String header) {
        Row h = s.getRow(0);
        for (int i = 0; i < h.getLastCellNum(); i++) {
            if (h.getCell(i) != null && h.getCell(i).getStringCellValue().equalsIgnoreCase(header)) {
                return i;
            }
        }
        throw new AssertionError("no column '" + header + "' in " + s.getSheetName());
    }

    static String text(Sheet s) {
        StringBuilder b = new StringBuilder();
        s.forEach(r -> r.forEach(c -> b.append(c).append('\t')));
        return b.toString();
    }
}
