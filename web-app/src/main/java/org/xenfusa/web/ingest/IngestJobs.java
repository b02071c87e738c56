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

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The ingest and clone tasks of the platform's job scheduler ({@link org.xenfusa.web.platform.JobScheduler}): jobs live
 * in the database, so several app instances share them and a job survives a restart of the instance that queued it. An
 * ingest or a clone whose worker died (its heartbeat stopped) is taken over by another worker.
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

    /**
     * A clone whose worker died is taken over by another worker (at most {@link #MAX_TAKEOVERS} times) and made again
     * there; one whose instance is stopping is handed back to the queue at once (its progress monitor cancels it).
     */
    @Bean
    CustomTask<Long> cloneTask(@Lazy RepositoryRegistrar registrar, SourceRepositoryRepository repositories) {
        return Tasks.custom(CLONE)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    String dead = complete.getExecution().pickedBy;
                    if (repositories.cloneRequeued(id, 1, MAX_TAKEOVERS, "Taken over: the worker on " + dead
                            + " stopped while this clone ran; cloning again") == 1) {
                        log.warn("Clone of repository {}: its worker on {} stopped; handed back to the queue", id, dead);
                        ops.reschedule(complete, Instant.now());
                        return;
                    }
                    repositories.findById(id).filter(r -> SourceRepository.CLONING.equals(r.getCloneState()))
                            .ifPresent(r -> repositories.cloneEnded(id, SourceRepository.FAILED, 0, "The worker stopped"
                                    + " while this clone ran (app killed or restarted), also after being taken over "
                                    + MAX_TAKEOVERS + " times: register the URL again to retry."));
                    ops.stop();
                })
                .execute((instance, ctx) -> registrar.runClone(instance.getData(),
                        () -> ctx.getSchedulerState().isShuttingDown())
                        ? (complete, ops) -> ops.reschedule(complete, Instant.now())
                        : new CompletionHandler.OnCompleteRemove<>());
    }

    /**
     * How many times an ingest whose worker died is taken over by another worker (any instance's) before it is failed:
     * a job that kills its worker each time (out of memory) must not go round the instances for ever.
     */
    public static final int MAX_TAKEOVERS = 2;

    /**
     * An ingest whose worker died (instance killed, host lost) is taken over: its queue row is handed back and the
     * next worker of any instance resumes it. Nothing is lost or counted twice: snapshots are written whole in one
     * transaction and a ref already stored is reused, counts already stored are read from the blob cache.
     */
    @Bean
    CustomTask<Long> ingestTask(@Lazy SnapshotIngester ingester, IngestJobRepository jobs,
            ApplicationEventPublisher events) {
        return Tasks.custom(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    String dead = complete.getExecution().pickedBy;
                    var job = jobs.findById(id);
                    if (job.isEmpty() || !job.get().getState().isActive()) {
                        ops.stop(); // it ended before its worker died; only the queue row was left
                        return;
                    }
                    if (jobs.takeOver(id, MAX_TAKEOVERS, "Taken over: the worker on " + dead + " stopped while this job"
                            + " ran; resuming (snapshots already stored are kept)") == 1) {
                        log.warn("Ingest job {}: its worker on {} stopped; handed back to the queue", id, dead);
                        ops.reschedule(complete, Instant.now());
                        return;
                    }
                    jobs.finish(id, IngestState.FAILED, Instant.now(),
                            "The worker stopped while this job ran (app killed or restarted), also after being taken"
                                    + " over " + MAX_TAKEOVERS + " times; earlier snapshots are intact. Request the ingest again.");
                    ops.stop();
                })
                // an instance that is stopping hands its running ingest back to the queue at once, instead of holding
                // its shutdown until the job ends: the queue row is rescheduled and another worker resumes it
                .execute((instance, ctx) -> {
                    boolean handedBack = ingester.run(instance.getData(),
                            () -> ctx.getSchedulerState().isShuttingDown());
                    // whatever the job's end, the snapshots it stored get their analysis results queued
                    jobs.findById(instance.getData())
                            .ifPresent(j -> events.publishEvent(new SnapshotsIngested(j.getId(), j.getRepositoryId())));
                    return handedBack ? (complete, ops) -> ops.reschedule(complete, Instant.now())
                            : new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /** An ingest job ended (its complete snapshots are stored): listeners queue work on the new snapshots. */
    public record SnapshotsIngested(long jobId, long repositoryId) {
    }
}
