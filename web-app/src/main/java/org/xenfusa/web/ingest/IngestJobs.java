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
import org.xenfusa.model.source.SourceRepository;
import org.xenfusa.model.source.SourceRepositoryRepository;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The job queue on db-scheduler (ingests, exports, clones of registered URLs): jobs live in the database, so several app instances share
 * them and a job survives a restart of the instance that queued it. A job whose worker died (its
 * heartbeat stopped) is marked failed with that reason rather than silently re-run.
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

    /**
     * How quickly a dead worker is noticed, for ingests and exports alike (one scheduler runs both). A worker
     * heartbeats every {@code heartbeat}; after {@code missedHeartbeats} missed ones its job is dead, and the
     * scheduler looks for dead jobs every two heartbeats.
     */
    public record Settings(Duration heartbeat, int missedHeartbeats, Duration polling) {
        public Settings {
            if (heartbeat.isNegative() || heartbeat.isZero() || missedHeartbeats < 2) {
                throw new IllegalArgumentException("fusa.jobs.heartbeat must be positive and fusa.jobs.missed-heartbeats"
                        + " at least 2, not " + heartbeat + " and " + missedHeartbeats);
            }
        }

        /** The longest a job whose worker died stays RUNNING: dead age, one detection interval, one poll. */
        public Duration deadWorkerBound() {
            return heartbeat.multipliedBy(missedHeartbeats + 2L).plus(polling);
        }
    }

    @Bean
    Settings jobSettings(@Value("${fusa.jobs.heartbeat:2s}") Duration heartbeat,
            @Value("${fusa.jobs.missed-heartbeats:5}") int missed) {
        return new Settings(heartbeat, missed, Duration.ofSeconds(2));
    }

    @Bean
    @DependsOn("flywayInitializer")
    Scheduler ingestScheduler(DataSource dataSource, OneTimeTask<Long> ingestTask, OneTimeTask<Long> exportTask,
            OneTimeTask<Long> cloneTask, @Value("${fusa.ingest.threads:2}") int threads, Settings settings) {
        return Scheduler.create(dataSource, ingestTask, exportTask, cloneTask)
                .threads(threads)
                .pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
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
