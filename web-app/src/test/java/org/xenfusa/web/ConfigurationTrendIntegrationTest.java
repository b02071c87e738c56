package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.sloc.xen.XenSupport;
import org.xenfusa.web.analysis.AnalysisResults;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * A configuration across tags, read from the stored analysis results: a release the engine does not support (the
 * Kconfig language before macros), a ref without Kconfig and a tag not ingested are gaps with their reason, never
 * figures (and never zeros); figures still being computed are said to be; the supported range is stated.
 */
@IntegrationTest
class ConfigurationTrendIntegrationTest {
    static SyntheticRepository repo;

    @Autowired RepositoryRegistrar registrar;
    @Autowired ConfigurationService service;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired ConfigurationReports reports;
    @Autowired AnalysisResults results;
    @LocalServerPort int port;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-trend"));
        repo.commit("no kconfig yet", "RELEASE-1.0", Map.of("xen/common/a.c", "int a;\n"));
        Map<String, String> old = new HashMap<>(SyntheticKconfig.FILES);
        old.putAll(SyntheticKconfig.BUILD);
        old.put("xen/Makefile", "export XEN_VERSION = 1\nexport XEN_SUBVERSION = 5\nexport XEN_EXTRAVERSION ?= .0\n"
                + "ALL_OBJS-y := common/built_in.o\n");
        old.put("xen/Kconfig", "mainmenu \"Old/$SRCARCH\"\n\nconfig SRCARCH\n\tstring\n\toption env=\"SRCARCH\"\n\n"
                + "source \"arch/$SRCARCH/Kconfig\"\n");
        repo.commit("old kconfig", "RELEASE-1.5", old);
        Map<String, String> current = new HashMap<>(SyntheticKconfig.FILES);
        current.putAll(SyntheticKconfig.BUILD);
        repo.commit("tree", "RELEASE-2.0", current);
    }

    @AfterAll
    static void close() {
        repo.close();
    }

    @Test
    void unsupportedAndEmptyReleasesAreGapsWithTheirReason() throws Exception {
        SourceRepository r = registrar.register("trend-gap-repo", repo.dir().toString(), "tester");
        SavedConfiguration saved = service.create(new ConfigurationForm("trend-default", r.getId(), "RELEASE-2.0", "x86_64",
                StartKind.DEFCONFIG, "", "", "", ""), "tester");
        var job = ingest.request(r.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
        awaitUntil(() -> !jobs.findById(job.getId()).orElseThrow().getState().isActive(), "the ingest");
        // a release tagged after the ingest: listed, with no figure until it is ingested
        repo.commit("later", "RELEASE-2.1", Map.of("xen/common/later.c", "int later;\n"));
        WebSession web = WebSession.login(port, "admin", "test-admin-password");
        String url = "/configurations/" + saved.getId() + "/trend";
        // the page computes nothing: the first visit queues the figures and says so
        assertThat(web.get(url).body()).contains("id=\"trend-pending\"");
        DashboardFixture.settled(results, r);
        String page = web.get(url).body();

        assertThat(page).doesNotContain("id=\"trend-pending\"")
                .contains("Figures are computed for <span>" + XenSupport.SUPPORTED_RANGE + "</span>");
        assertThat(row(page, "RELEASE-1.5")).contains("no figure").contains("unsupported Xen release: Xen 1.5.0")
                .contains("option env=&quot;SRCARCH&quot;").doesNotContain(">0<");
        assertThat(row(page, "RELEASE-1.0")).contains("no figure").contains("unsupported Xen release")
                .contains("with Kconfig from 4.7")
                .doesNotContain(">0<");
        assertThat(row(page, "RELEASE-2.0")).contains(">11<").doesNotContain("no figure")
                .doesNotContain("(not ingested)");
        assertThat(row(page, "RELEASE-2.1")).contains("(not ingested)").contains("no figure")
                .contains("ingest this tag to compute its figures");
        // the chart's data: nulls (gaps) for the three, the count for the supported one
        assertThat(page).containsPattern("\"ref\":\"RELEASE-1.5\"[^}]*\"makeCloc\":null")
                .containsPattern("\"ref\":\"RELEASE-1.0\"[^}]*\"makeCloc\":null")
                .containsPattern("\"ref\":\"RELEASE-2.1\"[^}]*\"makeCloc\":null")
                .containsPattern("\"ref\":\"RELEASE-2.0\"[^}]*\"makeCloc\":11");
        // the figure is the stored result the dashboard shows, from the configuration's report
        Snapshot at = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()).stream()
                .filter(s -> s.getRefName().equals("RELEASE-2.0")).findFirst().orElseThrow();
        assertThat(reports.report(saved, at.getCommitSha(), java.util.List.of()).makeCloc().code()).isEqualTo(11);

        // the readiness history states the same range, and its gap has the same reason
        String history = web.get("/readiness/history?repositoryId=" + r.getId() + "&c=" + saved.getId()).body();
        assertThat(history).contains("Figures are computed for <span>" + XenSupport.SUPPORTED_RANGE + "</span>");
        DashboardFixture.settled(results, r);
        assertThat(web.get("/readiness/history?repositoryId=" + r.getId() + "&c=" + saved.getId()).body())
                .contains("with Kconfig from 4.7");
        // the first supported release after a refused one has a verdict, its comparison not evaluated, and says why
        String release = web.get("/readiness?repositoryId=" + r.getId() + "&ref=RELEASE-2.0&c=" + saved.getId())
                .body();
        assertThat(release).doesNotContain("Cannot evaluate").contains("id=\"no-previous\"")
                .contains("RELEASE-1.5</span>, is one the engine does not evaluate")
                .contains("no previous release of this configuration to compare with");
    }

    private static void awaitUntil(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not end within 120 s");
            }
            Thread.sleep(100);
        }
    }

    private static String row(String page, String ref) {
        Matcher m = Pattern.compile("<tr[^>]*>\\s*<td class=\"mono\"><span>" + Pattern.quote(ref) + "</span>(.*?)</tr>",
                Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("a row for " + ref + " in:\n" + page).isTrue();
        return m.group(1);
    }
}
