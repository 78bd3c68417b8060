package dev.loopkit.streams;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * A separator was not found within the stream's buffer limit (asyncio's {@code LimitOverrunError}).
 * The buffered data is left in place. Unchecked, like {@link IncompleteReadException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class LimitOverrunException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final int consumed;

    /**
     * Creates the exception.
     *
     * @param message what overran; never null
     * @param consumed how many bytes would have to be consumed to get past the limit
     */
    public LimitOverrunException(String message, int consumed) {
        super(message, new IOException(message));
        this.consumed = consumed;
    }

    /** Returns how many bytes would have to be consumed to get past the limit. */
    public int consumed() {
        return consumed;
    }
}
