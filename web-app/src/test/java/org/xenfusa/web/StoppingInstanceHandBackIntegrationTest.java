package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.model.config.StartKind;
import org.xenfusa.model.exports.ExportFileRepository;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.model.exports.ExportState;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;
import org.xenfusa.web.config.ConfigurationForm;
import org.xenfusa.web.config.ConfigurationService;
import org.xenfusa.web.exports.ExportPartStore.Part;
import org.xenfusa.web.exports.ExportService;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.ingest.RepositoryStorage;

/**
 * Issue 18: an export or a clone running when its instance stopped (SIGTERM) was failed by the dead-worker detection
 * of the others. Now, as an ingest, it is handed back to the queue at its next progress step, within the platform's
 * shutdown wait, and the next worker of any instance makes it again from the start: an export's part before it
 * computes, an export's assembly at its next step (the parts done are kept).
 */
@IntegrationTest
class StoppingInstanceHandBackIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository ingestJobs;
    @Autowired ConfigurationService configurations;
    @Autowired ExportService exports;
    @Autowired ExportJobRepository exportJobs;
    @Autowired ExportFileRepository exportFiles;
    @Autowired SourceRepositoryRepository repositories;
    @Autowired RepositoryStorage storage;
    @Autowired JdbcTemplate jdbc;
    @Autowired com.github.kagkarlsson.scheduler.Scheduler scheduler;

    @Test
    void anExportOfAStoppingInstanceGoesBackToTheQueueAndTheNextWorkerMakesIt() throws Exception {
        SourceRepository repo = ExportFixture.create("hand-back-export", registrar, ingest, ingestJobs);
        long config = configurations.create(new ConfigurationForm("hand-back-config", repo.getId(), "RELEASE-2.0",
                "x86_64", StartKind.DEFCONFIG, "", "", "", ""), "tester").getId();
        String inputs = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                new ExportService.ExportInputs(repo.getId(), "RELEASE-2.0", List.of(config), List.of(),
                        "http://localhost", Instant.now().truncatedTo(ChronoUnit.SECONDS), Map.of(), ""));
        // a job row only: this test is the worker (the scheduler does not know the job, and stands aside below)
        Long id = jdbc.queryForObject("insert into export_job (repository_id, ref_name, format, inputs, input_key, state,"
                + " requested_by, created_at) values (?, 'RELEASE-2.0', 'EVIDENCE', ?, 'hand-back-export', 'QUEUED',"
                + " 'tester', now()) returning id", Long.class, repo.getId(), inputs);

        // this test is the worker: the scheduler takes no part or assembly meanwhile
        scheduler.pause();
        try {
            assertThat(exports.run(id, () -> false)).as("planned").isFalse();
            List<Part> planned = exports.parts(id);
            assertThat(planned).hasSize(1);
            long part = planned.get(0).id();

            // a part of a stopping instance goes back to the queue, and so does the export, none of its parts running
            assertThat(exports.runPart(part, () -> true)).as("part handed back").isTrue();
            assertThat(exports.parts(id).get(0).state()).isEqualTo("QUEUED");
            var partBack = exportJobs.findById(id).orElseThrow();
            assertThat(partBack.getState()).isEqualTo(ExportState.QUEUED);
            assertThat(partBack.getMessage()).startsWith("Part configuration " + config + " (hand-back-config) handed"
                    + " back to the queue when ");
            assertThat(exports.runPart(part, () -> false)).as("the next worker computes it").isFalse();
            assertThat(exports.parts(id).get(0).state()).isEqualTo("SUCCEEDED");
            assertThat(exports.parts(id).get(0).takeovers()).as("a stop is no takeover").isZero();

            // the assembly: the instance starts stopping after its first progress step
            AtomicInteger asked = new AtomicInteger();
            assertThat(exports.assemble(id, () -> asked.incrementAndGet() > 1)).as("handed back").isTrue();
            var back = exportJobs.findById(id).orElseThrow();
            assertThat(back.getState()).isEqualTo(ExportState.QUEUED);
            assertThat(back.getMessage()).startsWith("Handed back to the queue when ")
                    .endsWith("the next worker makes it again");
            assertThat(back.getPercent()).isZero();
            assertThat(exportJobs.takeovers(id)).as("a stop is no takeover").isZero();
            assertThat(exportFiles.findById(id)).isEmpty();

            // the next worker (here the same, no longer stopping) makes it from the stored part
            assertThat(exports.assemble(id, () -> false)).isFalse();
            var done = exportJobs.findById(id).orElseThrow();
            assertThat(done.getState()).as(done.getMessage()).isEqualTo(ExportState.SUCCEEDED);
            assertThat(exportFiles.findById(id)).isPresent();
        } finally {
            scheduler.resume();
        }
    }

    @Test
    void aCloneOfAStoppingInstanceGoesBackToTheQueueLeavingNothingAndTheNextWorkerMakesIt() throws Exception {
        Path tmp = Files.createTempDirectory("fusa-hand-back-clone");
        try (GitServer server = GitServer.start(Files.createDirectories(tmp.resolve("served")))) {
            // enough objects that the clone is under way when it is told to stop
            Map<String, String> files = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                files.put("xen/common/f" + i + ".c", SyntheticRepository.cFile("f" + i, 10 + i));
            }
            try (SyntheticRepository work = SyntheticRepository.create(Files.createDirectories(tmp.resolve("work")))) {
                work.commit("one", "RELEASE-1.0", files);
                server.publish("hand-back", work);
            }
            // a repository row only: this test is the worker
            Long id = jdbc.queryForObject("insert into source_repository (name, location, kind, created_at, created_by,"
                    + " clone_state, clone_message) values ('hand-back-clone', ?, 'URL', now(), 'tester', 'CLONING',"
                    + " 'queued') returning id", Long.class, server.url("hand-back"));

            assertThat(registrar.runClone(id, () -> true)).as("handed back").isTrue();
            SourceRepository back = repositories.findById(id).orElseThrow();
            assertThat(back.getCloneState()).isEqualTo(SourceRepository.CLONING);
            assertThat(back.getCloneMessage()).startsWith("Handed back to the queue when ")
                    .endsWith("the next worker clones it again");
            assertThat(storage.cloneFolder(id)).doesNotExist();
            try (var left = Files.list(storage.cloneFolder(id).getParent())) {
                assertThat(left.map(p -> p.getFileName().toString())).as("no half clone left")
                        .noneMatch(n -> n.startsWith(id + ".git"));
            }

            assertThat(registrar.runClone(id, () -> false)).isFalse();
            SourceRepository done = repositories.findById(id).orElseThrow();
            assertThat(done.getCloneState()).as(done.getCloneMessage()).isEqualTo(SourceRepository.READY);
            assertThat(storage.cloneFolder(id)).isDirectory();
        }
    }
}
