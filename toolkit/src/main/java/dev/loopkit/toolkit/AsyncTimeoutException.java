package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.CancelledException;
import org.apiguardian.api.API;

/**
 * A deadline passed (asyncio's {@code TimeoutError}): thrown by {@link Asyncio#waitFor} and by a
 * {@link Timeout} scope whose deadline cancelled its body. Its cause is the
 * {@link CancelledException} the deadline raised in the body, as asyncio's {@code raise
 * TimeoutError from exc}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AsyncTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a deadline that cancelled {@code cause}'s await.
     *
     * @param cause the cancellation the deadline raised; may be null
     */
    public AsyncTimeoutException(CancelledException cause) {
        super("the deadline passed", cause);
    }
}
