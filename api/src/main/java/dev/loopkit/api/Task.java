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
 * A {@link Future} that drives a {@link Coroutine} on an {@link EventLoop} (asyncio's
 * {@code Task}). Create one with {@link EventLoop#createTask(Coroutine)}.
 *
 * <p>A task starts on the loop's next iteration. Each step of the coroutine runs between
 * {@code enterTask} and {@code leaveTask} of the task registry, so {@link Tasks#currentTask} sees
 * it; when the coroutine suspends on a future the task resumes through a done callback on that
 * future. A task is visible in {@link Tasks#allTasks} from its creation until it is done.
 *
 * <p>{@link #cancel(String)} cancels the future the coroutine awaits, which raises a
 * {@link CancelledException} inside the coroutine at that await; the coroutine may catch it. A
 * task completes itself: {@link #setResult} and {@link #setException} throw
 * {@link UnsupportedOperationException}.
 *
 * <p>Thread-safety: as {@link Future}, loop thread only.
 *
 * @param <T> the type of the coroutine's result
 */
@API(status = STABLE, since = "0.1")
public interface Task<T> extends Future<T> {

    /** {@return the task's name, {@code Task-N} unless one was given} */
    String getName();

    /**
     * Renames the task.
     *
     * @param name the new name; never null
     */
    void setName(String name);

    /** {@return the coroutine this task drives} */
    Coroutine<T> getCoro();

    /**
     * {@return the context the task runs each step in (asyncio's {@code get_context()}): the one
     * given to {@link EventLoop#createTask}, or the copy of its creator's taken then}
     */
    Context getContext();

    /**
     * {@return the number of pending cancellation requests: incremented by each {@link #cancel}
     * of a task that is not done, decremented by {@link #uncancel()}}
     */
    int cancelling();

    /**
     * Withdraws one cancellation request, for code that catches a {@link CancelledException} and
     * means to go on (asyncio 3.11). When the count drops to zero, a cancellation that was
     * requested but not yet delivered is withdrawn too.
     *
     * @return the remaining number of cancellation requests
     */
    int uncancel();
}
