package org.xenfusa.web.exports;

import java.time.Instant;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.exports.ExportJobRepository;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The export task on the same db-scheduler as ingestion: an export job lives in the database, so any app instance
 * may run it; one whose worker died is marked failed with that reason rather than silently re-run.
 */
@Configuration(proxyBeanMethods = false)
public class ExportJobs {
    /** The task descriptor; the instance's data is the export id. */
    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("export", Long.class);

    @Bean
    OneTimeTask<Long> exportTask(@Lazy ExportService exports, ExportJobRepository jobs) {
        return Tasks.oneTime(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    jobs.fail(id, Instant.now(), "The worker stopped while this export ran (app killed or restarted)."
                            + " Request the export again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> exports.run(instance.getData()));
    }
}
