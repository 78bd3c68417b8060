package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Thrown by a {@link Queue} when get without waiting found the queue empty (asyncio's {@code QueueEmpty}). */
@API(status = EXPERIMENTAL, since = "0.1")
public class QueueEmptyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public QueueEmptyException(String message) {
        super(message);
    }
}
