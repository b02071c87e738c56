package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.trace.LinkState;
import org.xenfusa.model.trace.TraceLink;
import org.xenfusa.model.trace.TraceLinkRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.trace.link.LinkFileReader;
import org.xenfusa.trace.link.LinkSet;
import org.xenfusa.trace.report.LinkView;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.trace.LinkService;
import org.xenfusa.web.trace.RequirementService;
import org.xenfusa.web.trace.TraceService;

/**
 * Independent review of a link: not by its author (a message on the page, not an error page), only with a comment,
 * and a record (author, reviewer, times, comment, the function's hash) that the page, the link file and the trace's
 * link views carry.
 */
// [utest->dsn~link-review~1] [utest->err~verdict-rule-wrong~1]
@IntegrationTest
class LinkReviewIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired TraceService traces;
    @Autowired RequirementService requirements;
    @Autowired LinkService links;
    @Autowired TraceLinkRepository stored;
    @Autowired org.xenfusa.web.config.ConfigurationService configurations;
    @Autowired org.xenfusa.web.impact.ImpactService impact;
    @Autowired org.xenfusa.web.exports.ExportService exports;
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

    @Test
    void aReviewIsByAnotherEngineerWithACommentAndItsRecordIsShownExportedAndTraced() throws Exception {
        Snapshot s = ingested("review-record", TraceFixture.tree(1, TraceFixture.FA_C));
        requirements.importSnapshot(s.getId(), TraceFixture.ENGINEER);
        TraceLink link = links.linkFunction(s.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_start",
                Optional.empty(), TraceFixture.ENGINEER);
        String page = "/trace/" + s.getId() + "/items/XenSwdgn~fa_start~1";
        String review = "/trace/" + s.getId() + "/links/" + link.getId() + "/review";
        String back = "back=" + WebSession.enc(page);

        // its author: refused with a message on the requirement page, not an error page
        WebSession author = WebSession.login(port, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        HttpResponse<String> self = author.post(review, back + "&comment=" + WebSession.enc("looks right to me"), page);
        assertThat(self.statusCode()).isEqualTo(302);
        assertThat(self.headers().firstValue("Location").orElseThrow()).endsWith(page);
        HttpResponse<String> shown = author.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("id=\"flash-error\"").contains("Not reviewed: a link is reviewed by another"
                + " engineer than its author");
        assertThat(stored.findById(link.getId()).orElseThrow().getState()).isEqualTo(LinkState.DRAFT);

        // another engineer without a comment: refused with a message
        WebSession reviewer = WebSession.login(port, TraceFixture.REVIEWER, TraceFixture.PASSWORD);
        HttpResponse<String> blank = reviewer.post(review, back + "&comment=" + WebSession.enc("   "), page);
        assertThat(blank.statusCode()).isEqualTo(302);
        assertThat(reviewer.get(page).body()).contains("Not reviewed: a review needs a comment");
        assertThatThrownBy(() -> links.review(link.getId(), s.getId(), TraceFixture.REVIEWER, "x".repeat(2001)))
                .hasMessageContaining("at most 2000");
        assertThat(stored.findById(link.getId()).orElseThrow().getState()).isEqualTo(LinkState.DRAFT);

        // with a comment: reviewed, and the record is kept
        String comment = "fa_start sets fa as the design asks <checked>";
        assertThat(reviewer.post(review, back + "&comment=" + WebSession.enc(comment), page).statusCode()).isEqualTo(302);
        TraceLink done = stored.findById(link.getId()).orElseThrow();
        assertThat(done.getState()).isEqualTo(LinkState.REVIEWED);
        assertThat(done.getAuthor()).isEqualTo(TraceFixture.ENGINEER);
        assertThat(done.getReviewer()).contains(TraceFixture.REVIEWER);
        assertThat(done.getReviewComment()).contains(comment);
        assertThat(done.getReviewedAt()).isPresent();
        assertThat(done.getReviewedAt().get()).isAfterOrEqualTo(done.getCreatedAt());
        assertThat(done.getReviewedHash()).hasValueSatisfying(h -> assertThat(h).startsWith("sha256:"));

        String body = reviewer.get(page).body();
        assertThat(body).contains("Reviewed by " + TraceFixture.REVIEWER + " at "
                + done.getReviewedAt().get().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
                .contains("by " + TraceFixture.ENGINEER + " at ")
                .contains("fa_start sets fa as the design asks &lt;checked&gt;");

        // the trace's link view (what every document lists) carries the record
        var trace = traces.trace(s.getId());
        LinkView view = trace.linked().links(trace.items("XenSwdgn~fa_start~1").get(0)).get(0);
        assertThat(view.reviewer()).contains(TraceFixture.REVIEWER);
        assertThat(view.reviewComment()).contains(comment);
        assertThat(view.reviewedAt()).isEqualTo(done.getReviewedAt());
        assertThat(view.reviewLabel()).startsWith("reviewed by " + TraceFixture.REVIEWER + " at ");

        // and the link file: written with it, read back with it
        String file = links.export(s.getRepository().getId());
        assertThat(file).contains("reviewer: \"" + TraceFixture.REVIEWER + "\"", "reviewed-at: ", "review-comment: ");
        LinkSet back2 = LinkFileReader.read("fusa-links.yaml", file.getBytes(StandardCharsets.UTF_8));
        assertThat(back2.problems()).isEmpty();
        assertThat(back2.code()).singleElement().satisfies(c -> {
            assertThat(c.reviewComment()).contains(comment);
            assertThat(c.reviewedAt()).isEqualTo(done.getReviewedAt());
        });
    }

    @Test
    void theImpactPageListsTheChangedFunctionItsRequirementAndTest() throws Exception {
        org.xenfusa.model.source.SourceRepository r;
        try (SyntheticRepository repo = TraceFixture.newRepository()) {
            repo.commit("one", "RELEASE-1", TraceFixture.tree(1, TraceFixture.FA_C));
            repo.commit("two", "RELEASE-2", Map.of("xen/common/fa.c", TraceFixture.FA_C_CHANGED));
            r = fixture.registerAndIngest("impact-page", repo);
        }
        Snapshot one = fixture.snapshot(r, "RELEASE-1");
        requirements.importSnapshot(one.getId(), "admin");
        var saved = configurations.create(new org.xenfusa.web.config.ConfigurationForm("impact-cfg", r.getId(),
                "RELEASE-1", "x86_64", org.xenfusa.model.config.StartKind.DEFCONFIG, "", "", "", ""), "tester");
        TraceLink fa = links.linkFunction(one.getId(), "XenSwdgn~fa_start~1", "xen/common/fa.c", "fa_start",
                Optional.empty(), TraceFixture.ENGINEER);
        links.review(fa.getId(), one.getId(), TraceFixture.REVIEWER, "fa_start is the design");
        links.linkTest(one.getId(), "XenSwdgn~fa_start~1", "tests/fa.c", "fa.starts", TraceFixture.ENGINEER);

        var report = impact.impact(r.getId(), "RELEASE-1", "RELEASE-2", saved.getId());
        assertThat(report.functions()).extracting(f -> f.kind() + " " + f.anchor())
                .containsExactly("CHANGED xen/common/fa.c:fa_start");
        assertThat(report.directRequirements()).extracting(q -> q.id().toString()).containsExactly("XenSwdgn~fa_start~1");
        assertThat(report.tests()).extracting(t -> t.test().name()).containsExactly("fa.starts");
        assertThat(report.sloc()).isPresent();
        assertThat(report.effort()).hasSize(5);

        // the page: the newest release against the one before it, the first configuration, all preselected
        WebSession web = WebSession.login(port, TraceFixture.REVIEWER, TraceFixture.PASSWORD);
        HttpResponse<String> page = web.get("/repositories/" + r.getId() + "/impact");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<option value=\"RELEASE-1\" selected=\"selected\">")
                .contains("id=\"count-changed\">1<").contains("XenSwdgn~fa_start~1").contains("fa.starts")
                .contains("code changed: xen/common/fa.c:fa_start").contains(report.summary().replace("->", "-&gt;"));
        HttpResponse<String> bad = web.get("/repositories/" + r.getId() + "/impact?from=NOPE&to=RELEASE-2");
        assertThat(bad.statusCode()).isBetween(400, 499);
        assertThat(bad.body()).contains("is not an ingested ref of this repository");
        // the readiness report (DOCX) of RELEASE-2 has the same impact in its section on the previous release
        var job = exports.request(new org.xenfusa.web.exports.EvidenceService.EvidenceRequest(r.getId(), "RELEASE-2",
                java.util.List.of(saved.getId()), java.util.List.of(), "http://localhost", java.time.Instant.now()),
                org.xenfusa.model.exports.ExportFormat.READINESS_DOCX, Optional.empty(), "tester");
        assertThat(job.getState()).as(job.getMessage()).isEqualTo(org.xenfusa.model.exports.ExportState.SUCCEEDED);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(exports.file(job.getId()).orElseThrow()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("Change impact since the previous release",
                    "XenSwdgn~fa_start~1 (code changed: xen/common/fa.c:fa_start)", "fa.starts (tests/fa.c)");
        }
        // and so has the traceability report (DOCX) made with a previous release
        var docx = exports.request(new org.xenfusa.web.exports.EvidenceService.EvidenceRequest(r.getId(), "RELEASE-2",
                java.util.List.of(saved.getId()), java.util.List.of(), "http://localhost", java.time.Instant.now()),
                org.xenfusa.model.exports.ExportFormat.DOCX, Optional.of("RELEASE-1"), "tester");
        assertThat(docx.getState()).as(docx.getMessage()).isEqualTo(org.xenfusa.model.exports.ExportState.SUCCEEDED);
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(exports.file(docx.getId()).orElseThrow()))) {
            String text = String.join("\n", doc.getParagraphs().stream().map(p -> p.getText()).toList());
            assertThat(text).contains("Change impact since the previous release");
        }
        // the readiness page of RELEASE-2 has the impact of each configuration, linked to the impact page
        String readinessPage = web.get("/readiness?repositoryId=" + r.getId() + "&ref=RELEASE-2").body();
        assertThat(readinessPage).contains("id=\"impact-section\"").contains("id=\"impact-link\"")
                .contains("/repositories/" + r.getId() + "/impact?from=RELEASE-1&amp;to=RELEASE-2");
        // reachable from the trace pages
        assertThat(web.get("/trace/" + one.getId()).body()).contains("/repositories/" + r.getId() + "/impact?to=RELEASE-1");
    }
}
