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
 * The generator protocol a {@link Task} drives (asyncio's coroutine object): each call runs the
 * coroutine until it suspends on a {@link Future} or finishes. Application code rarely implements
 * it: {@link Coroutines#of(CoroutineBody)} turns an ordinary lambda that calls
 * {@link Async#await(Future)} into a coroutine.
 *
 * <p>Protocol: the first call is {@link #send()} (or {@link #throwInto(Throwable)}, which
 * finishes a coroutine that has not started without running it). Each call returns
 * {@link Step.Await} (the coroutine suspended on a future) or {@link Step.Return} (it finished
 * with a value); if the coroutine finishes with an exception, the call throws it. Calling again
 * after it finished, or while it runs, throws {@link IllegalStateException}.
 *
 * <p>Thread-safety: not thread-safe; a coroutine is driven by one task on its loop's thread.
 *
 * @param <T> the type of the coroutine's result
 */
@API(status = STABLE, since = "0.1")
public interface Coroutine<T> {

    /**
     * Starts or resumes the coroutine (asyncio's {@code send(None)}: a task sends nothing in; at an
     * await the coroutine reads the awaited future's result itself).
     *
     * @return how the coroutine stopped
     * @throws Exception the exception the coroutine finished with
     */
    Step<T> send() throws Exception;

    /**
     * Resumes the coroutine by throwing {@code error} at the point where it is suspended.
     *
     * @param error the exception to raise inside the coroutine; never null
     * @return how the coroutine stopped
     * @throws Exception the exception the coroutine finished with (often {@code error} itself)
     */
    Step<T> throwInto(Throwable error) throws Exception;

    /**
     * Abandons the coroutine: a suspended one is unwound (its {@code finally} blocks run), a
     * coroutine that has not started never runs. Closing a finished coroutine does nothing.
     *
     * @throws IllegalStateException if the coroutine refused to stop and suspended again
     */
    void close();

    /**
     * How a coroutine stopped after {@link #send} or {@link #throwInto}.
     *
     * @param <T> the type of the coroutine's result
     */
    sealed interface Step<T> permits Step.Await, Step.Return {

        /**
         * The coroutine suspended until {@code future} is done.
         *
         * @param future the awaited future; never null
         * @param <T> the type of the coroutine's result
         */
        record Await<T>(Future<?> future) implements Step<T> {
        }

        /**
         * The coroutine finished with {@code value}.
         *
         * @param value the result; may be null
         * @param <T> the type of the coroutine's result
         */
        record Return<T>(T value) implements Step<T> {
        }
    }
}
