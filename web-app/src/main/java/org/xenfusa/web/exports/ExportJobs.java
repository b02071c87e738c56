package org.xenfusa.web.exports;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.exports.ExportJobRepository;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The export task on the same db-scheduler as ingestion: an export job lives in the database, so any app instance
 * may run it. One whose worker died is taken over by another worker (at most {@link #MAX_TAKEOVERS} times) and made
 * again from its stored inputs; one whose instance is stopping is handed back to the queue at its next progress step.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobs {
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    /** The task descriptor; the instance's data is the export id. */
    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("export", Long.class);

    /** How many times an export whose worker died is made again elsewhere before it is failed (as ingests). */
    public static final int MAX_TAKEOVERS = 2;

    @Bean
    CustomTask<Long> exportTask(@Lazy ExportService exports, ExportJobRepository jobs) {
        return Tasks.custom(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    String dead = complete.getExecution().pickedBy;
                    if (jobs.requeue(id, 1, MAX_TAKEOVERS, "Taken over: the worker on " + dead + " stopped while this"
                            + " export ran; making it again") == 1) {
                        log.warn("Export {}: its worker on {} stopped; handed back to the queue", id, dead);
                        ops.reschedule(complete, Instant.now());
                        return;
                    }
                    jobs.fail(id, Instant.now(), "The worker stopped while this export ran (app killed or restarted),"
                            + " also after being taken over " + MAX_TAKEOVERS + " times. Request the export again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> exports.run(instance.getData(),
                        () -> ctx.getSchedulerState().isShuttingDown())
                        ? (complete, ops) -> ops.reschedule(complete, Instant.now())
                        : new CompletionHandler.OnCompleteRemove<>());
    }
}
