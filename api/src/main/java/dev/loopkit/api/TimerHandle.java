package dev.loopkit.api;

/**
 * A callback scheduled for a point in time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt} (asyncio's {@code TimerHandle}).
 */
public interface TimerHandle extends Handle {

    /**
     * Returns the loop time, in nanoseconds of {@link EventLoop#time()}, at which the callback
     * is due.
     */
    long when();
}
