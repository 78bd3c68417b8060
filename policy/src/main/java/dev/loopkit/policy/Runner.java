package dev.loopkit.policy;

import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs coroutines on one loop that it creates and closes (asyncio's {@code Runner}): several
 * {@link #run} calls share the loop, and {@link #close()} cancels the tasks that remain, waits for
 * them, shuts the default executor down and closes the loop, in that order.
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
public final class Runner implements AutoCloseable {

    private final Supplier<? extends EventLoop> loopFactory;
    private final boolean debug;
    private EventLoop loop;
    private boolean closed;

    /** A runner whose loop comes from the default {@link LoopPolicy}. */
    public Runner() {
        this(null, false);
    }

    /**
     * A runner with its own loop factory and debug flag.
     *
     * @param loopFactory creates the loop, or null for {@code LoopPolicy.getDefault().newEventLoop()}
     * @param debug whether the loop runs in debug mode
     */
    public Runner(Supplier<? extends EventLoop> loopFactory, boolean debug) {
        this.loopFactory = loopFactory != null ? loopFactory : () -> LoopPolicy.getDefault().newEventLoop();
        this.debug = debug;
    }

    /**
     * Runs {@code coroutine} as a task on the runner's loop until it completes.
     *
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
        return target.runUntilComplete(target.createTask(coroutine));
    }

    /**
     * Returns the runner's loop, creating it on first call.
     *
     * @throws IllegalStateException if the runner is closed
     */
    public EventLoop getLoop() {
        if (closed) {
            throw new IllegalStateException("Runner is closed");
        }
        if (loop == null) {
            loop = Objects.requireNonNull(loopFactory.get(), "the loop factory returned null");
            loop.setDebug(debug);
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
            loop.runUntilComplete(loop.shutdownDefaultExecutor());
        } finally {
            loop.close();
        }
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
