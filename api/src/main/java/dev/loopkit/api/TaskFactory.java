package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Creates the tasks of {@link EventLoop#createTask} once installed with
 * {@link EventLoop#setTaskFactory} (asyncio's task factory). Loop authors typically return a
 * subclass of the SPI's built-in task.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface TaskFactory {

    /**
     * Creates a task that drives {@code coroutine} on {@code loop}.
     *
     * @param loop the loop; never null
     * @param coroutine the coroutine; never null
     * @param name the requested name, or null
     * @param context the context the task runs its steps in; never null (the loop copies the
     *     current one when the caller gave none)
     * @return the new task, bound to {@code loop}
     */
    Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context);
}
