package org.xenfusa.web.analysis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.xenfusa.exports.AnalysisEngine;

import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The analysis task on the platform's one job scheduler (as ingests and exports): a queued result lives in the
 * database, any app instance may compute it, and one whose worker died is failed with that reason.
 */
// [impl->dsn~stored-results~1]
@Configuration(proxyBeanMethods = false)
public class AnalysisJobs {
    /** The task descriptor; the instance's data is the id of the row whose queueing scheduled it (for the record). */
    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("analysis", Long.class);

    @Bean
    AnalysisEngineVersion analysisEngineVersion() {
        return new AnalysisEngineVersion(AnalysisEngine.version());
    }

    /**
     * Every minute (or {@code fusa.analysis.queue-check}), one job for each queued result that has none waiting: jobs
     * take rows in the queue's order, so a row without a job would otherwise wait for ever.
     */
    @Bean
    com.github.kagkarlsson.scheduler.task.helper.RecurringTask<Void> analysisQueueCheck(@Lazy AnalysisResults results,
            @org.springframework.beans.factory.annotation.Value("${fusa.analysis.queue-check:60s}")
            java.time.Duration every) {
        return Tasks.recurring("analysis-queue-check",
                com.github.kagkarlsson.scheduler.task.schedule.FixedDelay.of(every))
                .execute((instance, ctx) -> results.topUp());
    }

    @Bean
    OneTimeTask<Long> analysisTask(@Lazy AnalysisResults results) {
        return Tasks.oneTime(TASK)
                .onDeadExecution((complete, ops) -> {
                    results.workerDied(complete.getExecution().taskInstance.getId());
                    ops.stop();
                })
                // the job computes the first queued result in the queue's order, not necessarily the row whose
                // queueing scheduled it (that one is taken by another job in its turn): newest release first
                .execute((instance, ctx) -> results.runNext(instance.getId()));
    }
}
