package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Thrown by a {@link Queue} when put without waiting found the queue full (asyncio's {@code QueueFull}). */
@API(status = EXPERIMENTAL, since = "0.1")
public class QueueFullException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public QueueFullException(String message) {
        super(message);
    }
}
