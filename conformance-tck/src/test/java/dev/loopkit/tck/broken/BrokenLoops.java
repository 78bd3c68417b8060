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
package dev.loopkit.tck.broken;

import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.api.Task;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.spi.BuiltinTask;
import dev.loopkit.testsupport.ForwardingLoop;
import dev.loopkit.testsupport.RecordingLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Deliberately broken loops, each a small variation of a correct {@code BaseEventLoop}
 * ({@link RecordingLoop}) with exactly one defect, named after it.
 */
final class BrokenLoops {

    private BrokenLoops() {
    }

    /** callSoon runs the callbacks of a batch last-in, first-out (each in its own context). */
    static final class LifoCallSoon extends ForwardingLoop {
        private final Deque<Runnable> stack = new ArrayDeque<>();

        @Override
        public Handle callSoon(Runnable given, Context context) {
            Context runIn = context != null ? context : Context.copyCurrent();
            Runnable callback = () -> runIn.run(given);
            if (stack.isEmpty()) {
                delegate().callSoon(() -> {
                    while (!stack.isEmpty()) {
                        stack.pop().run();
                    }
                }, null);
            }
            stack.push(callback);
            return new Handle() {
                @Override
                public void cancel() {
                    stack.remove(callback);
                }

                @Override
                public boolean cancelled() {
                    return !stack.contains(callback);
                }
            };
        }
    }

    /** callAt and callLater ignore the due time: every timer runs on the next iteration. */
    static final class TimersIgnoreTime extends ForwardingLoop {
        @Override
        public TimerHandle callAt(long whenNanos, Runnable callback, Context context) {
            return delegate().callAt(time(), callback, context);
        }

        @Override
        public TimerHandle callLater(Duration delay, Runnable callback, Context context) {
            return delegate().callAt(time(), callback, context);
        }
    }

    /** stop() does nothing. */
    static final class StopIgnored extends ForwardingLoop {
        @Override
        public void stop() {
        }
    }

    /** close() of a running loop is silently ignored instead of failing. */
    static final class CloseWhileRunningAllowed extends ForwardingLoop {
        @Override
        public void close() {
            if (!isRunning()) {
                delegate().close();
            }
        }
    }

    /** A closed loop accepts callbacks and drops them silently. */
    static final class ClosedLoopAcceptsWork extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return isClosed() ? DROPPED : delegate().callSoon(callback, context);
        }

        @Override
        public Handle callSoonThreadsafe(Runnable callback, Context context) {
            return isClosed() ? DROPPED : delegate().callSoonThreadsafe(callback, context);
        }

        private static final Handle DROPPED = new Handle() {
            @Override
            public void cancel() {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
    }

    /** Futures with one defect. */
    static final class DefectiveFutures extends RecordingLoop {
        private final DefectiveFuture.Defect defect;

        DefectiveFutures(DefectiveFuture.Defect defect) {
            this.defect = defect;
        }

        @Override
        public <T> Future<T> createFuture() {
            return new DefectiveFuture<>(this, defect);
        }
    }

    /**
     * A loop that makes its own tasks (when no task factory is set), as a vendor with its own task
     * implementation does.
     */
    abstract static class OwnTaskLoop extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
            if (getTaskFactory() != null) {
                return super.createTask(coroutine, name, context);
            }
            checkClosed();
            return newTask(coroutine, name, context);
        }

        /** Makes the loop's own task. */
        abstract <T> Task<T> newTask(Coroutine<T> coroutine, String name, Context context);
    }

    /** Task.cancel() reports success but neither cancels the awaited future nor the task. */
    static final class CancelNotPropagated extends OwnTaskLoop {
        @Override
        <T> Task<T> newTask(Coroutine<T> coroutine, String name, Context context) {
            return new BuiltinTask<>(coroutine, this, name, context) {
                @Override
                public boolean cancel(String message) {
                    return !done();
                }
            };
        }
    }

    /** Tasks of a vendor's own implementation that leaves out one registry call, or has one defect. */
    static final class OwnTasks extends OwnTaskLoop {
        private final MinimalTask.Registry registry;
        private final MinimalTask.Defect defect;

        OwnTasks(MinimalTask.Registry registry) {
            this(registry, MinimalTask.Defect.NONE);
        }

        OwnTasks(MinimalTask.Defect defect) {
            this(MinimalTask.Registry.COMPLETE, defect);
        }

        private OwnTasks(MinimalTask.Registry registry, MinimalTask.Defect defect) {
            this.registry = registry;
            this.defect = defect;
        }

        @Override
        <T> Task<T> newTask(Coroutine<T> coroutine, String name, Context context) {
            return new MinimalTask<>(coroutine, this, name, context, registry, defect);
        }
    }

    /** callSoonThreadsafe never wakes a waiting loop. */
    static final class NoWakeup extends RecordingLoop {
        @Override
        protected void wakeup() {
        }
    }

    /** A callback that throws stops the loop. */
    static final class ThrowingCallbackStopsLoop extends ForwardingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
            delegate().callExceptionHandler(context);
            if (context.handle() != null) {
                stop();
            }
        }
    }

    /** The exception handler is never called. */
    static final class HandlerNeverCalled extends ForwardingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
        }
    }

    /** time() runs backwards. */
    static final class ClockBackwards extends RecordingLoop {
        @Override
        public long time() {
            return -System.nanoTime();
        }
    }

    /** setDebug is remembered but never reaches the loop: no thread checks. */
    static final class DebugWithoutChecks extends ForwardingLoop {
        private boolean debug;

        @Override
        public void setDebug(boolean enabled) {
            debug = enabled;
        }

        @Override
        public boolean getDebug() {
            return debug;
        }
    }

    /** setSlowCallbackDuration is ignored. */
    static final class SlowThresholdIgnored extends ForwardingLoop {
        @Override
        public void setSlowCallbackDuration(Duration threshold) {
        }
    }

    /** close() leaves the default executor running (it only shuts down a facade). */
    static final class ExecutorOutlivesClose extends ForwardingLoop {
        @Override
        public void setDefaultExecutor(ExecutorService executor) {
            delegate().setDefaultExecutor(new Facade(executor));
        }

        private static final class Facade extends AbstractExecutorService {
            private final Executor target;
            private volatile boolean shutdown;

            Facade(Executor target) {
                this.target = target;
            }

            @Override
            public void execute(Runnable command) {
                target.execute(command);
            }

            @Override
            public void shutdown() {
                shutdown = true;
            }

            @Override
            public List<Runnable> shutdownNow() {
                shutdown = true;
                return List.of();
            }

            @Override
            public boolean isShutdown() {
                return shutdown;
            }

            @Override
            public boolean isTerminated() {
                return shutdown;
            }

            @Override
            public boolean awaitTermination(long timeout, TimeUnit unit) {
                return shutdown;
            }
        }
    }

    /** runInExecutor runs the call right away on the loop thread. */
    static final class ExecutorRunsOnLoopThread extends ForwardingLoop {
        @Override
        public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
            checkClosed();
            Future<T> future = createFuture();
            try {
                future.setResult(call.call());
            } catch (Exception e) {
                future.setException(e);
            }
            return future;
        }
    }

    /** Every task is named Task-1. */
    static final class SameTaskNames extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Context context) {
            return super.createTask(coroutine, name != null ? name : "Task-1", context);
        }
    }

    /** callSoon is a zero-delay timer: a due timer scheduled earlier overtakes it. */
    static final class CallSoonAsTimer extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return delegate().callAt(time(), callback, context);
        }
    }

    /** time() reads the wall clock in milliseconds. */
    static final class MillisecondClock extends RecordingLoop {
        @Override
        public long time() {
            return System.currentTimeMillis() * 1_000_000L;
        }
    }

    /** The debug-mode thread check guards callSoon only. */
    static final class DebugChecksOnlyCallSoon extends ForwardingLoop {
        @Override
        public TimerHandle callAt(long whenNanos, Runnable callback, Context context) {
            return withoutDebug(() -> delegate().callAt(whenNanos, callback, context));
        }

        @Override
        public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
            return withoutDebug(() -> delegate().runInExecutor(executor, call));
        }

        private <R> R withoutDebug(Supplier<R> call) {
            boolean debug = getDebug();
            setDebug(false);
            try {
                return call.get();
            } finally {
                setDebug(debug);
            }
        }
    }

    /** callSoonThreadsafe hands back a handle of its own, not the one it queued. */
    static final class ThreadsafeHandleNotCancellable extends ForwardingLoop {
        @Override
        public Handle callSoonThreadsafe(Runnable callback, Context context) {
            Handle queued = delegate().callSoonThreadsafe(callback, context);
            return new Handle() {
                private boolean cancelled;

                @Override
                public void cancel() {
                    cancelled = true;
                }

                @Override
                public boolean cancelled() {
                    return cancelled || queued.cancelled();
                }
            };
        }
    }

    /** runInExecutor never tells the executor that its future was cancelled. */
    static final class ExecutorCancelIgnored extends ForwardingLoop {
        @Override
        public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
            if (executor == null) {
                return delegate().runInExecutor(null, call);
            }
            Future<T> future = createFuture();
            executor.execute(() -> {
                try {
                    T value = call.call();
                    callSoonThreadsafe(() -> {
                        if (!future.done()) {
                            future.setResult(value);
                        }
                    });
                } catch (Exception e) {
                    callSoonThreadsafe(() -> {
                        if (!future.done()) {
                            future.setException(e);
                        }
                    });
                }
            });
            return future;
        }
    }

    /** shutdownDefaultExecutor without a default executor returns a future that never completes. */
    static final class ShutdownWithoutExecutorNeverCompletes extends ForwardingLoop {
        private boolean executorMade;

        @Override
        public <T> Future<T> runInExecutor(Executor executor, Callable<T> call) {
            executorMade |= executor == null;
            return delegate().runInExecutor(executor, call);
        }

        @Override
        public Future<Void> shutdownDefaultExecutor() {
            return executorMade ? delegate().shutdownDefaultExecutor() : createFuture();
        }
    }

    /** runUntilComplete of a future that is already done takes a shortcut that drops its failure. */
    static final class RunUntilCompleteSwallowsFailure extends ForwardingLoop {
        @Override
        public <T> T runUntilComplete(Future<T> future) {
            if (future.getLoop() == this && future.done()) {
                return future.cancelled() || future.exception() != null ? null : future.result();
            }
            return delegate().runUntilComplete(future);
        }
    }

    /** runUntilComplete(coroutine) makes the task before checking that the loop may run. */
    static final class RunUntilCompleteCreatesTaskFirst extends ForwardingLoop {
        @Override
        public <T> T runUntilComplete(Coroutine<T> coroutine) {
            return runUntilComplete(createTask(coroutine));
        }
    }

    /** runUntilComplete checks the future's loop before whether it is closed. */
    static final class ForeignFutureCheckedFirst extends ForwardingLoop {
        @Override
        public <T> T runUntilComplete(Future<T> future) {
            if (future.getLoop() != this) {
                throw new IllegalArgumentException("The future belongs to a different loop");
            }
            return delegate().runUntilComplete(future);
        }
    }

    /** Tasks of the built-in kind with one defect in their cancellation bookkeeping. */
    static final class CancellationDefect extends OwnTaskLoop {
        /** The defect. */
        enum Defect {
            /** cancel() returns false when a cancellation is already pending. */
            SECOND_CANCEL_RETURNS_FALSE,
            /** uncancel() withdraws the pending cancellation at once, whatever the count. */
            UNCANCEL_WITHDRAWS_ALL
        }

        private final Defect defect;

        CancellationDefect(Defect defect) {
            this.defect = defect;
        }

        @Override
        <T> Task<T> newTask(Coroutine<T> coroutine, String name, Context context) {
            return defect == Defect.SECOND_CANCEL_RETURNS_FALSE ? new BuiltinTask<>(coroutine, this, name, context) {
                @Override
                public boolean cancel(String message) {
                    boolean alreadyPending = cancelling() > 0;
                    return super.cancel(message) && !alreadyPending;
                }
            } : new BuiltinTask<>(coroutine, this, name, context) {
                /** The requests it still reports after withdrawing them all. */
                private int reported;

                @Override
                public int cancelling() {
                    return super.cancelling() + reported;
                }

                @Override
                public int uncancel() {
                    int left = Math.max(cancelling() - 1, 0);
                    while (super.uncancel() > 0) {
                        // withdraw every request, and with them the pending cancellation
                    }
                    reported = left;
                    return left;
                }
            };
        }
    }

    /** runUntilComplete(coroutine) makes a built-in task itself, past the task factory. */
    static final class RunUntilCompleteBypassesFactory extends ForwardingLoop {
        @Override
        public <T> T runUntilComplete(Coroutine<T> coroutine) {
            checkClosed();
            if (isRunning()) {
                throw new IllegalStateException("This event loop is already running");
            }
            return runUntilComplete(new BuiltinTask<>(coroutine, this, null, null));
        }
    }

    /** Keeps the callback of every timer it scheduled until it is closed, cancelled or not. */
    static final class CancelledTimersKeptUntilClose extends ForwardingLoop {
        private final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public TimerHandle callAt(long whenNanos, Runnable callback, Context context) {
            scheduled.add(callback);
            return delegate().callAt(whenNanos, callback, context);
        }

        @Override
        public TimerHandle callLater(Duration delay, Runnable callback, Context context) {
            scheduled.add(callback);
            return delegate().callLater(delay, callback, context);
        }

        @Override
        public void close() {
            delegate().close();
            scheduled.clear();
        }
    }

    /**
     * Tracks the callSoon callbacks not yet run "for diagnostics", a cancelled one included: with
     * {@code pastClose}, close() keeps them for as long as the loop lives; without, close() drops
     * them, but until then a cancelled callback stays reachable.
     */
    static final class KeepsScheduledCallbacks extends ForwardingLoop {
        private final boolean pastClose;
        private final Set<Runnable> scheduled = Collections.newSetFromMap(new IdentityHashMap<>());
        private final List<Runnable> keptAtClose = new ArrayList<>();

        KeepsScheduledCallbacks(boolean pastClose) {
            this.pastClose = pastClose;
        }

        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return delegate().callSoon(track(callback), context);
        }

        private Runnable track(Runnable callback) {
            Runnable tracked = new Runnable() {
                @Override
                public void run() {
                    scheduled.remove(this);
                    callback.run();
                }

                @Override
                public String toString() {
                    return callback.toString();
                }
            };
            scheduled.add(tracked);
            return tracked;
        }

        @Override
        public void close() {
            if (pastClose) {
                keptAtClose.addAll(scheduled);
            }
            scheduled.clear();
            delegate().close();
        }
    }
}
