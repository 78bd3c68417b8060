package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link Barrier} was aborted or reset while a coroutine waited at it, or is broken (asyncio's
 * {@code BrokenBarrierError}). Unchecked, unlike {@code java.util.concurrent}'s namesake.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class BrokenBarrierException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what happened to the barrier
     */
    public BrokenBarrierException(String message) {
        super(message);
    }
}
