package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** Thrown by a {@link Queue} when the queue was shut down (asyncio 3.13's {@code QueueShutDown}): no more puts, and gets once it is empty. */
@API(status = EXPERIMENTAL, since = "0.1")
public class QueueShutDownException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened and what to do
     */
    public QueueShutDownException(String message) {
        super(message);
    }
}
