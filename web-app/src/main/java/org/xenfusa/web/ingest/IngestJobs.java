package org.xenfusa.web.ingest;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.ingest.IngestJobRepository;
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
// [impl->dsn~ingest-tasks~1]
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
    /**
     * Every {@code fusa.ingest.claim-cleanup} (default 10 minutes), the blob claims no longer needed are deleted: done
     * or expired more than that long ago. One instance at a time runs it (a db-scheduler recurring task).
     */
    @Bean
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> blobClaimCleanup(BlobCountStore store,
            @org.springframework.beans.factory.annotation.Value("${fusa.ingest.claim-cleanup:10m}")
            java.time.Duration every) {
        return Tasks.recurring("blob-claim-cleanup", com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(every))
                .execute((instance, ctx) -> {
                    int deleted = store.deleteClaimsDoneBefore(every);
                    if (deleted > 0) {
                        org.slf4j.LoggerFactory.getLogger(IngestJobs.class).info("Deleted {} blob claims done or "
                                + "expired over {} ago", deleted, every);
                    }
                });
    }

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
     * One ref of an ingest job ({@code ingest_task}); the instance's data is the task id. The planning task
     * {@link #TASK} queues one per ref, and the workers of every instance run them side by side.
     */
    public static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Long> REF =
            com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("ingest-ref", Long.class);

    /**
     * How many times an ingest task whose worker died is taken over by another worker (any instance's) before it is
     * failed: a ref that kills its worker each time (out of memory) must not go round the instances for ever. The same
     * bound holds for the planning of a job.
     */
    public static final int MAX_TAKEOVERS = 2;

    /**
     * Plans an ingest job: resolves its refs and queues one {@link #REF} task per ref, which any instance's workers
     * pick up. A planner whose worker died is taken over (planning again keeps the tasks recorded).
     */
    @Bean
    CustomTask<Long> ingestTask(@Lazy SnapshotIngester ingester, IngestJobRepository jobs) {
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
                    ingester.fail(id, "The worker stopped while this job ran (app killed or restarted), also after"
                            + " being taken over " + MAX_TAKEOVERS + " times; earlier snapshots are intact. Request"
                            + " the ingest again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> {
                    List<Long> open = ingester.plan(instance.getData());
                    // one by one: a task queued already (planned again after a takeover) is left as it is
                    for (Long task : open) {
                        ctx.getSchedulerClient().scheduleIfNotExists(REF.instance("ref-" + task).data(task).build(),
                                Instant.now());
                    }
                    return new CompletionHandler.OnCompleteRemove<>();
                });
    }

    /**
     * Runs one ref of an ingest job. Its worker heartbeats like every job's ({@code fusa.jobs.heartbeat}); when it
     * dies (instance killed, host lost) another instance notices within
     * {@link org.xenfusa.web.platform.JobScheduler.Settings#deadWorkerBound()} and the task is handed back to the
     * queue and resumed by the next worker: the counts it stored are read from the blob cache, its claims lapse.
     * An instance that is stopping hands its running tasks back to the queue at once instead of holding its shutdown
     * until they end.
     */
    @Bean
    CustomTask<Long> ingestRefTask(@Lazy SnapshotIngester ingester) {
        return org.xenfusa.web.platform.ItemTasks.of(REF,
                (id, dead) -> ingester.takeOverTask(id, dead, MAX_TAKEOVERS), ingester::runTask);
    }

    /** An ingest job ended (its complete snapshots are stored): listeners queue work on the new snapshots. */
    public record SnapshotsIngested(long jobId, long repositoryId) {
    }
}
