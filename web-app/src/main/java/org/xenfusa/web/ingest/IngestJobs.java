package org.xenfusa.web.ingest;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.model.ingest.IngestJobRepository;
import org.xenfusa.model.ingest.IngestState;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The ingest queue on db-scheduler: jobs live in the database, so several app instances share
 * them and a job survives a restart of the instance that queued it. A job whose worker died (its
 * heartbeat stopped) is marked failed with that reason rather than silently re-run.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobs {
    private static final Logger log = LoggerFactory.getLogger(IngestJobs.class);

    /** The task descriptor; the instance's data is the ingest job id. */
    public static final com.github.kagkarlsson.scheduler.task.TaskDescriptor<Long> TASK =
            com.github.kagkarlsson.scheduler.task.TaskDescriptor.of("ingest", Long.class);

    @Bean
    OneTimeTask<Long> ingestTask(@Lazy SnapshotIngester ingester, IngestJobRepository jobs) {
        return Tasks.oneTime(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    jobs.finish(id, IngestState.FAILED, Instant.now(),
                            "The worker stopped while this job ran (app killed or restarted); earlier snapshots are intact. Request the ingest again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> ingester.run(instance.getData()));
    }

    @Bean
    @DependsOn("flywayInitializer")
    Scheduler ingestScheduler(DataSource dataSource, OneTimeTask<Long> ingestTask, OneTimeTask<Long> exportTask,
            @Value("${fusa.ingest.threads:2}") int threads) {
        return Scheduler.create(dataSource, ingestTask, exportTask)
                .threads(threads)
                .pollingInterval(Duration.ofSeconds(2))
                .heartbeatInterval(Duration.ofSeconds(10))
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle ingestSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                log.info("Stopping the ingest scheduler");
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
