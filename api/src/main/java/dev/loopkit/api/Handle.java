package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A callback scheduled on an {@link EventLoop} by {@link EventLoop#callSoon(Runnable)} or
 * {@link EventLoop#callSoonThreadsafe(Runnable)} (asyncio's {@code Handle}).
 *
 * <p>Thread-safety: {@link #cancel()} must be called on the loop's thread, like every other
 * non-thread-safe loop operation; {@link #cancelled()} may be read from any thread.
 */
@API(status = STABLE, since = "0.1")
public interface Handle {

    /**
     * Cancels the callback: it will not run. Cancelling a callback that already ran, or
     * cancelling twice, has no effect.
     */
    void cancel();

    /** Returns {@code true} once {@link #cancel()} was called. */
    boolean cancelled();
}
