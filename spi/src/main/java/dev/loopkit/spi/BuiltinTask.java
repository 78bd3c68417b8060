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
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.InvalidStateException;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * The built-in {@link Task}, for loop authors: application code gets tasks from
 * {@link EventLoop#createTask} and never calls this constructor (the Java form of asyncio's private
 * {@code Task.__init__(coro, *, loop, name, context)}). Works with any {@link EventLoop}.
 *
 * <p>The constructor registers the task ({@link TaskRegistry#registerTask}) and schedules its
 * first step with {@link EventLoop#callSoon}, or, started eagerly (asyncio 3.12's
 * {@code eager_start}) on a running loop, runs it at once with the task swapped in as the current
 * one ({@link TaskRegistry#swapCurrentTask}). Every other step runs between
 * {@link TaskRegistry#enterTask} and {@link TaskRegistry#leaveTask}. Every step runs in the
 * task's {@link Context}. The task unregisters itself when it is done.
 *
 * <p>Invariant (asyncio's): either {@code waiter} is null and a step is scheduled, or
 * {@code waiter} is the future the coroutine awaits and the task's wake-up callback is registered
 * on it. So at most one step is scheduled at any time, and {@code stepException} (what that step
 * throws into the coroutine) needs no queue.
 *
 * <p>Not thread-safe: loop thread only.
 *
 * @param <T> the type of the coroutine's result
 */
@API(status = STABLE, since = "0.1")
public class BuiltinTask<T> extends BuiltinFuture<T> implements Task<T> {

    private static final AtomicLong COUNTER = new AtomicLong();

    private final Coroutine<T> coro;
    private final Context context;
    /** The body of a step, run in the task's context: one object per task, not one per step. */
    private final Runnable stepInContext = this::runStep;
    private final Runnable stepCallback = new Runnable() {
        @Override
        public void run() {
            step();
        }

        @Override
        public String toString() {
            return "step of " + BuiltinTask.this;
        }
    };
    private final Consumer<Future<?>> wakeupCallback = new Consumer<>() {
        @Override
        public void accept(Future<?> awaited) {
            wakeup(awaited);
        }

        @Override
        public String toString() {
            return "wake-up of " + BuiltinTask.this;
        }
    };
    /**
     * The name given, or null until {@link #getName()} first formats {@code Task-}{@link #number}:
     * most tasks are never asked, and a formatted name costs ~50 B of heap per parked task.
     */
    private String name;
    /** The task's number, taken at creation as asyncio takes it, for its {@code Task-N} name. */
    private final long number;
    private Future<?> waiter;
    private Throwable stepException;
    private boolean mustCancel;
    private String requestedCancelMessage;
    private int cancelRequests;
    /** The JFR event of this task's lifetime, or null when no recording wanted it at creation. */
    private final TaskLifetimeEvent lifetime = TaskLifetimeEvent.beginIfEnabled();

    /**
     * Creates a task and schedules its first step. For loop authors only; see the class comment.
     *
     * @param coro the coroutine to drive; never null
     * @param loop the loop to run it on; never null
     * @param name the task's name, or null for {@code Task-N}
     * @param context the context its steps run in, or null for a copy of the current one
     */
    public BuiltinTask(Coroutine<T> coro, EventLoop loop, String name, Context context) {
        this(coro, loop, name, context, false);
    }

    /**
     * Creates a task and schedules its first step, or, with {@code eagerStart} on a running loop,
     * runs it now (what the loop does for {@link Tasks#eagerTaskFactory()}). For loop authors
     * only; see the class comment.
     *
     * @param coro the coroutine to drive; never null
     * @param loop the loop to run it on; never null
     * @param name the task's name, or null for {@code Task-N}
     * @param context the context its steps run in, or null for a copy of the current one
     * @param eagerStart whether to run the first step inside this constructor
     */
    @SuppressWarnings("this-escape") // asyncio's contract: the constructor schedules and registers the task
    public BuiltinTask(Coroutine<T> coro, EventLoop loop, String name, Context context, boolean eagerStart) {
        super(loop);
        this.coro = Objects.requireNonNull(coro, "coro");
        this.name = name;
        this.number = name != null ? 0 : COUNTER.incrementAndGet();
        this.context = context != null ? context : Context.copyCurrent();
        if (eagerStart && loop.isRunning()) {
            TaskRegistry.registerTask(this);
            eagerStart(loop);
        } else {
            loop.callSoon(stepCallback);
            TaskRegistry.registerTask(this);
        }
    }

    @Override
    public String getName() {
        String given = name;
        if (given == null) {
            // A race between threads formats the same string twice; either result is the name.
            given = "Task-" + number;
            name = given;
        }
        return given;
    }

    @Override
    public void setName(String newName) {
        this.name = Objects.requireNonNull(newName, "name");
    }

    @Override
    public Coroutine<T> getCoro() {
        return coro;
    }

    @Override
    public Context getContext() {
        return context;
    }

    @Override
    public int cancelling() {
        return cancelRequests;
    }

    @Override
    public int uncancel() {
        if (cancelRequests > 0) {
            cancelRequests--;
            if (cancelRequests == 0) {
                mustCancel = false;
            }
        }
        return cancelRequests;
    }

    /**
     * Requests cancellation: the awaited future is cancelled (which raises a
     * {@link CancelledException} in the coroutine when it wakes), or, between steps, the next step
     * throws it in.
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        cancelRequests++;
        if (waiter != null && waiter.cancel(message)) {
            return true;
        }
        mustCancel = true;
        requestedCancelMessage = message;
        return true;
    }

    /** Always throws: a task completes itself. */
    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult(): " + this);
    }

    /** Always throws: a task completes itself. */
    @Override
    public void setException(Throwable failure) {
        throw new UnsupportedOperationException("Task does not support setException(): " + this);
    }

    @Override
    protected void onDone() {
        TaskRegistry.unregisterTask(this);
        if (lifetime != null) {
            lifetime.finish(this);
        }
    }

    @Override
    public String toString() {
        return "Task[" + describeState() + ", name='" + getName() + "', coro=" + coro + createdAt() + "]";
    }

    private void step() {
        if (done()) {
            throw new InvalidStateException("step(): already done: " + this);
        }
        EventLoop loop = getLoop();
        TaskRegistry.enterTask(loop, this);
        try {
            context.run(stepInContext);
        } finally {
            TaskRegistry.leaveTask(loop, this);
        }
    }

    /**
     * The first step, run inside the constructor (asyncio's {@code __eager_start}): the task that
     * created this one, if any, is current again afterwards.
     */
    private void eagerStart(EventLoop loop) {
        Task<?> creator = TaskRegistry.swapCurrentTask(loop, this);
        try {
            context.run(stepInContext);
        } finally {
            TaskRegistry.swapCurrentTask(loop, creator);
        }
    }

    private void runStep() {
        Throwable toThrow = stepException;
        stepException = null;
        if (mustCancel) {
            if (!(toThrow instanceof CancelledException)) {
                toThrow = new CancelledException(requestedCancelMessage);
            }
            mustCancel = false;
        }
        waiter = null;
        Coroutine.Step<T> outcome;
        try {
            outcome = toThrow == null ? coro.send() : coro.throwInto(toThrow);
        } catch (CancelledException e) {
            super.cancel(e.getMessage());
            return;
        } catch (Throwable e) {
            super.setException(e);
            CallbackFailures.rethrowIfFatal(e);
            return;
        }
        switch (outcome) {
            case Coroutine.Step.Return<T> done -> {
                if (mustCancel) {
                    mustCancel = false;
                    super.cancel(requestedCancelMessage);
                } else {
                    super.setResult(done.value());
                }
            }
            case Coroutine.Step.Await<T> await -> suspendOn(await.future());
        }
    }

    private void suspendOn(Future<?> future) {
        if (future.getLoop() != getLoop()) {
            scheduleStep(new IllegalStateException(
                    "Task " + this + " got Future " + future + " attached to a different loop"));
        } else if (future == this) {
            scheduleStep(new IllegalStateException("Task cannot await on itself: " + this));
        } else {
            future.addDoneCallback(wakeupCallback);
            waiter = future;
            if (mustCancel && waiter.cancel(requestedCancelMessage)) {
                mustCancel = false;
            }
        }
    }

    private void wakeup(Future<?> future) {
        try {
            future.result();
        } catch (RuntimeException | Error failure) {
            CallbackFailures.rethrowIfFatal(failure);
            stepException = failure;
        }
        step();
    }

    private void scheduleStep(Throwable toThrow) {
        stepException = toThrow;
        getLoop().callSoon(stepCallback);
    }
}
