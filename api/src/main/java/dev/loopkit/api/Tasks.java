package dev.loopkit.api;

import dev.loopkit.api.internal.TaskRegistryState;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the task registry (asyncio's {@code all_tasks} and {@code current_task}). Tasks appear
 * here through the SPI's {@code TaskRegistry}, which every task implementation calls.
 *
 * <p>Thread-safe.
 */
public final class Tasks {

    private Tasks() {
    }

    /**
     * Returns a snapshot of the tasks of {@code loop} that are not done.
     *
     * @param loop the loop; never null
     * @return a new set, in no particular order
     */
    public static Set<Task<?>> allTasks(EventLoop loop) {
        return TaskRegistryState.pending(loop);
    }

    /**
     * Returns the not-done tasks of the loop running on this thread.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Set<Task<?>> allTasks() {
        return allTasks(EventLoops.getRunningLoop());
    }

    /**
     * Returns the task whose coroutine step is running on {@code loop}, if any.
     *
     * @param loop the loop; never null
     * @return the current task, or empty between steps
     */
    public static Optional<Task<?>> currentTask(EventLoop loop) {
        return Optional.ofNullable(TaskRegistryState.current(loop));
    }

    /**
     * Returns the current task of the loop running on this thread, if any.
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Optional<Task<?>> currentTask() {
        return currentTask(EventLoops.getRunningLoop());
    }
}
