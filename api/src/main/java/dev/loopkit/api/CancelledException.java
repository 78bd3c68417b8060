package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.concurrent.CancellationException;
import org.apiguardian.api.API;

/**
 * Thrown by {@link Future#result()} and {@link Future#exception()} of a cancelled future, and into
 * a task's coroutine when the task is cancelled (asyncio's {@code CancelledError}).
 *
 * <p>It extends the JDK's {@link CancellationException}, so code that already handles that keeps
 * working; its message is the one passed to {@link Future#cancel(String)}, or {@code null}.
 */
@API(status = STABLE, since = "0.1")
public class CancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the cancellation message given to {@link Future#cancel(String)}; may be null
     */
    public CancelledException(String message) {
        super(message);
    }
}
