package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/** When {@link Asyncio#wait} returns (asyncio's {@code FIRST_COMPLETED} and its siblings). */
@API(status = EXPERIMENTAL, since = "0.1")
public enum ReturnWhen {
    /** As soon as any future is done. */
    FIRST_COMPLETED,
    /** As soon as any future fails (a cancellation is not a failure), or when all are done. */
    FIRST_EXCEPTION,
    /** When every future is done. */
    ALL_COMPLETED
}
