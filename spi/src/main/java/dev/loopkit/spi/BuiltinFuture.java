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

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Context;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.InvalidStateException;
import dev.loopkit.api.internal.CurrentContexts;
import dev.loopkit.api.internal.Failures;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The built-in {@link Future}, for loop authors: application code gets futures from
 * {@link EventLoop#createFuture()} and never calls this constructor (the Java form of asyncio's
 * private {@code Future.__init__(*, loop)}). Works with any {@link EventLoop}, not only
 * {@link BaseEventLoop}.
 *
 * <p>Done callbacks are scheduled with {@link EventLoop#callSoon(Runnable, Context)}, in the order
 * they were added, each in a copy of the context current when it was added (asyncio's). Not
 * thread-safe: loop thread only.
 *
 * @param <T> the type of the result
 */
@API(status = STABLE, since = "0.1")
public class BuiltinFuture<T> implements Future<T> {

    private enum State { PENDING, CANCELLED, FINISHED }

    private final EventLoop loop;
    private State state = State.PENDING;
    private T result;
    private Throwable exception;
    private String cancelMessage;
    /**
     * The first done callback and its context in fields of their own, as CPython's C future keeps
     * them ({@code fut_callback0}): nearly every future gets exactly one (the task awaiting it),
     * and a list for it would cost ~56 bytes per future.
     */
    private Consumer<? super Future<T>> firstCallback;
    private Context firstContext;
    /** The callbacks after the first: callback, context, callback, context, ...: no pair object per registration. */
    private List<Object> callbacks;
    private UnretrievedExceptions.Report unretrieved;
    /** Where it was created, when its loop was in debug mode; null otherwise. */
    private final List<StackTraceElement> sourceTraceback;

    /**
     * Creates a pending future. For loop authors only; see the class comment.
     *
     * @param loop the loop whose thread runs the callbacks; never null
     */
    public BuiltinFuture(EventLoop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
        this.sourceTraceback = loop.getDebug() ? SourceTraceback.capture() : null;
    }

    @Override
    public T result() {
        switch (state) {
            case PENDING -> throw new InvalidStateException("Result is not set.");
            case CANCELLED -> throw new CancelledException(cancelMessage);
            default -> {
                markRetrieved();
                if (exception != null) {
                    throw Failures.unchecked(exception);
                }
                return result;
            }
        }
    }

    @Override
    public Throwable exception() {
        switch (state) {
            case PENDING -> throw new InvalidStateException("Exception is not set.");
            case CANCELLED -> throw new CancelledException(cancelMessage);
            default -> {
                markRetrieved();
                return exception;
            }
        }
    }

    @Override
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        if (state != State.PENDING) {
            loop.callSoon(new DoneCallback<>(this, callback));
            return;
        }
        Context context = CurrentContexts.captureForCallback();
        // Only while no callback waits may one take the first slot: the order of registration holds.
        if (firstCallback == null && callbacks == null) {
            firstCallback = callback;
            firstContext = context;
            return;
        }
        if (callbacks == null) {
            callbacks = new ArrayList<>(4);
        }
        callbacks.add(callback);
        callbacks.add(context);
    }

    @Override
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        int removed = 0;
        if (callback.equals(firstCallback)) {
            firstCallback = null;
            firstContext = null;
            removed++;
        }
        if (callbacks == null) {
            return removed;
        }
        List<Object> kept = new ArrayList<>(callbacks.size());
        for (int i = 0; i < callbacks.size(); i += 2) {
            if (!callback.equals(callbacks.get(i))) {
                kept.add(callbacks.get(i));
                kept.add(callbacks.get(i + 1));
            }
        }
        removed += (callbacks.size() - kept.size()) / 2;
        callbacks = kept.isEmpty() ? null : kept;
        return removed;
    }

    @Override
    public boolean cancel(String message) {
        if (state != State.PENDING) {
            return false;
        }
        state = State.CANCELLED;
        cancelMessage = message;
        scheduleCallbacks();
        return true;
    }

    @Override
    public boolean cancelled() {
        return state == State.CANCELLED;
    }

    @Override
    public boolean done() {
        return state != State.PENDING;
    }

    @Override
    public EventLoop getLoop() {
        return loop;
    }

    @Override
    public void setResult(T value) {
        requirePending("setResult");
        result = value;
        state = State.FINISHED;
        scheduleCallbacks();
    }

    @Override
    public void setException(Throwable failure) {
        Objects.requireNonNull(failure, "exception");
        requirePending("setException");
        exception = failure;
        state = State.FINISHED;
        unretrieved = UnretrievedExceptions.watch(this, loop, failure);
        scheduleCallbacks();
    }

    /**
     * Called once when the future becomes done, before its callbacks are scheduled. The default
     * implementation does nothing; {@link BuiltinTask} unregisters itself here.
     */
    protected void onDone() {
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describeState() + createdAt() + "]";
    }

    /** {@return how a done future ended, without marking its exception retrieved: result, cancelled, or the exception's class} */
    final String outcome() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            case FINISHED -> exception != null ? exception.getClass().getName() : "result";
        };
    }

    /** {@return the state as asyncio prints it: pending, cancelled, finished, or the exception} */
    protected String describeState() {
        return switch (state) {
            case PENDING -> "pending";
            case CANCELLED -> "cancelled";
            case FINISHED -> exception != null ? "finished exception=" + exception : "finished result=" + result;
        };
    }

    /**
     * {@return " created at FRAME", the application's line that created this future in debug mode
     * (asyncio's repr), or "" when its loop was not in debug mode}
     */
    protected final String createdAt() {
        return SourceTraceback.createdAt(sourceTraceback);
    }

    /** Where it was created, most recent frame first, or null outside debug mode. */
    final List<StackTraceElement> sourceTraceback() {
        return sourceTraceback;
    }

    private void requirePending(String operation) {
        if (state != State.PENDING) {
            throw new InvalidStateException(operation + "() on a future that is already done: " + this);
        }
    }

    private void scheduleCallbacks() {
        onDone();
        Consumer<? super Future<T>> first = firstCallback;
        Context firstIn = firstContext;
        List<Object> toRun = callbacks;
        firstCallback = null;
        firstContext = null;
        callbacks = null;
        if (first != null) {
            loop.callSoon(new DoneCallback<>(this, first), firstIn);
        }
        if (toRun != null) {
            for (int i = 0; i < toRun.size(); i += 2) {
                @SuppressWarnings("unchecked") // only addDoneCallback adds, and it adds these
                Consumer<? super Future<T>> callback = (Consumer<? super Future<T>>) toRun.get(i);
                loop.callSoon(new DoneCallback<>(this, callback), (Context) toRun.get(i + 1));
            }
        }
    }

    private void markRetrieved() {
        if (unretrieved != null) {
            UnretrievedExceptions.retrieved(unretrieved);
            unretrieved = null;
        }
    }

    /** A done callback bound to its future, named after both for logs. */
    private record DoneCallback<T>(BuiltinFuture<T> future, Consumer<? super Future<T>> callback) implements Runnable {
        @Override
        public void run() {
            callback.accept(future);
        }

        @Override
        public String toString() {
            return callback + " of " + future;
        }
    }
}
