package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

/**
 * Snapshot lists in release order, newest first (a maintenance release of an older branch tagged
 * last stays below the newer release); an unknown path said, not zeros; directory rows that lead
 * to the directory; thousands separators.
 */
@IntegrationTest
class SnapshotPagesIntegrationTest {
    static SyntheticRepository repo;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;

    @BeforeAll
    static void build() throws Exception {
        repo = SyntheticRepository.create(Files.createTempDirectory("fusa-release-order"));
        repo.commit("4.9.0", "RELEASE-4.9.0", Map.of("xen/common/big.c", SyntheticRepository.cFile("big", 1500),
                "xen/drivers/d.c", SyntheticRepository.cFile("d", 3)));
        repo.commit("4.10.0", "RELEASE-4.10.0", Map.of("xen/common/big.c", SyntheticRepository.cFile("big", 1600)));
        // a maintenance release of the older branch, tagged after 4.10.0
        repo.commit("4.9.1", "RELEASE-4.9.1", Map.of("xen/common/big.c", SyntheticRepository.cFile("big", 1501)));
        repo.close();
    }

    private SourceRepository ingested() throws Exception {
        var existing = registrar.findByGitDir(repo.dir().resolve(".git").toRealPath());
        if (existing.isPresent() && snapshots.countByRepositoryId(existing.get().getId()) == 3) {
            return existing.get();
        }
        SourceRepository r = existing.isPresent() ? existing.get()
                : registrar.register("release-order", repo.dir().toString(), "tester");
        IngestJob job = ingest.request(r.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && jobs.findById(job.getId()).orElseThrow().getState().isActive()) {
            Thread.sleep(100);
        }
        assertThat(jobs.findById(job.getId()).orElseThrow().getState()).isEqualTo(IngestState.SUCCEEDED);
        return r;
    }

    @Test
    void theRepositoryPageListsSnapshotsNewestReleaseFirstWithSeparators() throws Exception {
        SourceRepository r = ingested();
        String html = WebSession.login(port, "admin", "test-admin-password").get("/repositories/" + r.getId()).body();
        String table = html.substring(html.indexOf("id=\"snapshots\""));
        int newest = table.indexOf(">RELEASE-4.10.0<");
        int maintenance = table.indexOf(">RELEASE-4.9.1<");
        int oldest = table.indexOf(">RELEASE-4.9.0<");
        assertThat(newest).isPositive().isLessThan(maintenance);
        assertThat(maintenance).isLessThan(oldest);
        // each row's code is its own snapshot's (big.c plus d.c's 3 lines), with a thousands separator
        assertThat(table.substring(newest, maintenance)).contains(">1,603<");
        assertThat(table.substring(maintenance, oldest)).contains(">1,504<");
        assertThat(table.substring(oldest)).contains(">1,503<");
    }

    @Test
    void aSnapshotPageSaysAnUnknownPathAndLinksItsDirectories() throws Exception {
        SourceRepository r = ingested();
        Snapshot s = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId()).stream()
                .filter(x -> x.getRefName().equals("RELEASE-4.9.0")).findFirst().orElseThrow();
        WebSession web = WebSession.login(port, "admin", "test-admin-password");

        HttpResponse<String> unknown = web.get("/snapshots/" + s.getId() + "?path=xen/no-such-dir");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"unknown-path\"").contains("There is no file under")
                .contains("xen/no-such-dir/").doesNotContain("id=\"languages\"").doesNotContain("id=\"sum-code\"");

        String page = web.get("/snapshots/" + s.getId() + "?path=xen/").body();
        assertThat(page).doesNotContain("id=\"unknown-path\"");
        assertThat(page).contains("<a href=\"/snapshots/" + s.getId() + "?path=xen/common/\">xen/common</a>")
                .contains("<a href=\"/snapshots/" + s.getId() + "?path=xen/drivers/\">xen/drivers</a>");
        assertThat(page).contains("id=\"sum-code\">1,503<");

        // following a directory link shows that directory
        String common = web.get("/snapshots/" + s.getId() + "?path=xen/common/").body();
        assertThat(common).contains("id=\"sum-code\">1,500<");
    }

    @Test
    void theConfigurationFormOffersRefsNewestReleaseFirst() throws Exception {
        ingested();
        String html = WebSession.login(port, "admin", "test-admin-password").get("/configurations").body();
        String refs = html.substring(html.indexOf("<datalist id=\"refs\">"), html.indexOf("</datalist>"));
        List<Integer> at = List.of(refs.indexOf("\"RELEASE-4.10.0\""), refs.indexOf("\"RELEASE-4.9.1\""),
                refs.indexOf("\"RELEASE-4.9.0\""));
        assertThat(at.get(0)).isNotNegative().isLessThan(at.get(1));
        assertThat(at.get(1)).isLessThan(at.get(2));
    }
}
