package dev.loopkit.tck.broken;

import dev.loopkit.api.Coroutine;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.api.Task;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.spi.BuiltinTask;
import dev.loopkit.testsupport.RecordingLoop;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deliberately broken loops, each a small variation of a correct {@code BaseEventLoop}
 * ({@link RecordingLoop}) with exactly one defect, named after it.
 */
final class BrokenLoops {

    private BrokenLoops() {
    }

    /** callSoon runs the callbacks of a batch last-in, first-out. */
    static final class LifoCallSoon extends RecordingLoop {
        private final Deque<Runnable> stack = new ArrayDeque<>();

        @Override
        public Handle callSoon(Runnable callback) {
            if (stack.isEmpty()) {
                super.callSoon(() -> {
                    while (!stack.isEmpty()) {
                        stack.pop().run();
                    }
                });
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

    /** callAt ignores the due time: every timer runs on the next iteration. */
    static final class TimersIgnoreTime extends RecordingLoop {
        @Override
        public TimerHandle callAt(long whenNanos, Runnable callback) {
            return super.callAt(time(), callback);
        }
    }

    /** stop() does nothing. */
    static final class StopIgnored extends RecordingLoop {
        @Override
        public void stop() {
        }
    }

    /** close() of a running loop is silently ignored instead of failing. */
    static final class CloseWhileRunningAllowed extends RecordingLoop {
        @Override
        public void close() {
            if (!isRunning()) {
                super.close();
            }
        }
    }

    /** A closed loop accepts callbacks and drops them silently. */
    static final class ClosedLoopAcceptsWork extends RecordingLoop {
        @Override
        public Handle callSoon(Runnable callback) {
            return isClosed() ? DROPPED : super.callSoon(callback);
        }

        @Override
        public Handle callSoonThreadsafe(Runnable callback) {
            return isClosed() ? DROPPED : super.callSoonThreadsafe(callback);
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

    /** Futures run their done callbacks inline. */
    static final class InlineFutureCallbacks extends RecordingLoop {
        @Override
        public <T> Future<T> createFuture() {
            return new DefectiveFuture<>(this, DefectiveFuture.Defect.INLINE_CALLBACKS);
        }
    }

    /** Futures accept a second result. */
    static final class FutureCompletesTwice extends RecordingLoop {
        @Override
        public <T> Future<T> createFuture() {
            return new DefectiveFuture<>(this, DefectiveFuture.Defect.COMPLETES_TWICE);
        }
    }

    /** Task.cancel() reports success but neither cancels the awaited future nor the task. */
    static final class CancelNotPropagated extends RecordingLoop {
        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Object context) {
            if (getTaskFactory() != null) {
                return super.createTask(coroutine, name, context);
            }
            checkClosed();
            return new BuiltinTask<>(coroutine, this, name, context) {
                @Override
                public boolean cancel(String message) {
                    return !done();
                }
            };
        }
    }

    /** Tasks of a vendor's own implementation that leaves out one registry call. */
    static final class OwnTasks extends RecordingLoop {
        private final MinimalTask.Registry registry;

        OwnTasks(MinimalTask.Registry registry) {
            this.registry = registry;
        }

        @Override
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Object context) {
            if (getTaskFactory() != null) {
                return super.createTask(coroutine, name, context);
            }
            checkClosed();
            return new MinimalTask<>(coroutine, this, name, context, registry);
        }
    }

    /** callSoonThreadsafe never wakes a waiting loop. */
    static final class NoWakeup extends RecordingLoop {
        @Override
        protected void wakeup() {
        }
    }

    /** A callback that throws stops the loop. */
    static final class ThrowingCallbackStopsLoop extends RecordingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
            super.callExceptionHandler(context);
            if (context.handle() != null) {
                stop();
            }
        }
    }

    /** The exception handler is never called. */
    static final class HandlerNeverCalled extends RecordingLoop {
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
    static final class DebugWithoutChecks extends RecordingLoop {
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
    static final class SlowThresholdIgnored extends RecordingLoop {
        @Override
        public void setSlowCallbackDuration(Duration threshold) {
        }
    }

    /** close() leaves the default executor running (it only shuts down a facade). */
    static final class ExecutorOutlivesClose extends RecordingLoop {
        @Override
        public void setDefaultExecutor(ExecutorService executor) {
            super.setDefaultExecutor(new Facade(executor));
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
    static final class ExecutorRunsOnLoopThread extends RecordingLoop {
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
        public <T> Task<T> createTask(Coroutine<T> coroutine, String name, Object context) {
            return super.createTask(coroutine, name != null ? name : "Task-1", context);
        }
    }
}
