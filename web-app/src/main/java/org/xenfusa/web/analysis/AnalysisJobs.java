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
@Configuration(proxyBeanMethods = false)
public class AnalysisJobs {
    /** The task descriptor; the instance's data is the result's row id. */
    public static final TaskDescriptor<Long> TASK = TaskDescriptor.of("analysis", Long.class);

    @Bean
    AnalysisEngineVersion analysisEngineVersion() {
        return new AnalysisEngineVersion(AnalysisEngine.version());
    }

    @Bean
    OneTimeTask<Long> analysisTask(@Lazy AnalysisResults results, AnalysisResultStore store) {
        return Tasks.oneTime(TASK)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    store.fail(id, "The worker stopped while this result was computed (app killed or restarted):"
                            + " \"Compute again\" on the dashboard queues it again.");
                    ops.stop();
                })
                .execute((instance, ctx) -> results.run(instance.getData()));
    }
}
