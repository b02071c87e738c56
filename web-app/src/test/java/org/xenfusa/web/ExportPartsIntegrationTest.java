package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.xenfusa.exports.evidence.EvidenceVerifier;
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
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationReports;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.exports.ExportPartStore;
import org.xenfusa.web.exports.ExportPartStore.Part;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.exports.StoredReports;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.platform.InstanceId;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18, an export fans out: an evidence package is planned into one part per configuration and board, each part's
 * report is stored, and the assembly makes the document from the stored reports: the same bytes as the same export
 * made in one piece. The part that ends last queues the assembly (exactly one of two ending at once); a failed part
 * fails the export, named.
 */
// [utest->dsn~export-parts~1]
@IntegrationTest
class ExportPartsIntegrationTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static SourceRepository repository;
    static SavedConfiguration all;
    static SavedConfiguration noA;

    @LocalServerPort int port;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ConfigurationReports reports;
    @Autowired ExportService exports;
    @Autowired ExportJobRepository jobs;
    @Autowired ExportPartStore parts;
    @Autowired InstanceId instance;
    @Autowired AppUserRepository users;
    @Autowired PasswordEncoder encoder;

    @BeforeEach
    void fixture() throws Exception {
        ExportFixture.users(users, encoder);
        if (repository == null) {
            repository = ExportFixture.create("export-parts-repo", registrar, ingest, ingestJobs);
            all = configurations.create(new ConfigurationForm("parts-default", repository.getId(), "RELEASE-2.0",
                    "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester");
            noA = configurations.create(new ConfigurationForm("parts-no-a", repository.getId(), "RELEASE-2.0",
                    "x86_64", StartKind.DEFCONFIG, "", "CONFIG_FEATURE_A=n", "", ""), "tester");
        }
    }

    private EvidenceRequest request(List<Long> configurations, List<String> boards) {
        return new EvidenceRequest(repository.getId(), "RELEASE-2.0", configurations, boards, "http://localhost", AT);
    }

    @Test
    void anEvidencePackageIsMadeOfOnePartPerConfigurationAndIsTheBytesOfOneBuild() throws Exception {
        ExportJob job = exports.request(request(List.of(all.getId(), noA.getId()), List.of()), ExportFormat.EVIDENCE,
                Optional.of("RELEASE-1.0"), "tester");
        ExportJob ended = awaitEnd(job.getId());
        assertThat(ended.getState()).as(ended.getMessage()).isEqualTo(ExportState.SUCCEEDED);
        List<Part> made = exports.parts(job.getId());
        assertThat(made).extracting(Part::key).containsExactly("configuration " + all.getId(),
                "configuration " + noA.getId());
        assertThat(made).extracting(Part::title).containsExactly("parts-default", "parts-no-a");
        assertThat(made).allSatisfy(p -> {
            assertThat(p.state()).isEqualTo("SUCCEEDED");
            assertThat(p.instanceId()).isEqualTo(instance.name());
            assertThat(p.resultBytes()).isPositive();
            assertThat(p.millis()).isNotNegative();
        });
        assertThat(exports.assemblyStarted(job.getId())).isPresent();
        assertThat(ended.getInstanceId()).contains(instance.name());

        // the same inputs made in one piece, as the synchronous formats are: the same bytes
        ExportJob single = jobs.saveAndFlush(new ExportJob(repository.getId(), "RELEASE-2.0", ExportFormat.EVIDENCE,
                ended.getInputs(), ended.getInputKey() + "|in one piece", "tester", Instant.now()));
        exports.run(single.getId());
        single = jobs.findById(single.getId()).orElseThrow();
        assertThat(single.getState()).as(single.getMessage()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(exports.parts(single.getId())).as("made in one piece").isEmpty();
        byte[] fannedOut = exports.file(job.getId()).orElseThrow();
        assertThat(exports.file(single.getId()).orElseThrow()).as("the bytes of one build").isEqualTo(fannedOut);
        assertThat(single.getSha256()).isEqualTo(ended.getSha256());
        Path zip = Files.createTempFile("fanned-out", ".zip");
        Files.write(zip, fannedOut);
        assertThat(EvidenceVerifier.verify(zip).intactPackage()).isTrue();

        // the export's page lists its parts with their instance; its progress has them too
        ExportSession web = ExportFixture.login(port, Role.VIEWER);
        String page = web.get("/exports/" + job.getId()).body();
        assertThat(page).contains("id=\"export-parts\"").contains("data-key=\"configuration " + all.getId() + "\"")
                .contains(instance.name()).contains("parts-no-a");
        assertThat(web.get("/exports/" + single.getId()).body()).contains("id=\"no-parts\"");
        assertThat(web.get("/exports/" + job.getId() + "/progress").body()).contains("\"parts\":[{\"key\":"
                + "\"configuration " + all.getId() + "\"");
    }

    @Test
    void theAssemblyMakesTheDocumentFromTheStoredReportsNotAgain() throws Exception {
        long id = recorded(List.of(all.getId()), "stored reports");
        parts.plan(id, List.of("configuration " + all.getId()), Map.of("configuration " + all.getId(),
                all.getName()));
        Part part = parts.ofExport(id).get(0);
        // the page of an export not started, its part queued (no times yet)
        var queued = ExportFixture.login(port, Role.VIEWER).get("/exports/" + id);
        assertThat(queued.statusCode()).isEqualTo(200);
        assertThat(queued.body()).contains("data-key=\"configuration " + all.getId() + "\"").contains("QUEUED");
        assertThat(parts.start(part.id(), "a test")).isTrue();
        // another configuration's report stored under this one's key: the document says what was stored
        String stored = reports.report(noA).dotConfig();
        assertThat(stored).isNotEqualTo(reports.report(all).dotConfig());
        assertThat(parts.succeed(part.id(), StoredReports.write(reports.report(noA)))).isTrue();
        assertThat(exports.assemble(id, () -> false)).isFalse();
        ExportJob job = jobs.findById(id).orElseThrow();
        assertThat(job.getState()).as(job.getMessage()).isEqualTo(ExportState.SUCCEEDED);
        assertThat(entry(exports.file(id).orElseThrow(), "inputs/configs/parts-default.config")).isEqualTo(stored);
    }

    @Test
    void ofTwoPartsEndingAtOnceExactlyOneQueuesTheAssembly() throws Exception {
        long id = recorded(List.of(all.getId(), noA.getId()), "two at once");
        List<String> keys = List.of("configuration " + all.getId(), "configuration " + noA.getId());
        parts.plan(id, keys, Map.of(keys.get(0), all.getName(), keys.get(1), noA.getName()));
        List<Part> planned = parts.ofExport(id);
        List<SavedConfiguration> saved = List.of(all, noA);
        for (int i = 0; i < 2; i++) {
            assertThat(parts.start(planned.get(i).id(), "a test")).isTrue();
            assertThat(parts.succeed(planned.get(i).id(), StoredReports.write(reports.report(saved.get(i))))).isTrue();
        }
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> ends = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                ends.add(pool.submit(() -> {
                    together.await();
                    return exports.finishIfDone(id);
                }));
            }
            assertThat(List.of(ends.get(0).get(), ends.get(1).get())).as("which queued the assembly")
                    .containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(exports.finishIfDone(id)).as("a part ending later queues nothing").isFalse();
        ExportJob job = awaitEnd(id);
        assertThat(job.getState()).as(job.getMessage()).isEqualTo(ExportState.SUCCEEDED);
    }

    @Test
    void aFailedPartFailsTheExportNamingThePart() throws Exception {
        ExportJob job = exports.request(request(List.of(all.getId()), List.of("no-such-board")), ExportFormat.EVIDENCE,
                Optional.empty(), "tester");
        ExportJob ended = awaitEnd(job.getId());
        assertThat(ended.getState()).isEqualTo(ExportState.FAILED);
        assertThat(ended.getMessage()).startsWith("Failed at board no-such-board ((unknown)): no board no-such-board")
                .contains("of 2 part(s) had been computed");
        assertThat(exports.parts(job.getId())).filteredOn(p -> p.key().equals("board no-such-board")).singleElement()
                .satisfies(p -> assertThat(p.state()).isEqualTo("FAILED"));
        assertThat(exports.file(job.getId())).isEmpty();
    }

    /**
     * A package never mixes two commits: the commit the ref named at planning is kept with the export, and a part that
     * read another (a branch that moved, another instance's copy that is behind) fails the export, saying so.
     */
    @Test
    void aPartThatReadsAnotherCommitThanTheOneItsExportWasPlannedAtFailsTheExport() throws Exception {
        long id = recorded(List.of(all.getId()), "moved ref");
        String planned = commit("RELEASE-1.0");
        String now = commit("RELEASE-2.0");
        parts.pinCommit(id, planned); // as if RELEASE-2.0 had named RELEASE-1.0's commit when it was planned
        String key = "configuration " + all.getId();
        parts.plan(id, List.of(key), Map.of(key, all.getName()));
        assertThat(exports.runPart(parts.ofExport(id).get(0).id(), () -> false)).isFalse();
        ExportJob job = jobs.findById(id).orElseThrow();
        assertThat(job.getState()).isEqualTo(ExportState.FAILED);
        assertThat(job.getMessage()).startsWith("Failed at configuration " + all.getId())
                .contains("RELEASE-2.0 named commit " + planned + " when this export was planned, but " + now
                        + " when configuration " + all.getId())
                .contains("request the export again");
        assertThat(exports.file(id)).isEmpty();
    }

    /** The assembly reads the tree too (requirements, tags, links): at another commit than planned, it fails. */
    @Test
    void anAssemblyThatReadsAnotherCommitThanPlannedMakesNothing() throws Exception {
        long id = recorded(List.of(all.getId()), "moved ref at assembly");
        String planned = commit("RELEASE-1.0");
        parts.pinCommit(id, planned);
        String key = "configuration " + all.getId();
        parts.plan(id, List.of(key), Map.of(key, all.getName()));
        Part part = parts.ofExport(id).get(0);
        assertThat(parts.start(part.id(), "a test")).isTrue();
        assertThat(parts.succeed(part.id(), StoredReports.write(reports.report(all)))).isTrue();
        assertThat(exports.assemble(id, () -> false)).isFalse();
        ExportJob job = jobs.findById(id).orElseThrow();
        assertThat(job.getState()).isEqualTo(ExportState.FAILED);
        assertThat(job.getMessage()).contains("named commit " + planned + " when this export was planned, but "
                + commit("RELEASE-2.0") + " when the assembly ran");
        assertThat(exports.file(id)).isEmpty();
    }

    /** A request for an unknown ref or previous release is refused with the reason, and nothing is recorded. */
    @Test
    void aRequestForAnUnknownRefOrPreviousReleaseIsRefusedBeforeItIsRecorded() {
        long before = jobs.count();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exports.request(new EvidenceRequest(
                repository.getId(), "NO-SUCH-REF", List.of(all.getId()), List.of(), "http://localhost", AT),
                ExportFormat.EVIDENCE, Optional.empty(), "tester"))
                .isInstanceOf(org.xenfusa.web.platform.InvalidInputException.class)
                .hasMessageContaining("NO-SUCH-REF").hasMessageContaining(repository.getName());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exports.request(request(List.of(all.getId()),
                List.of()), ExportFormat.EVIDENCE, Optional.of("NO-SUCH-PREVIOUS"), "tester"))
                .isInstanceOf(org.xenfusa.web.platform.InvalidInputException.class)
                .hasMessageContaining("NO-SUCH-PREVIOUS");
        assertThat(jobs.count()).as("nothing recorded").isEqualTo(before);
    }

    /** An unknown ref fails the export when it is planned, with the reason, before any part is queued. */
    @Test
    void anUnknownRefFailsTheExportAtPlanning() throws Exception {
        String inputs = JSON.writeValueAsString(new ExportService.ExportInputs(repository.getId(), "NO-SUCH-REF",
                List.of(all.getId()), List.of(), "http://localhost", AT, Map.of(), ""));
        long id = jobs.saveAndFlush(new ExportJob(repository.getId(), "NO-SUCH-REF", ExportFormat.EVIDENCE, inputs,
                "unknown ref " + System.nanoTime(), "tester", Instant.now())).getId();
        assertThat(exports.run(id, () -> false)).isFalse();
        ExportJob job = jobs.findById(id).orElseThrow();
        assertThat(job.getState()).isEqualTo(ExportState.FAILED);
        assertThat(job.getMessage()).contains("NO-SUCH-REF").contains(repository.getName());
        assertThat(exports.parts(id)).isEmpty();
    }

    private static String commit(String tag) throws Exception {
        try (org.eclipse.jgit.lib.Repository r = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .findGitDir(Path.of(repository.getLocation()).toFile()).build()) {
            return r.resolve(tag + "^{commit}").name();
        }
    }

    /** An evidence export recorded with its inputs, not queued: the test runs its steps. */
    private long recorded(List<Long> configurations, String key) throws Exception {
        Map<String, String> names = new java.util.TreeMap<>();
        for (Long c : configurations) {
            names.put("configuration " + c, c.equals(all.getId()) ? all.getName() : noA.getName());
        }
        String inputs = JSON.writeValueAsString(new ExportService.ExportInputs(repository.getId(), "RELEASE-2.0",
                configurations, List.of(), "http://localhost", AT, names, ""));
        return jobs.saveAndFlush(new ExportJob(repository.getId(), "RELEASE-2.0", ExportFormat.EVIDENCE, inputs,
                key + " " + System.nanoTime(), "tester", Instant.now())).getId();
    }

    private static String entry(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError("no " + name + " in the package");
    }

    private ExportJob awaitEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        ExportJob j = jobs.findById(id).orElseThrow();
        while (j.getState().isActive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            j = jobs.findById(id).orElseThrow();
        }
        return j;
    }
}
