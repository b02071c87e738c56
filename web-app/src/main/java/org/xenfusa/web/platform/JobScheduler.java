package org.xenfusa.web.platform;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The one job scheduler (db-scheduler on the platform's database) that runs every task the features declare as beans:
 * ingests and clones ({@code web.ingest}), exports ({@code web.exports}). Its heartbeat settings decide how soon a job
 * whose worker died is taken over.
 */
@Configuration(proxyBeanMethods = false)
public class JobScheduler {
    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /**
     * How quickly a dead worker is noticed, for ingests and exports alike (one scheduler runs both). A worker
     * heartbeats every {@code heartbeat}; after {@code missedHeartbeats} missed ones its job is dead, and the
     * scheduler looks for dead jobs every two heartbeats.
     */
    public record Settings(Duration heartbeat, int missedHeartbeats, Duration polling, Duration shutdownWait) {
        public Settings {
            if (heartbeat.isNegative() || heartbeat.isZero() || missedHeartbeats < 2) {
                throw new IllegalArgumentException("fusa.jobs.heartbeat must be positive and fusa.jobs.missed-heartbeats"
                        + " at least 2, not " + heartbeat + " and " + missedHeartbeats);
            }
            if (shutdownWait.isNegative()) {
                throw new IllegalArgumentException("fusa.jobs.shutdown-wait must not be negative, not " + shutdownWait);
            }
        }

        /** {@code fusa.jobs.heartbeat} unless set. */
        public static final String DEFAULT_HEARTBEAT = "2s";
        /** {@code fusa.jobs.missed-heartbeats} unless set. */
        public static final String DEFAULT_MISSED_HEARTBEATS = "5";
        /** {@code fusa.jobs.shutdown-wait} unless set. */
        public static final String DEFAULT_SHUTDOWN_WAIT = "8s";
        /** How often a worker looks for queued jobs. */
        static final Duration POLLING = Duration.ofSeconds(2);

        /** The settings of a platform that sets none of them. */
        public static Settings defaults() {
            return new Settings(org.springframework.boot.convert.DurationStyle.detectAndParse(DEFAULT_HEARTBEAT),
                    Integer.parseInt(DEFAULT_MISSED_HEARTBEATS), POLLING,
                    org.springframework.boot.convert.DurationStyle.detectAndParse(DEFAULT_SHUTDOWN_WAIT));
        }

        /** The longest a job whose worker died stays RUNNING: dead age, one detection interval, one poll. */
        public Duration deadWorkerBound() {
            return heartbeat.multipliedBy(missedHeartbeats + 2L).plus(polling);
        }
    }

    /**
     * {@code fusa.jobs.shutdown-wait}: how long stopping the platform waits for running jobs. An ingest, an export or
     * a clone hands itself back to the queue at its next progress step after the stop begins; one still running after
     * the wait is left to the dead-worker detection of the other instances (taken over there, as after a kill). 8 s by
     * default; a container's stop timeout must be longer than this plus the web server's drain (docker-compose.yml).
     */
    @Bean
    Settings jobSettings(@Value("${fusa.jobs.heartbeat:" + Settings.DEFAULT_HEARTBEAT + "}") Duration heartbeat,
            @Value("${fusa.jobs.missed-heartbeats:" + Settings.DEFAULT_MISSED_HEARTBEATS + "}") int missed,
            @Value("${fusa.jobs.shutdown-wait:" + Settings.DEFAULT_SHUTDOWN_WAIT + "}") Duration shutdownWait) {
        return new Settings(heartbeat, missed, Settings.POLLING, shutdownWait);
    }

    /** This instance's name ({@code fusa.instance-id}, by default host name and port). */
    @Bean
    InstanceId instanceId(@Value("${fusa.instance-id:}") String configured, @Value("${server.port:8080}") int port) {
        return InstanceId.of(configured, port);
    }

    @Bean
    @DependsOn("flywayInitializer")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, @Value("${fusa.ingest.threads:2}") int threads,
            Settings settings, InstanceId instance) {
        log.info("This instance runs jobs as '{}' (fusa.instance-id)", instance.name());
        // recurring tasks (AnalysisJobs' queue check) are started by the scheduler, once across instances
        List<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>> recurring = tasks.stream()
                .filter(t -> t instanceof com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>)
                .<com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>>map(
                        t -> (com.github.kagkarlsson.scheduler.task.helper.RecurringTask<?>) t)
                .toList();
        List<Task<?>> known = tasks.stream().filter(t -> !recurring.contains(t)).toList();
        return Scheduler.create(dataSource, known)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instance.name()))
                .threads(threads)
                .pollingInterval(settings.polling())
                .heartbeatInterval(settings.heartbeat())
                .missedHeartbeatsLimit(settings.missedHeartbeats())
                .shutdownMaxWait(settings.shutdownWait())
                .enableImmediateExecution()
                .build();
    }

    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                log.info("Stopping the job scheduler");
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
