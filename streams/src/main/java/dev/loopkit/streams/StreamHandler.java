package dev.loopkit.streams;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.Async;
import org.apiguardian.api.API;

/**
 * Serves one connection of {@link Streams#startServer}; runs as a coroutine, so it may
 * {@link Async#await}. The connection is closed when it returns or throws.
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1")
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
