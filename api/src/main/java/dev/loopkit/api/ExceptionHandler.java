package dev.loopkit.api;

/**
 * Receives the errors of a loop that no caller can handle (asyncio's exception handler). Called
 * on the loop's thread.
 */
@FunctionalInterface
public interface ExceptionHandler {

    /**
     * Handles one error.
     *
     * @param loop the loop that reports it; never null
     * @param context what went wrong; never null
     */
    void handle(EventLoop loop, ExceptionContext context);
}
