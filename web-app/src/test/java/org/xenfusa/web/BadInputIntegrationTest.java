package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.Snapshot;
import org.xenfusa.model.source.SnapshotRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.user.Role;
import org.xenfusa.web.boards.BoardTable;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.errors.NoSuchPageException;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.platform.InvalidInputException;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.readiness.ReadinessService;
import org.xenfusa.web.trace.TracePages;
import org.xenfusa.web.trace.TraceService;

/**
 * Bad input that used to fail with 500 (or worse) is answered with its reason and a 4xx status on the platform's
 * page; the pages any VIEWER can ask for that cost the most are paged and computed once however many ask.
 */
@IntegrationTest
class BadInputIntegrationTest {
    static final String ADMIN_PASSWORD = "test-admin-password";
    static SourceRepository repository;
    @Autowired org.xenfusa.model.exports.ExportJobRepository exportJobs;
    static SavedConfiguration config;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired SnapshotRepository snapshots;
    @Autowired ConfigurationService configurations;
    @Autowired BoardTable boards;
    @Autowired ReadinessService readiness;
    @Autowired TraceService traces;
    @Autowired TracePages pages;
    @Autowired org.xenfusa.web.analysis.AnalysisResults results;
    @Autowired org.xenfusa.model.user.AppUserRepository users;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

    @BeforeEach
    void fixture() throws Exception {
        if (repository == null) {
            repository = ExportFixture.create("bad-input-repo", registrar, ingest, jobs);
            config = configurations.create(new org.xenfusa.web.config.ConfigurationForm("bad-input-default",
                    repository.getId(), "RELEASE-2.0", "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
        }
    }

    private IngestJob awaitEnd(IngestJob job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            IngestJob j = jobs.findById(job.getId()).orElseThrow();
            if (!j.getState().isActive()) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("ingest did not end within 60 s");
    }

    /** A page as a browser asks for it (the error page is JSON for clients that do not take HTML). */
    private HttpResponse<String> page(WebSession web, String path) throws Exception {
        return web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/xhtml+xml"));
    }

    private static void assertErrorPage(HttpResponse<String> r, int status, String... reason) {
        assertThat(r.statusCode()).as(r.uri() + " answers " + status).isEqualTo(status);
        // the platform's layout and error page, never a stack trace or the container's page
        assertThat(r.body()).contains("id=\"error-page\"").contains("class=\"brand\"").doesNotContain("Exception")
                .doesNotContain("at org.");
        for (String part : reason) {
            assertThat(r.body()).contains(part);
        }
    }

    @Test
    void anUnknownRefInCompareBoardAndSlocPagesIsNotFoundWithItsName() throws Exception {
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        String board = boards.catalog().boards().get(0).id();
        for (String path : List.of(
                "/configurations/compare?a=" + config.getId() + "&ref=NO-SUCH-TAG",
                "/configurations/" + config.getId() + "/sloc?ref=NO-SUCH-TAG",
                "/configurations/" + config.getId() + "/files?ref=NO-SUCH-TAG",
                "/boards/" + board + "?repositoryId=" + repository.getId() + "&ref=NO-SUCH-TAG")) {
            assertErrorPage(page(web, path), 404, "404 Not Found", "Unknown ref &#39;NO-SUCH-TAG&#39; in bad-input-repo");
        }
        // a revision git cannot parse, and a ref longer than any tag, are bad requests with the reason
        assertErrorPage(page(web, "/configurations/" + config.getId() + "/sloc?ref=RELEASE-2.0%5E%7Bnonsense%7D"), 400,
                "400 Bad Request", "is not a valid ref in bad-input-repo");
        assertErrorPage(page(web, "/configurations/" + config.getId() + "/sloc?ref=" + "a".repeat(300)), 400,
                "The ref is 300 characters long; at most 255 are accepted");
        // and a good ref still answers
        assertThat(web.get("/configurations/" + config.getId() + "/sloc?ref=RELEASE-1.0").statusCode()).isEqualTo(200);
    }

    @Test
    void suspectLinksAgainstASnapshotOfAnotherRepositoryAreABadRequest() throws Exception {
        SourceRepository other = ExportFixture.create("bad-input-other", registrar, ingest, jobs);
        Snapshot mine = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-2.0").orElseThrow();
        Snapshot theirs = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(other.getId(),
                "RELEASE-1.0").orElseThrow();
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        assertErrorPage(page(web, "/trace/" + mine.getId() + "/suspect?against=" + theirs.getId()), 400,
                "Suspect links compare two snapshots of one repository", "is of bad-input-other");
        assertErrorPage(page(web, "/trace/" + mine.getId() + "/suspect?against=987654321"), 404, "No snapshot 987654321");
        Snapshot earlier = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-1.0").orElseThrow();
        assertThat(web.get("/trace/" + mine.getId() + "/suspect?against=" + earlier.getId()).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> api(String method, String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHundredThousandCharacterRefOnTheApiIsRefusedWithTheLimit() throws Exception {
        long before = jobs.count();
        HttpResponse<String> r = api("POST", "/api/repositories/" + repository.getId() + "/ingest",
                "{\"mode\":\"REF\",\"ref\":\"" + "a".repeat(100_000) + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the ref is 100000 characters long; at most 255 are accepted")
                .doesNotContain("insert into").doesNotContain("SQL");
        r = api("POST", "/api/repositories/" + repository.getId() + "/ingest",
                "{\"mode\":\"TAGS\",\"ref\":\"" + "R".repeat(1000) + "*\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("the tag pattern is 1001 characters long");
        assertThat(jobs.count()).isEqualTo(before);
    }

    @Test
    void anSshUrlIsRefusedWithWhatToDoInsteadNotANullPointerException() throws Exception {
        assertThatThrownBy(() -> registrar.register("over-ssh", "ssh://git@127.0.0.1:9/xen.git", "tester"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("ssh URLs are not supported")
                .hasMessageContaining("git clone --mirror");
        HttpResponse<String> r = api("POST", "/api/repositories",
                "{\"name\":\"over-scp\",\"location\":\"git@127.0.0.1:xen/xen.git\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("ssh URLs are not supported");
    }

    @Test
    void anUploadOverTheLimitIsThePlatformsPageWithTheLimit() throws Exception {
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-2.0").orElseThrow();
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        String token = web.csrf("/trace/" + s.getId());
        String boundary = "----fusa-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[75 * 1024 * 1024]);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = web.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/trace/"
                + s.getId() + "/spreadsheet")).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertErrorPage(r, 413, "413 Content Too Large", "The upload is too large: the platform accepts files of at"
                + " most 64 MB (and at most 70 MB and 2,000 files and fields per request); nothing was imported");
    }

    /** Found by a QA pass: these answered 500 (a form that is not an upload; an export's row with no repository). */
    @Test
    void anUploadSentAsAPlainFormOrAnExportOfAnUnknownRepositoryIsABadRequest() throws Exception {
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-2.0").orElseThrow();
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        for (String upload : List.of("junit", "spreadsheet", "link-file")) {
            HttpResponse<String> r = web.post("/trace/" + s.getId() + "/" + upload, "configuration=" + config.getId(),
                    "/trace/" + s.getId());
            assertThat(r.statusCode()).as(upload + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("this address takes a file upload");
        }
        long before = exportJobs.count();
        HttpResponse<String> r = web.post("/exports", "repositoryId=999999&ref=RELEASE-2.0&format=XLSX&c="
                + config.getId(), "/exports");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("no repository 999999");
        assertThat(exportJobs.count()).as("nothing recorded").isEqualTo(before);
        // the API: an unknown repository is not one with no snapshots (it answered 200 and [])
        r = api("GET", "/api/repositories/999999/snapshots", "");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(404);
        assertThat(r.body()).contains("no repository 999999");
        assertThat(api("GET", "/api/repositories/" + repository.getId() + "/snapshots", "").statusCode()).isEqualTo(200);
    }

    @Test
    void oneSnapshotPerCommitWhateverRefSpellingAskedForIt() throws Exception {
        SyntheticRepository repo = SyntheticRepository.create(Files.createTempDirectory("fusa-spellings"));
        Map<String, String> files = new HashMap<>(SyntheticKconfig.FILES);
        RevCommit commit = repo.commit("one", "X", files);
        repo.commit("two", "Y", Map.of("xen/common/extra.c", "int extra;\n"));
        repo.close();
        SourceRepository r = registrar.register("spellings-repo", repo.dir().toString(), "tester");
        List<String> spellings = List.of("X", "refs/tags/X", "tags/X", "X~0", "X^{commit}", commit.name(),
                commit.name().substring(0, 7));
        for (String spelling : spellings) {
            IngestJob job = awaitEnd(ingest.request(r.getId(), IngestMode.REF, spelling, "tester"));
            assertThat(job.getState()).as(spelling + ": " + job.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        }
        List<Snapshot> all = snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId());
        assertThat(all).hasSize(1);
        assertThat(all.get(0).getRefName()).isEqualTo("X");
        assertThat(all.get(0).getCommitSha()).isEqualTo(commit.name());
        // the job says which snapshot it reused
        IngestJob again = awaitEnd(ingest.request(r.getId(), IngestMode.REF, "X~0", "tester"));
        assertThat(again.getMessage()).contains("0 new snapshot(s)").contains("X~0 is X");
        // another commit is another snapshot
        assertThat(awaitEnd(ingest.request(r.getId(), IngestMode.REF, "Y", "tester")).getState())
                .isEqualTo(IngestState.SUCCEEDED);
        assertThat(snapshots.findByRepositoryIdOrderByCommitTimeAscRefNameAsc(r.getId())).extracting(Snapshot::getRefName)
                .containsExactly("X", "Y");
    }

    @Test
    void theMatrixIsPagedAndAPageNeverHoldsMoreThanItsSize() throws Exception {
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(repository.getId(),
                "RELEASE-2.0").orElseThrow();
        var trace = traces.trace(s.getId());
        int total = trace.requirements().size();
        assertThat(total).isGreaterThanOrEqualTo(2);
        List<SavedConfiguration> shown = traces.configurations(trace);
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= total; page++) {
            TracePages.RowPage p = pages.page(trace, shown, page, 1);
            assertThat(p.rows()).hasSize(1);
            assertThat(p.pages()).isEqualTo(total);
            seen.add(p.rows().get(0).item().id().toString());
        }
        // every requirement once, in the trace's order
        assertThat(seen).containsExactlyElementsOf(trace.requirements().stream().map(t -> t.id().toString()).toList());
        assertThatThrownBy(() -> pages.page(trace, shown, total + 1, 1)).isInstanceOf(NoSuchPageException.class)
                .hasMessageContaining("it has " + total + " page(s) of at most 1 requirements");
        assertThat(pages.page(trace, shown, 1, TracePages.MATRIX_PAGE_SIZE).rows()).hasSize(total);

        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        String matrix = web.get("/trace/" + s.getId() + "/matrix").body();
        assertThat(matrix).contains("id=\"matrix-pager-top\"").contains("1–" + total + "</span>");
        assertErrorPage(page(web, "/trace/" + s.getId() + "/matrix?page=9"), 404, "There is no page 9 of the matrix");
    }

    @Test
    void twoConcurrentIdenticalMatrixRequestsTraceTheSnapshotOnce() throws Exception {
        // a snapshot no other test traces, so that its trace is not computed yet
        SourceRepository r = ExportFixture.create("bad-input-concurrent", registrar, ingest, jobs);
        Snapshot s = snapshots.findFirstByRepositoryIdAndRefNameOrderByIngestedAtDesc(r.getId(), "RELEASE-2.0")
                .orElseThrow();
        WebSession one = WebSession.login(port, "admin", ADMIN_PASSWORD);
        WebSession two = WebSession.login(port, "admin", ADMIN_PASSWORD);
        long before = traces.tracesComputed();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> both = List.of(() -> one.get("/trace/" + s.getId() + "/matrix").statusCode(),
                    () -> two.get("/trace/" + s.getId() + "/matrix").statusCode());
            for (Future<Integer> f : pool.invokeAll(both)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(traces.tracesComputed() - before).isEqualTo(1);
    }

    @Test
    void theReadinessHistoryReadsStoredResultsAndSaysWhatIsStillComputed() throws Exception {
        WebSession web = WebSession.login(port, "admin", ADMIN_PASSWORD);
        String url = "/readiness/history?repositoryId=" + repository.getId() + "&c=" + config.getId();
        // the first visit computes nothing itself: the results are queued and the page says so at once
        String first = web.get(url).body();
        assertThat(first).contains("id=\"history-pending\"").contains("data-refresh-seconds=\"10\"")
                .contains("RELEASE-1.0").contains("RELEASE-2.0");
        DashboardFixture.settled(results, repository);
        String stored = web.get(url).body();
        assertThat(stored).doesNotContain("id=\"history-pending\"");
        // each release's verdict is the release page's verdict for the same configuration (one evaluation)
        for (String ref : List.of("RELEASE-1.0", "RELEASE-2.0")) {
            var report = readiness.evaluate(new EvidenceRequest(repository.getId(), ref, List.of(config.getId()),
                    List.of(), "", java.time.Instant.now()), org.xenfusa.web.exports.EvidenceService.Progress.NONE)
                    .report();
            long passed = report.results().stream().filter(g -> g.verdict().name().equals("PASSED")).count();
            String cell = historyCell(stored, ref);
            assertThat(cell).contains(report.passed() ? ">READY<" : ">NOT READY<")
                    .contains(passed + " passed, " + report.failures().size() + " failed");
        }
        // no configuration of this repository, an unknown repository: 404 with the reason, never a 400 or 500
        assertErrorPage(page(web, "/readiness/history?repositoryId=" + repository.getId() + "&c=987654"), 404,
                "configuration 987654 of this repository");
        assertErrorPage(page(web, "/readiness/history?repositoryId=987654"), 404, "repository 987654");
        // boards are evaluated per release, and the page says so instead of ignoring them
        assertThat(web.get(url + "&b=some-board").body()).contains("id=\"history-boards\"");

        // a VIEWER reads what is stored: a configuration nobody tracks is not computed for every release on a visit
        SavedConfiguration untracked = configurations.create(new org.xenfusa.web.config.ConfigurationForm(
                "bad-input-untracked", repository.getId(), "RELEASE-2.0", "x86_64", StartKind.DEFCONFIG, "", "", "",
                ""), "tester");
        ExportFixture.users(users, encoder);
        ExportSession viewer = ExportFixture.login(port, Role.VIEWER);
        String read = viewer.get("/readiness/history?repositoryId=" + repository.getId() + "&c=" + untracked.getId())
                .body();
        assertThat(historyCell(read, "RELEASE-2.0")).contains(">NOT COMPUTED<").contains("is not tracked");
        assertThat(read).doesNotContain("id=\"history-pending\"");
        assertThat(results.active(repository.getId())).isEmpty();
        assertThat(viewer.get("/configurations/" + untracked.getId() + "/trend").body())
                .doesNotContain("id=\"trend-pending\"").contains("is not tracked");
        assertThat(results.active(repository.getId())).isEmpty();
    }

    /** The cells of one release's row on the readiness history. */
    private static String historyCell(String page, String ref) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<tr>\\s*<td><a class=\"mono\"[^>]*>"
                + java.util.regex.Pattern.quote(ref) + "</a></td>(.*?)</tr>", java.util.regex.Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("a row for " + ref + " in:\n" + page).isTrue();
        return m.group(1);
    }
}
