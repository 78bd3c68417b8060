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
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.internal.TaskRegistryState;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Reads the task registry (asyncio's {@code all_tasks} and {@code current_task}). Tasks appear
 * here through the SPI's {@code TaskRegistry}, which every task implementation calls.
 *
 * <p>Thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class Tasks {

    private static final TaskFactory EAGER_TASK_FACTORY = new TaskFactory() {
        @Override
        public Task<?> newTask(EventLoop loop, Coroutine<?> coroutine, String name, Context context) {
            throw new UnsupportedOperationException(loop + " called the eager task factory instead of starting"
                    + " the task eagerly itself, so it does not support eager tasks: use a loop certified by the"
                    + " TCK, or remove the factory with setTaskFactory(null)");
        }

        @Override
        public String toString() {
            return "eager task factory";
        }
    };

    private Tasks() {
    }

    /**
     * Returns the eager task factory (asyncio 3.12's {@code eager_task_factory}): installed with
     * {@link EventLoop#setTaskFactory}, {@link EventLoop#createTask} runs the new task's first step
     * at once, inside the call, when the loop is running. A task that finishes without suspending
     * is done when {@code createTask} returns and never touches the scheduler; one that suspends
     * goes on as any task. While its first step runs it is the current task and is in
     * {@link #allTasks}, as asyncio's eager tasks are.
     *
     * <p>The loop carries the eagerness out itself (the SPI's {@code BaseEventLoop} does, and the
     * TCK certifies it); this factory only selects it and is never asked to create a task.
     *
     * @return the shared factory
     */
    public static TaskFactory eagerTaskFactory() {
        return EAGER_TASK_FACTORY;
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
     * {@return the not-done tasks of the loop running on this thread}
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
     * {@return the current task of the loop running on this thread, if any}
     *
     * @throws IllegalStateException if no loop runs on this thread
     */
    public static Optional<Task<?>> currentTask() {
        return currentTask(EventLoops.getRunningLoop());
    }
}
