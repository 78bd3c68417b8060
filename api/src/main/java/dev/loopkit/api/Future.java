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

import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The result of an operation that completes later on an {@link EventLoop} (asyncio's
 * {@code Future}). Obtain one from {@link EventLoop#createFuture()}; loop authors may reuse the
 * built-in implementation in the SPI.
 *
 * <p>A future is <em>pending</em> until it gets a result, an exception or is cancelled; then it is
 * <em>done</em> and never changes again. Done callbacks are never run inline: when the future
 * completes (or when a callback is added to a done future) each callback is scheduled with
 * {@link EventLoop#callSoon(Runnable)}.
 *
 * <p>Exceptions: {@link #result()} rethrows a stored unchecked exception or error as it is (as
 * asyncio re-raises it); a checked exception is wrapped in a {@link CompletionException} whose
 * cause it is. {@link #exception()} always returns the stored exception unwrapped.
 *
 * <p>Thread-safety: not thread-safe. Use a future only on its loop's thread; from another thread
 * hand the work over with {@link EventLoop#callSoonThreadsafe(Runnable)}.
 *
 * @param <T> the type of the result
 */
@API(status = STABLE, since = "0.1")
public interface Future<T> {

    /**
     * Returns the result of a done future.
     *
     * @return the result set by {@link #setResult(Object)}
     * @throws CancelledException if the future was cancelled, carrying the cancel message
     * @throws InvalidStateException if the future is not done yet ({@code "Result is not set."})
     * @throws CompletionException wrapping a stored checked exception; an unchecked one is thrown as is
     */
    T result();

    /**
     * {@return the exception of a done future, or {@code null} if it completed with a result}
     * Reading it marks the exception as retrieved, so it is not reported when the future is
     * collected.
     *
     * @throws CancelledException if the future was cancelled
     * @throws InvalidStateException if the future is not done yet ({@code "Exception is not set."})
     */
    Throwable exception();

    /**
     * Adds a callback run with this future once it is done, scheduled with
     * {@link EventLoop#callSoon(Runnable)}; if the future is already done it is scheduled now. It
     * runs in a copy of the {@link Context} current when it was added (asyncio's).
     *
     * @param callback the callback; never null
     */
    void addDoneCallback(Consumer<? super Future<T>> callback);

    /**
     * Removes every registration of {@code callback} (compared with {@code equals}) that has not
     * been scheduled yet.
     *
     * @param callback the callback to remove; never null
     * @return how many registrations were removed
     */
    int removeDoneCallback(Consumer<? super Future<T>> callback);

    /**
     * Cancels the future with no message.
     *
     * @return {@code false} if the future was already done, else {@code true}
     * @see #cancel(String)
     */
    default boolean cancel() {
        return cancel(null);
    }

    /**
     * Cancels the future and schedules its callbacks. The message is carried by the
     * {@link CancelledException} that {@link #result()} throws afterwards.
     *
     * @param message the cancellation message; may be null
     * @return {@code false} if the future was already done, else {@code true}
     */
    boolean cancel(String message);

    /** {@return {@code true} if the future was cancelled} */
    boolean cancelled();

    /** {@return {@code true} if the future has a result, an exception, or was cancelled} */
    boolean done();

    /** {@return the loop this future is bound to; its callbacks run there} */
    EventLoop getLoop();

    /**
     * Marks the future done with a result and schedules its callbacks.
     *
     * @param result the result; may be null
     * @throws InvalidStateException if the future is already done
     */
    void setResult(T result);

    /**
     * Marks the future done with an exception and schedules its callbacks. An exception that is
     * never retrieved (by {@link #result()} or {@link #exception()}) is reported to the loop's
     * exception handler when the future is garbage-collected.
     *
     * @param exception the failure; never null
     * @throws InvalidStateException if the future is already done
     */
    void setException(Throwable exception);
}
