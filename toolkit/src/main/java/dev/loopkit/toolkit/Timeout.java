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
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Handle;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A deadline over a block of a coroutine (asyncio 3.11's {@code asyncio.timeout}), made by
 * {@link Asyncio#timeout} and {@link Asyncio#timeoutAt}, which run the block and hand it this
 * scope. When the deadline passes, the scope cancels its task; the {@link CancelledException} that
 * unwinds the block becomes an {@link AsyncTimeoutException} as it leaves the scope, unless someone
 * else cancelled the task as well (then the cancellation goes on, as asyncio tells the two apart
 * with {@code Task.cancelling()} and {@code uncancel()}).
 *
 * <p>Thread-safety: loop thread only, as the task it belongs to.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Timeout {

    /**
     * The block a scope runs.
     *
     * @param <T> what the block returns
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the block inside the scope.
         *
         * @param scope the scope, to read or move its deadline
         * @return the block's result
         * @throws Exception whatever the block throws
         */
        T run(Timeout scope) throws Exception;
    }

    private enum State { CREATED, ENTERED, EXPIRING, EXPIRED, EXITED }

    private final EventLoop loop;
    private Long when;
    private Task<?> task;
    private Handle timer;
    private int cancelling;
    private State state = State.CREATED;

    Timeout(EventLoop loop, Long when) {
        this.loop = loop;
        this.when = when;
    }

    /**
     * Returns the deadline in the loop's {@link EventLoop#time()} nanoseconds, or null for none.
     *
     * @return the deadline, or null
     */
    public Long when() {
        return when;
    }

    /**
     * Moves the deadline; null removes it. A deadline already past cancels the block at the loop's
     * next iteration.
     *
     * @param newWhen the new deadline in {@link EventLoop#time()} nanoseconds, or null for none
     * @throws IllegalStateException outside the block, or once the deadline has passed
     */
    public void reschedule(Long newWhen) {
        if (state != State.ENTERED) {
            throw new IllegalStateException(state == State.CREATED ? "Timeout has not been entered"
                    : "Cannot change state of " + state.name().toLowerCase(Locale.ROOT) + " Timeout");
        }
        when = newWhen;
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (newWhen != null) {
            timer = newWhen <= loop.time() ? loop.callSoon(this::onDeadline) : loop.callAt(newWhen, this::onDeadline);
        }
    }

    /**
     * Returns whether the deadline passed and cancelled the block.
     *
     * @return true once the deadline has cancelled the block
     */
    public boolean expired() {
        return state == State.EXPIRING || state == State.EXPIRED;
    }

    @Override
    public String toString() {
        return "Timeout[" + state.name().toLowerCase(Locale.ROOT) + (when == null ? "" : ", when=" + when)
                + "]";
    }

    void enter() {
        task = Tasks.currentTask(loop).orElseThrow(() -> new IllegalStateException(
                "Timeout should be used inside a task: run the block in a coroutine driven by a task"));
        state = State.ENTERED;
        cancelling = task.cancelling();
        reschedule(when);
    }

    /**
     * Leaves the scope with what the block threw (null if it returned) and returns what the caller
     * must throw instead (null for nothing).
     */
    Throwable exit(Throwable failure) {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        if (state == State.EXPIRING) {
            state = State.EXPIRED;
            // Only our own cancellation becomes a timeout: a cancel from outside raised the count.
            if (task.uncancel() <= cancelling && failure instanceof CancelledException cancelled) {
                return new AsyncTimeoutException(cancelled);
            }
        } else if (state == State.ENTERED) {
            state = State.EXITED;
        }
        return failure;
    }

    private void onDeadline() {
        task.cancel();
        state = State.EXPIRING;
        timer = null;
    }
}
