package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Thrown when an operation does not fit a future's current state, such as reading the result of
 * a pending future or setting the result of a future that is already done (asyncio's
 * {@code InvalidStateError}).
 */
@API(status = STABLE, since = "0.1")
public class InvalidStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was attempted and in which state; never null
     */
    public InvalidStateException(String message) {
        super(message);
    }
}
