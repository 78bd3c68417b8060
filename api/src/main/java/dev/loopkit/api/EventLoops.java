package dev.loopkit.api;

import dev.loopkit.api.internal.RunningLoops;
import java.util.Optional;

/**
 * Finds the loop running on the current thread (asyncio's {@code get_running_loop}). Inside a
 * coroutine, that is the loop of the task that runs it.
 */
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * Returns the loop running on this thread.
     *
     * @throws IllegalStateException if none is ({@code "no running event loop"})
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = RunningLoops.get();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** Returns the loop running on this thread, if any. */
    public static Optional<EventLoop> findRunningLoop() {
        return Optional.ofNullable(RunningLoops.get());
    }
}
