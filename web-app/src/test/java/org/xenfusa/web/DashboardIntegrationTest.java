package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.SavedConfigurationRepository;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.AppUserRepository;
import org.xenfusa.sloc.config.ConfigurationReport;
import org.xenfusa.sloc.config.DirectoryFigures;
import org.xenfusa.sloc.effort.DesignAssuranceLevel;
import org.xenfusa.sloc.effort.EffortEstimate;
import org.xenfusa.sloc.effort.EffortModel;
import org.xenfusa.web.analysis.AnalysisKind;
import org.xenfusa.web.analysis.AnalysisResultStore;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.analysis.TrackedConfigurations;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.effort.EffortModels;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.model.ingest.IngestJobRepository;

/**
 * The home page: the FuSa SIG dashboard of the newest release, read by a VIEWER from stored results only; its empty
 * states; a result not stored yet shown with its state at once, and a failed one with its reason.
 */
// [utest->dsn~sig-dashboard~1]
@IntegrationTest
class DashboardIntegrationTest {
    static SyntheticRepository repo;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;
    @Autowired ConfigurationService configurationService;
    @Autowired SavedConfigurationRepository configurations;
    @Autowired ConfigurationReports reports;
    @Autowired EffortModels effort;
    @Autowired com.github.kagkarlsson.scheduler.SchedulerClient scheduler;
    @Autowired TrackedConfigurations tracking;
    @Autowired AnalysisResults results;
    @Autowired AnalysisResultStore store;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

    @BeforeAll
    static void build() throws Exception {
        repo = DashboardFixture.repository("fusa-dashboard");
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    private TraceFixture fixture() {
        return new TraceFixture(registrar, ingest, jobs, snapshots, users, encoder);
    }

    private static String n(long v) {
        return String.format(Locale.US, "%,d", v);
    }

    private static String figures(DirectoryFigures d) {
        return n(d.makeCloc().code()) + " / " + n(d.withHeaders().code()) + " / " + n(d.activeLines().code());
    }

    @Test
    void aViewerSeesTheNewestReleaseFromStoredResults() throws Exception {
        DashboardFixture.viewer(users, encoder);
        SourceRepository r = fixture().registerAndIngest("dash-repo", repo);
        SavedConfiguration saved = configurationService.create(new ConfigurationForm("dash-x86-defconfig", r.getId(),
                "RELEASE-1.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        tracking.track(saved.getId(), true);
        DashboardFixture.settled(results, r);

        WebSession viewer = WebSession.login(port, DashboardFixture.VIEWER, DashboardFixture.PASSWORD);
        String page = viewer.get("/?repositoryId=" + r.getId()).body();
        DashboardFixture.settled(results, r); // the page queued nothing new: every result was stored
        Snapshot newest = fixture().snapshot(r, "RELEASE-1.2");
        assertThat(page).contains("id=\"dash-release\">dash-repo RELEASE-1.2<").contains("compared with <span>RELEASE-1.1");
        // the .config changes since the previous release: that release against this one (it compared this one with
        // itself, the configuration's own ref being the newest)
        String compare = "/configurations/compare?a=" + saved.getId() + "&amp;from=RELEASE-1.1&amp;ref=RELEASE-1.2";
        assertThat(page).contains(compare).contains("its .config at RELEASE-1.1 against RELEASE-1.2");
        assertThat(viewer.get(compare.replace("&amp;", "&")).body()).containsPattern(
                "at <span class=\"mono\">RELEASE-1.1</span>\\s+against <strong>dash-x86-defconfig</strong> at"
                        + " <span class=\"mono\">RELEASE-1.2</span>");

        // the slide table: the figures the configuration's SLOC page shows, per directory and in total, with units
        ConfigurationReport report = reports.report(configurations.findById(saved.getId()).orElseThrow(),
                newest.getCommitSha(), List.of());
        for (DirectoryFigures d : report.directories()) {
            assertThat(page).contains(">" + d.directory() + "<").contains(">" + figures(d) + "<");
        }
        assertThat(page).contains(">" + n(report.makeCloc().code()) + " / " + n(report.withHeaders().code()) + " / "
                + n(report.activeLines().code()) + "<").contains("code lines: make-cloc / with headers / active");
        assertThat(page).contains("/configurations/" + saved.getId() + "/sloc?ref=" + newest.getCommitSha());
        // effort per level in hours and person-years, from the effort model
        EffortModel m = effort.current();
        EffortEstimate dalA = m.estimate(DesignAssuranceLevel.DAL_A, m.slocOf(report));
        assertThat(page).contains(n(Math.round(dalA.hours())) + " h · "
                + String.format(Locale.US, "%.1f", dalA.personYears()) + " PY").contains("href=\"/effort\"");

        // readiness with every gate and the reason of each gate not passed; traceability; changes; trends; jobs
        Map<AnalysisKind, AnalysisResults.View> stored = results.current(newest,
                snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()),
                List.of(configurations.findById(saved.getId()).orElseThrow())).get(saved.getId());
        var readiness = stored.get(AnalysisKind.READINESS).readiness();
        assertThat(page).contains(readiness.ready() ? ">READY<" : ">NOT READY<");
        readiness.gates().forEach(g -> {
            assertThat(page).contains(g.description());
            if (!g.verdict().equals("PASSED")) {
                assertThat(page).contains(org.springframework.web.util.HtmlUtils.htmlEscape(g.detail()));
            }
        });
        assertThat(readiness.gates()).anyMatch(g -> g.verdict().equals("NOT_EVALUATED"));
        assertThat(page).contains(">not evaluated<");
        var trace = stored.get(AnalysisKind.TRACE).trace();
        assertThat(trace.requirements()).isEqualTo(3);
        assertThat(page).contains(">" + n(trace.untracedCode()) + " of " + n(trace.compiledCode()) + "<")
                .contains("/trace/" + newest.getId() + "/untraced?configuration=" + saved.getId())
                .contains("/trace/" + newest.getId() + "/suspect?against=");
        assertThat(page).contains("<th>Requirements</th>");
        for (String verdict : List.of("covered", "uncovered", "not applicable")) {
            assertThat(page).contains("<td>" + verdict + "</td>");
        }
        assertThat(page).contains("Since <span>RELEASE-1.1</span>").contains("+2 make-cloc code lines")
                .contains("xen/arch/x86");
        String trend = page.substring(page.indexOf("id=\"dash-trend\""));
        assertThat(trend.indexOf("RELEASE-0.9")).isLessThan(trend.indexOf("RELEASE-1.0"));
        assertThat(trend.indexOf("RELEASE-1.0")).isLessThan(trend.indexOf("RELEASE-1.1"));
        assertThat(trend.indexOf("RELEASE-1.1")).isLessThan(trend.indexOf("RELEASE-1.2"));
        assertThat(page).contains("id=\"analysis-jobs\"").contains(" dash-x86-defconfig @ RELEASE-");
        // a viewer may not ask for a computation
        assertThat(page).doesNotContain("id=\"recompute\"");

        // an older release by name; a failed result says why (no Kconfig before Xen 4.7)
        String old = viewer.get("/?repositoryId=" + r.getId() + "&ref=RELEASE-0.9").body();
        DashboardFixture.settled(results, r);
        old = viewer.get("/?repositoryId=" + r.getId() + "&ref=RELEASE-0.9").body();
        assertThat(old).contains("failed: ").contains("result(s) failed").contains("This is the oldest ingested release");
        assertThat(viewer.get("/?repositoryId=" + r.getId() + "&ref=RELEASE-7.7").statusCode()).isEqualTo(404);
        // a failed result is not tried again by every ingest, only when asked for ("Compute again", not by a VIEWER)
        Snapshot oldest = fixture().snapshot(r, "RELEASE-0.9");
        assertThat(results.queueRepository(r.getId())).isZero();
        assertThat(viewer.post("/dashboard/recompute", "snapshotId=" + oldest.getId(), "/").statusCode())
                .isEqualTo(403);
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        assertThat(admin.get("/?repositoryId=" + r.getId() + "&ref=RELEASE-0.9").body()).contains("id=\"recompute\"");
        assertThat(admin.post("/dashboard/recompute", "snapshotId=" + oldest.getId(), "/").statusCode()).isEqualTo(302);
        assertThat(admin.get("/?repositoryId=" + r.getId() + "&ref=RELEASE-0.9").body())
                .contains("result(s) of RELEASE-0.9 queued again");
        DashboardFixture.settled(results, r);
        assertThat(results.rows(oldest.getId(), List.of(saved.getId())))
                .allSatisfy(row -> assertThat(row.failure()).contains("with Kconfig from 4.7"));
        HttpResponse<String> progress = viewer.get("/dashboard/progress?snapshotId=" + newest.getId());
        assertThat(progress.body()).contains("\"pending\":0").contains("\"done\":" + org.xenfusa.web.analysis.AnalysisKind.values().length);

        // the repository list stays reachable
        assertThat(viewer.get("/repositories").body()).contains("dash-repo").contains("id=\"nav-repositories\"");
    }

    /** A repository of its own, a configuration, and two SLOC results queued by hand with no job to run them. */
    private record QueuedByHand(SourceRepository repository, SavedConfiguration saved, long newest, long older) {
    }

    /**
     * Registers and ingests a repository named {@code name}, creates a configuration of it ({@code tracked} without
     * queueing anything) and, with no analysis job of an earlier test left waiting (a job takes whichever queued row
     * comes first), queues two SLOC results by hand with no job: the older release first, but lower in the queue's
     * order (priority 8 against 10).
     */
    private QueuedByHand queuedByHand(String name, boolean tracked) throws Exception {
        SyntheticRepository other = DashboardFixture.repository("fusa-" + name);
        SourceRepository r;
        try {
            r = fixture().registerAndIngest(name + "-repo", other);
        } finally {
            other.close();
        }
        SavedConfiguration saved = configurationService.create(new ConfigurationForm(name + "-cfg", r.getId(),
                "RELEASE-1.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        if (tracked) {
            saved.setTracked(true);
            configurations.saveAndFlush(saved);
        }
        Snapshot newest = fixture().snapshot(r, "RELEASE-1.2");
        Snapshot older = fixture().snapshot(r, "RELEASE-1.0");
        DashboardFixture.noAnalysisJobWaiting(scheduler);
        long olderId = store.queue(older.getId(), saved.getId(), AnalysisKind.SLOC, results.engineVersion(),
                "never run", false, 8).orElseThrow();
        long id = store.queue(newest.getId(), saved.getId(), AnalysisKind.SLOC, results.engineVersion(), "never run",
                false, 10).orElseThrow();
        return new QueuedByHand(r, saved, id, olderId);
    }

    @Test
    void aResultNotStoredYetShowsItsStateAtOnce() throws Exception {
        DashboardFixture.viewer(users, encoder);
        // tracked without queueing, then results queued with no worker to run them: the page must not wait for them
        QueuedByHand q = queuedByHand("dash-pending", true);
        SourceRepository r = q.repository();
        SavedConfiguration saved = q.saved();
        long id = q.newest();
        long olderId = q.older();
        Snapshot newest = fixture().snapshot(r, "RELEASE-1.2");
        try {
            assertThat(store.queuePositions(r.getId(), results.engineVersion(), List.of(id, olderId)))
                    .isEqualTo(Map.of(id, 1, olderId, 2));
            assertThat(results.active(r.getId(), 1)).extracting(AnalysisResultStore.Row::id).containsExactly(id);
            assertThat(results.queuedWithoutJobs()).isEqualTo(2);
            WebSession viewer = WebSession.login(port, DashboardFixture.VIEWER, DashboardFixture.PASSWORD);
            String page = viewer.get("/?repositoryId=" + r.getId()).body();
            // the page queued the missing results (with their jobs) and answers at once with what is pending
            assertThat(page).contains("result(s) being computed: this page updates itself")
                    .contains("data-progress=\"/dashboard/progress?snapshotId=" + newest.getId() + "\"");
            // the progress the page polls counts those results (the jobs may have finished some or all by now)
            java.util.regex.Matcher progress = java.util.regex.Pattern.compile(
                    "\"pending\":(\\d+),\"done\":(\\d+),\"failed\":(\\d+)")
                    .matcher(viewer.get("/dashboard/progress?snapshotId=" + newest.getId()).body());
            assertThat(progress.find()).isTrue();
            assertThat(Integer.parseInt(progress.group(1)) + Integer.parseInt(progress.group(2))
                    + Integer.parseInt(progress.group(3))).as("pending + done + failed").isPositive();
        } finally {
            saved.setTracked(false);
            configurations.saveAndFlush(saved);
            // the two rows queued by hand get their jobs from the queue check, and every result ends
            assertThat(results.topUp()).isGreaterThanOrEqualTo(0);
            DashboardFixture.settled(results, r);
        }
    }

    @Test
    void aJobTakesTheNewestReleaseFirstAndAJobWhoseWorkerDiedFailsItsResult() throws Exception {
        QueuedByHand q = queuedByHand("dash-order", false);
        SourceRepository r = q.repository();
        long id = q.newest();
        long olderId = q.older();
        // queued last, taken first
        assertThat(store.claimNext("test-worker").orElseThrow().id()).isEqualTo(id);
        results.workerDied("test-worker");
        assertThat(store.find(id).orElseThrow().state().name()).isEqualTo("FAILED");
        assertThat(store.find(id).orElseThrow().failure()).contains("The worker stopped");
        // the row left without a job gets one from the queue check, which computes it
        assertThat(results.queuedWithoutJobs()).isEqualTo(1);
        assertThat(results.topUp()).isEqualTo(1);
        DashboardFixture.settled(results, r);
        assertThat(store.find(olderId).orElseThrow().state().name()).isEqualTo("DONE");
    }

    @Test
    void onlyAnAdminTracksAConfigurationAndTheChangeIsAudited() throws Exception {
        SyntheticRepository other = DashboardFixture.repository("fusa-dashboard-tracking");
        SourceRepository r;
        try {
            r = fixture().registerAndIngest("dash-tracking-repo", other);
        } finally {
            other.close();
        }
        SavedConfiguration saved = configurationService.create(new ConfigurationForm("dash-tracked-by-admin", r.getId(),
                "RELEASE-1.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        WebSession engineer = WebSession.login(port, TraceFixture.ENGINEER, TraceFixture.PASSWORD);
        assertThat(engineer.post("/configurations/" + saved.getId() + "/tracked", "tracked=true",
                "/configurations/" + saved.getId()).statusCode()).isEqualTo(403);
        assertThat(engineer.get("/configurations/" + saved.getId()).body()).doesNotContain("id=\"tracked-form\"");
        assertThat(configurations.findById(saved.getId()).orElseThrow().isTracked()).isFalse();

        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        assertThat(admin.post("/configurations/" + saved.getId() + "/tracked", "tracked=true",
                "/configurations/" + saved.getId()).statusCode()).isEqualTo(302);
        assertThat(configurations.findById(saved.getId()).orElseThrow().isTracked()).isTrue();
        assertThat(admin.get("/configurations/" + saved.getId()).body()).contains("Tracked by the FuSa SIG")
                .contains("Stop tracking");
        assertThat(jdbc.queryForObject("select count(*) from saved_configuration_aud where id = ? and tracked",
                Long.class, saved.getId())).isEqualTo(1L);
        // tracking queued its results for every release: they are computed and the dashboard shows them
        DashboardFixture.settled(results, r);
        assertThat(admin.get("/?repositoryId=" + r.getId()).body()).contains("id=\"slide-table\"")
                .contains("dash-tracked-by-admin");
        admin.post("/configurations/" + saved.getId() + "/tracked", "tracked=false", "/configurations/" + saved.getId());
        assertThat(configurations.findById(saved.getId()).orElseThrow().isTracked()).isFalse();
        assertThat(admin.get("/?repositoryId=" + r.getId()).body()).contains("No configuration tracked yet.");
    }

    @Test
    void emptyStatesSayWhatToDoNext() throws Exception {
        DashboardFixture.viewer(users, encoder);
        WebSession viewer = WebSession.login(port, DashboardFixture.VIEWER, DashboardFixture.PASSWORD);
        SyntheticRepository bare = TraceFixture.newRepository();
        try {
            bare.commit("one", "RELEASE-1.0", TraceFixture.tree(1, TraceFixture.FA_C));
            SyntheticRepository empty = TraceFixture.newRepository();
            empty.commit("one", "RELEASE-1.0", TraceFixture.tree(1, TraceFixture.FA_C));
            SourceRepository notIngested = registrar.register("dash-empty-repo", empty.dir().toString(), "tester");
            empty.close();
            assertThat(viewer.get("/?repositoryId=" + notIngested.getId()).body()).contains("id=\"empty-releases\"")
                    .contains("href=\"/repositories/" + notIngested.getId() + "\"");

            bare.commit("two", "RELEASE-1.1", java.util.Map.of("xen/common/more.c", SyntheticRepository.cFile("m", 2)));
            SourceRepository untracked = fixture().registerAndIngest("dash-untracked-repo", bare);
            String page = viewer.get("/?repositoryId=" + untracked.getId()).body();
            assertThat(page).contains("No configuration tracked yet.").contains("href=\"/configurations\"")
                    .doesNotContain("id=\"slide-table\"");
            assertThat(viewer.get("/?repositoryId=987654").statusCode()).isEqualTo(404);
        } finally {
            bare.close();
        }
    }
}
