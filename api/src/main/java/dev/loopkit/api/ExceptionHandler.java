package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Receives the errors of a loop that no caller can handle (asyncio's exception handler). Called
 * on the loop's thread.
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface ExceptionHandler {

    /**
     * Handles one error.
     *
     * @param loop the loop that reports it; never null
     * @param context what went wrong; never null
     */
    void handle(EventLoop loop, ExceptionContext context);
}
