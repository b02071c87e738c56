package org.xenfusa.web.exports;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.exports.ExportJobRepository;
import org.xenfusa.web.platform.ItemTasks;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;

/**
 * The export tasks on the same db-scheduler as ingestion: an export job lives in the database, so any app instance
 * may run it. An export that runs as a job is three kinds of task: its plan ({@link #TASK}), which queues one
 * {@link #PART} per configuration and board, which the workers of every instance run side by side, and its
 * {@link #ASSEMBLY}, which the part that ends last queues. A task whose worker died is taken over by another worker (at
 * most {@link #MAX_TAKEOVERS} times each); one whose instance is stopping is handed back to the queue.
 */
// [impl->dsn~export-parts~1]
@Configuration(proxyBeanMethods = false)
public class ExportJobs {
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);

    /** The plan of an export; the instance's data is the export id. */
    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("export", Long.class);

    /** One configuration or board of an export ({@code export_part}); the instance's data is the part id. */
    public static final TaskDescriptor<Long> PART = TaskDescriptor.of("export-part", Long.class);

    /** The document made from the parts' reports; the instance's data is the export id. */
    public static final TaskDescriptor<Long> ASSEMBLY = TaskDescriptor.of("export-assembly", Long.class);

    /**
     * How many times an export's plan, part or assembly whose worker died is run again elsewhere before the export is
     * failed (as ingests).
     */
    public static final int MAX_TAKEOVERS = 2;

    @Bean
    CustomTask<Long> exportTask(@Lazy ExportService exports, ExportJobRepository jobs, ExportPartStore parts) {
        return ItemTasks.of(TASK, (id, dead) -> takeOver(jobs, parts, id, dead, "ran"), exports::run);
    }

    @Bean
    CustomTask<Long> exportPartTask(@Lazy ExportService exports) {
        return ItemTasks.of(PART, (id, dead) -> exports.takeOverPart(id, dead, MAX_TAKEOVERS), exports::runPart);
    }

    @Bean
    CustomTask<Long> exportAssemblyTask(@Lazy ExportService exports, ExportJobRepository jobs, ExportPartStore parts) {
        return ItemTasks.of(ASSEMBLY, (id, dead) -> takeOver(jobs, parts, id, dead, "was assembled"),
                exports::assemble);
    }

    /** An export's plan or assembly whose worker died: run again (from its stored inputs and parts), or failed. */
    private static boolean takeOver(ExportJobRepository jobs, ExportPartStore parts, long id, String dead, String what) {
        if (jobs.requeue(id, 1, MAX_TAKEOVERS, "Taken over: the worker on " + dead + " stopped while this export "
                + what + "; making it again (the parts done are kept)") == 1) {
            log.warn("Export {}: its worker on {} stopped; handed back to the queue", id, dead);
            return true;
        }
        if (jobs.fail(id, Instant.now(), "The worker stopped while this export " + what + " (app killed or restarted),"
                + " also after being taken over " + MAX_TAKEOVERS + " times. Request the export again.") == 1) {
            parts.closeOpen(id, "The export ended without this part: its worker stopped too often");
        }
        return false;
    }
}
