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
