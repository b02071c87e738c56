package org.xenfusa.web.platform;

import java.time.Instant;
import java.util.function.BooleanSupplier;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * The shape every job task of the platform shares (an ingest's ref, an export's part, plan or assembly): one item (its
 * row id is the task's data) run by any instance's worker, handed back to the queue when the instance is stopping
 * (SIGTERM), and taken over by another worker when its own died (its heartbeat stopped), as the item's owner decides
 * (a bound on takeovers, the message it leaves).
 */
public final class ItemTasks {
    private ItemTasks() {
    }

    /** Runs an item to its end. */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param stopping true once this instance is shutting down: the item is then handed back at its next step
         * @return true when the item was handed back and must be scheduled again
         */
        boolean run(long id, BooleanSupplier stopping);
    }

    /** An item whose worker died. */
    @FunctionalInterface
    public interface TakeOver {
        /** @return true when it was handed back to the queue (to be run again), false when it is ended */
        boolean takeOver(long id, String deadWorker);
    }

    /** The task of {@code descriptor}: runs its items with {@code runner}, takes dead ones over with {@code takeOver}. */
    public static CustomTask<Long> of(TaskDescriptor<Long> descriptor, TakeOver takeOver, Runner runner) {
        return Tasks.custom(descriptor)
                .onDeadExecution((complete, ops) -> {
                    Long id = (Long) complete.getExecution().taskInstance.getData();
                    if (takeOver.takeOver(id, complete.getExecution().pickedBy)) {
                        ops.reschedule(complete, Instant.now());
                    } else {
                        ops.stop();
                    }
                })
                .execute((instance, ctx) -> runner.run(instance.getData(),
                        () -> ctx.getSchedulerState().isShuttingDown())
                                ? (complete, ops) -> ops.reschedule(complete, Instant.now())
                                : new CompletionHandler.OnCompleteRemove<>());
    }
}
