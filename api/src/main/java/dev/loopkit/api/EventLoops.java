package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.internal.RunningLoops;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds the loop running on the current thread (asyncio's {@code get_running_loop}). Inside a
 * coroutine, that is the loop of the task that runs it.
 */
@API(status = STABLE, since = "0.1")
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
