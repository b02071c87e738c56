package org.xenfusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.xenfusa.model.ingest.IngestJob;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestMode;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.web.ingest.IngestService;
import org.xenfusa.web.ingest.RepositoryRegistrar;
import org.xenfusa.web.platform.InstanceId;

/**
 * Issue 18: every instance wrote the same host name into db-scheduler's {@code picked_by}, so nobody could tell which
 * instance ran what. Now the instance id is the scheduler's name and is recorded with the job and shown on its page.
 */
@IntegrationTest
class InstanceIdIntegrationTest {
    @Autowired RepositoryRegistrar registrar;
    @Autowired IngestService ingest;
    @Autowired IngestJobRepository jobs;
    @Autowired JdbcTemplate jdbc;
    @Autowired InstanceId instance;
    @LocalServerPort int port;

    @Test
    void theDefaultNameIsTheHostAndTheProcessOnARandomPortOrTheConfiguredOne() {
        assertThat(instance.name()).endsWith(":pid" + ProcessHandle.current().pid());
        assertThat(InstanceId.of("", 8080).name()).endsWith(":8080").doesNotStartWith(":");
        assertThat(InstanceId.of(" blue-1 ", 8080).name()).isEqualTo("blue-1");
    }

    @Test
    void aJobRecordsTheInstanceThatRanItAsPickedByAndOnTheJobsPage() throws Exception {
        SyntheticRepository synthetic = SyntheticRepository.create(Files.createTempDirectory("fusa-instance-id"));
        for (int release = 1; release <= 4; release++) {
            Map<String, String> files = new HashMap<>();
            for (int f = 0; f < 400; f++) {
                files.put("xen/common/r" + release + "/f" + f + ".c", SyntheticRepository.cFile("g" + release + f, 4));
            }
            synthetic.commit("release " + release, "RELEASE-9." + release, files);
        }
        synthetic.close();
        SourceRepository repo = registrar.register("instance-id-repo", synthetic.dir().toString(), "tester");
        IngestJob job = ingest.request(repo.getId(), IngestMode.TAGS, "RELEASE-*", "tester");
        Set<String> pickedBy = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        IngestJob ended = job;
        while (System.nanoTime() < deadline) {
            // the job's plan (it queues one task per ref and ends at once) and its ref tasks, which run for a while:
            // polling the plan alone missed it in some runs
            pickedBy.addAll(jdbc.queryForList("select picked_by from scheduled_tasks where picked_by is not null"
                    + " and (task_instance = ? or task_name = 'ingest-ref')", String.class, "job-" + job.getId()));
            ended = jobs.findById(job.getId()).orElseThrow();
            if (!ended.getState().isActive()) {
                break;
            }
            Thread.sleep(10);
        }
        assertThat(ended.getState()).as(ended.getMessage()).isEqualTo(IngestState.SUCCEEDED);
        assertThat(ended.getInstanceId()).isEqualTo(instance.name());
        assertThat(pickedBy).as("db-scheduler's picked_by while it ran").containsOnly(instance.name());
        WebSession admin = WebSession.login(port, "admin", "test-admin-password");
        assertThat(admin.get("/jobs").body()).contains("<th>Instance</th>").contains(">" + instance.name() + "</td>");
    }
}
