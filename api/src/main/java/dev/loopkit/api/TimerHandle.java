package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A callback scheduled for a point in time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt} (asyncio's {@code TimerHandle}).
 */
@API(status = STABLE, since = "0.1")
public interface TimerHandle extends Handle {

    /**
     * Returns the loop time, in nanoseconds of {@link EventLoop#time()}, at which the callback
     * is due.
     */
    long when();
}
