package dev.loopkit.api;

/**
 * Serves one connection of {@link Streams#startServer}; runs as a coroutine, so it may
 * {@link Async#await}. The connection is closed when it returns or throws.
 */
@FunctionalInterface
public interface StreamHandler {

    /**
     * Serves the connection.
     *
     * @param reader reads what the client sends
     * @param writer sends to the client
     * @throws Exception any failure, reported to the loop's exception handler
     */
    void handle(StreamReader reader, StreamWriter writer) throws Exception;
}
