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
package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.api.TimerHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs coroutines on one loop that it creates and closes (asyncio's {@code Runner}): several
 * {@link #run} calls share the loop, and {@link #close()} cancels the tasks that remain, waits for
 * them, shuts the default executor down and closes the loop, in that order. The wait for the
 * default executor's calls is bounded, by 300 s unless given (asyncio's
 * {@code THREAD_JOIN_TIMEOUT}): a call that never ends gets a warning, and the loop is closed
 * without it.
 *
 * <pre>{@code
 * try (Runner runner = new Runner()) {
 *     runner.run(Coroutines.of(() -> connect()));
 *     runner.run(Coroutines.of(() -> serve()));
 * }
 * }</pre>
 *
 * <p>Not thread-safe: use a runner on one thread.
 */
@API(status = STABLE, since = "0.1")
public final class Runner implements AutoCloseable {

    /** How long close() waits for the default executor's calls unless told otherwise (asyncio's). */
    public static final Duration DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT = Duration.ofSeconds(300);

    private static final Logger LOG = LoggerFactory.getLogger(Runner.class);
    private static final String SIGINT = "SIGINT";

    private final Supplier<? extends EventLoop> loopFactory;
    private final Boolean debug;
    private final Duration executorShutdownTimeout;
    private EventLoop loop;
    private boolean closed;

    /** A runner whose loop comes from the default {@link LoopPolicy}. */
    public Runner() {
        this(null, null);
    }

    /**
     * A runner with its own loop factory and debug flag.
     *
     * @param loopFactory creates the loop, or null for {@code LoopPolicy.getDefault().newEventLoop()}
     * @param debug whether the loop runs in debug mode, or null to leave the loop's setting alone
     *     (which {@code -Dloopkit.debug=true} turns on)
     */
    public Runner(Supplier<? extends EventLoop> loopFactory, Boolean debug) {
        this(loopFactory, debug, DEFAULT_EXECUTOR_SHUTDOWN_TIMEOUT);
    }

    /**
     * A runner with its own loop factory, debug flag and bound on the wait for the default
     * executor.
     *
     * @param loopFactory creates the loop, or null for {@code LoopPolicy.getDefault().newEventLoop()}
     * @param debug whether the loop runs in debug mode, or null to leave the loop's setting alone
     * @param executorShutdownTimeout how long {@link #close()} waits for the default executor's
     *     calls to end; positive
     */
    public Runner(Supplier<? extends EventLoop> loopFactory, Boolean debug, Duration executorShutdownTimeout) {
        Objects.requireNonNull(executorShutdownTimeout, "executorShutdownTimeout");
        if (executorShutdownTimeout.isNegative() || executorShutdownTimeout.isZero()) {
            throw new IllegalArgumentException("executorShutdownTimeout must be positive, got "
                    + executorShutdownTimeout);
        }
        this.loopFactory = loopFactory != null ? loopFactory : () -> LoopPolicy.getDefault().newEventLoop();
        this.debug = debug;
        this.executorShutdownTimeout = executorShutdownTimeout;
    }

    /**
     * Runs {@code coroutine} as a task on the runner's loop until it completes. Meanwhile the
     * first SIGINT (Ctrl-C) the process receives cancels the task, as asyncio's runner does, and
     * the next is the JVM's again (the process ends); a SIGINT handler the application gave the
     * runner's loop is replaced while the task runs.
     *
     * @param <T> the result type
     * @param coroutine the coroutine; never null
     * @return its result
     * @throws IllegalStateException if the runner is closed, or a loop is already running on this
     *     thread
     */
    public <T> T run(Coroutine<T> coroutine) {
        Objects.requireNonNull(coroutine, "coroutine");
        if (EventLoops.findRunningLoop().isPresent()) {
            throw new IllegalStateException("Runner.run() cannot be called from a running event loop");
        }
        EventLoop target = getLoop();
        Task<T> task = target.createTask(coroutine);
        boolean interruptible = cancelOnSigint(target, task);
        try {
            return target.runUntilComplete(task);
        } finally {
            if (interruptible) {
                target.removeSignalHandler(SIGINT);
            }
        }
    }

    /**
     * While {@code task} runs, a first SIGINT (Ctrl-C) cancels it, so that its {@code finally}
     * blocks and the runner's shutdown run, and gives SIGINT back to the JVM, whose handler ends
     * the process at the next one (asyncio's {@code Runner._on_sigint}, where the second raises
     * {@code KeyboardInterrupt}). On a loop without signal handlers, SIGINT stays the JVM's.
     *
     * @return whether the loop took SIGINT
     */
    private static boolean cancelOnSigint(EventLoop loop, Task<?> task) {
        try {
            loop.addSignalHandler(SIGINT, () -> {
                loop.removeSignalHandler(SIGINT);
                task.cancel();
            });
            return true;
        } catch (UnsupportedOperationException | IllegalArgumentException noSignals) {
            return false;
        }
    }

    /**
     * {@return the runner's loop, creating it on first call}
     *
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        if (closed) {
            throw new IllegalStateException("Runner is closed");
        }
        if (loop == null) {
            loop = Objects.requireNonNull(loopFactory.get(), "the loop factory returned null");
            if (debug != null) {
                loop.setDebug(debug);
            }
        }
        return loop;
    }

    /** Cancels remaining tasks, shuts the default executor down and closes the loop. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop == null) {
            return;
        }
        try {
            cancelAllTasks(loop);
            shutdownDefaultExecutor(loop, executorShutdownTimeout);
        } finally {
            loop.close();
        }
    }

    /**
     * Shuts the default executor down and waits for its calls, for at most {@code timeout}; then
     * warns and gives up on them (asyncio's shutdown_default_executor(timeout)).
     */
    private static void shutdownDefaultExecutor(EventLoop loop, Duration timeout) {
        Future<Void> shutdown = loop.shutdownDefaultExecutor();
        Future<Void> ended = loop.createFuture();
        shutdown.addDoneCallback(done -> {
            if (!ended.done()) {
                ended.setResult(null);
            }
        });
        TimerHandle limit = loop.callLater(timeout, () -> {
            if (!ended.done()) {
                LOG.warn("The default executor of {} did not finish its calls within {} s; the loop is closed"
                        + " without waiting for them", loop, timeout.toSeconds());
                ended.setResult(null);
            }
        });
        loop.runUntilComplete(ended);
        limit.cancel();
    }

    private static void cancelAllTasks(EventLoop loop) {
        Set<Task<?>> pending = Tasks.allTasks(loop);
        if (pending.isEmpty()) {
            return;
        }
        Future<Void> allDone = loop.createFuture();
        int[] left = {pending.size()};
        for (Task<?> task : pending) {
            task.cancel();
            task.addDoneCallback(done -> {
                if (--left[0] == 0) {
                    allDone.setResult(null);
                }
            });
        }
        loop.runUntilComplete(allDone);
        for (Task<?> task : pending) {
            if (!task.cancelled() && task.exception() != null) {
                loop.callExceptionHandler(ExceptionContext.ofFuture(
                        "unhandled exception during Runner.close() shutdown", task.exception(), task));
            }
        }
    }
}
