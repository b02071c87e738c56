package org.xenfusa.web.ingest;

import java.time.Instant;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestState;
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The ingest and clone tasks of the platform's job scheduler ({@link org.xenfusa.web.platform.JobScheduler}): jobs live
 * in the database, so several app instances share them and a job survives a restart of the instance that queued it. A
 * job whose worker died (its heartbeat stopped) is marked failed with that reason rather than silently re-run.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobs {
    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    /** The task descriptor; the instance's data is the ingest job id. */
    public static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Long> TASK =
            com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("ingest", Long.class);

    /** The clone of a URL registered; the instance's data is the repository id. */
    public static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Long> CLONE =
            com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("clone", Long.class);

    @Bean
    OneTimeTask<Long> cloneTask(@Lazy RepositoryRegistrar registrar, SourceRepositoryRepository repositories) {
        return Tasks.oneTime(CLONE)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    repositories.cloneEnded(id, SourceRepository.FAILED, 0, "The worker stopped while this clone ran"
                            + " (app killed or restarted): register the URL again to retry.");
                    ops.stop();
                })
                .execute((instance, ctx) -> registrar.runClone(instance.getData()));
    }

    @Bean
    OneTimeTask<Long> ingestTask(@Lazy SnapshotIngester ingester, IngestJobRepository jobs,
            ApplicationEventPublisher events) {
        return Tasks.oneTime(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    jobs.finish(id, IngestState.FAILED, Instant.now(),
                            "The worker stopped while this job ran (app killed or restarted); earlier snapshots are intact. Request the ingest again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> {
                    ingester.run(instance.getData());
                    // whatever the job's end, the snapshots it stored get their analysis results queued
                    jobs.findById(instance.getData())
                            .ifPresent(j -> events.publishEvent(new SnapshotsIngested(j.getId(), j.getRepositoryId())));
                });
    }

    /** An ingest job ended (its complete snapshots are stored): listeners queue work on the new snapshots. */
    public record SnapshotsIngested(long jobId, long repositoryId) {
    }
}
