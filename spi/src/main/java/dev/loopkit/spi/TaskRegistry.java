/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.spi;

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.TaskRegistryState;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The task lifetime calls every task implementation makes, so that its tasks are seen by
 * {@link dev.loopkit.api.Tasks#allTasks} and {@link dev.loopkit.api.Tasks#currentTask} (asyncio's
 * {@code _register_task}, {@code _unregister_task}, {@code _enter_task}, {@code _leave_task}).
 * {@link BuiltinTask} already makes them.
 *
 * <p>Thread-safe; {@code enterTask}/{@code leaveTask} are called on the task's loop thread.
 */
@API(status = STABLE, since = "0.1")
public final class TaskRegistry {

    private TaskRegistry() {
    }

    /**
     * Registers a new task as managed by loopkit. Call it from the task's constructor.
     *
     * @param task the task; never null
     */
    public static void registerTask(Task<?> task) {
        TaskRegistryState.register(task);
    }

    /**
     * Unregisters a task. Call it when the task is about to finish.
     *
     * @param task the task; never null
     */
    public static void unregisterTask(Task<?> task) {
        TaskRegistryState.unregister(task);
    }

    /**
     * Makes {@code task} the current task of {@code loop}. Call it just before each
     * {@code send}/{@code throwInto} of the task's coroutine.
     *
     * @param loop the task's loop; never null
     * @param task the task; never null
     * @throws IllegalStateException if another task is current on that loop
     *     ({@code "Cannot enter into task ... while another task ... is being executed."})
     */
    public static void enterTask(EventLoop loop, Task<?> task) {
        TaskRegistryState.enter(loop, task);
    }

    /**
     * Switches the current task of {@code loop} back from {@code task} to none. Call it just after
     * each {@code send}/{@code throwInto}.
     *
     * @param loop the task's loop; never null
     * @param task the task; never null
     * @throws IllegalStateException if {@code task} is not the current task
     *     ({@code "Leaving task ... does not match the current task ...."})
     */
    public static void leaveTask(EventLoop loop, Task<?> task) {
        TaskRegistryState.leave(loop, task);
    }

    /**
     * Makes {@code task} the current task of {@code loop} whatever task is current, and returns
     * that one (asyncio's {@code _swap_current_task}): for a step that runs inside another task's
     * step, as an eager task's first step does. Swap the returned task back in afterwards.
     *
     * @param loop the task's loop; never null
     * @param task the task to make current, or null for none
     * @return the task that was current, or null
     */
    public static Task<?> swapCurrentTask(EventLoop loop, Task<?> task) {
        return TaskRegistryState.swap(loop, task);
    }

    /**
     * Returns true if {@code task} was registered and not unregistered since, whether or not it is
     * done: {@link dev.loopkit.api.Tasks#allTasks} shows only tasks that are not done, so it cannot
     * tell a finished task that unregistered itself from one that forgot to.
     *
     * @param task the task; never null
     * @return whether the registry holds it
     */
    public static boolean isRegistered(Task<?> task) {
        return TaskRegistryState.isRegistered(Objects.requireNonNull(task, "task"));
    }
}
