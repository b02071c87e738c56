package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.xenfusa.exports.evidence.EvidenceVerifier;
import org.xenfusa.model.config.SavedConfiguration;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.exports.ExportFormat;
import org.xenfusa.model.exports.ExportJob;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.db.EmbeddedDatabase;
import org.xenfusa.web.exports.EvidenceService.EvidenceRequest;
import org.xenfusa.web.exports.ExportPartStore.Part;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;

import com.github.kagkarlsson.scheduler.Scheduler;

/**
 * Issue 18, an export fans out over the instances: two instances of the platform (Spring contexts in this JVM, on this
 * test's database; this test's own instance takes no job meanwhile) share the parts of one evidence package, one part
 * per configuration, and the package assembled from the parts both computed verifies and is the bytes of the same
 * export made in one piece. No timing decides who runs what: each instance's workers, once a part has started on them,
 * wait until a part has started on the other instance too, so that both run parts whatever the machine's load (with
 * four parts and two workers per instance, the other instance always finds a part to take).
 */
// [utest->dsn~export-parts~1]
@IntegrationTest
class ExportScaleOutIntegrationTest {
    private static final Duration HOLD = Duration.ofSeconds(120);

    @Autowired EmbeddedDatabase database;
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ExportService exports;
    @Autowired ExportJobRepository jobs;
    @Autowired Scheduler scheduler;

    /** Holds a worker at the start of each part until a part has started on the other instance. */
    static final class HoldUntilTheOtherStarts implements ExportService.PartListener {
        final CountDownLatch started = new CountDownLatch(1);
        CountDownLatch other;

        @Override
        public void started(long exportId, String key) {
            started.countDown();
            try {
                // bounded: if the other never starts one, the test fails on its assertion instead of hanging
                other.await(HOLD.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void thePartsOfOneExportRunOnBothInstancesAndThePackageVerifies() throws Exception {
        SourceRepository source = ExportFixture.create("export-scale-out", registrar, ingest, ingestJobs);
        List<Long> chosen = new ArrayList<>();
        String[] overrides = {"", "CONFIG_FEATURE_A=n", "CONFIG_FEATURE_A=y", "CONFIG_LIMIT=8"};
        for (int i = 0; i < overrides.length; i++) {
            SavedConfiguration c = configurations.create(new ConfigurationForm("scale-out-" + i, source.getId(),
                    "RELEASE-2.0", "x86_64", StartKind.DEFCONFIG, "", overrides[i], "", ""), "tester");
            chosen.add(c.getId());
        }
        HoldUntilTheOtherStarts a = new HoldUntilTheOtherStarts();
        HoldUntilTheOtherStarts b = new HoldUntilTheOtherStarts();
        a.other = b.started;
        b.other = a.started;
        ExportJob ended;
        scheduler.pause(); // this test's instance stands aside: the two below share the export
        try (SecondInstance first = SecondInstance.start(database, "export-a", Map.of(), Map.of("holdA", a));
                SecondInstance second = SecondInstance.start(database, "export-b", Map.of(), Map.of("holdB", b))) {
            ExportJob job = first.bean(ExportService.class).request(new EvidenceRequest(source.getId(), "RELEASE-2.0",
                    chosen, List.of(), "http://localhost", Instant.parse("2026-01-02T03:04:05Z")),
                    ExportFormat.EVIDENCE, Optional.empty(), "tester");
            ended = awaitEnd(job.getId());
        } finally {
            scheduler.resume();
        }
        assertThat(ended.getState()).as(ended.getMessage()).isEqualTo(ExportState.SUCCEEDED);
        List<Part> parts = exports.parts(ended.getId());
        assertThat(parts).hasSize(overrides.length).allSatisfy(p -> assertThat(p.state()).isEqualTo("SUCCEEDED"));
        assertThat(parts).extracting(Part::instanceId).as("parts ran on both instances")
                .contains("export-a", "export-b");
        assertThat(ended.getInstanceId()).as("the export names both").contains("export-a", "export-b");

        byte[] bytes = exports.file(ended.getId()).orElseThrow();
        Path zip = Files.createTempFile("scale-out", ".zip");
        Files.write(zip, bytes);
        assertThat(EvidenceVerifier.verify(zip).intactPackage()).isTrue();
        // the same inputs made in one piece on this instance: the same bytes
        ExportJob single = jobs.saveAndFlush(new ExportJob(source.getId(), "RELEASE-2.0", ExportFormat.EVIDENCE,
                ended.getInputs(), ended.getInputKey() + "|in one piece", "tester", Instant.now()));
        exports.run(single.getId());
        assertThat(exports.file(single.getId()).orElseThrow()).as("the bytes of one build").isEqualTo(bytes);
    }

    private ExportJob awaitEnd(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        ExportJob j = jobs.findById(id).orElseThrow();
        while (j.getState().isActive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            j = jobs.findById(id).orElseThrow();
        }
        return j;
    }
}
