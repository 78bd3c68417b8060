package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayDeque;
import java.util.Collections;
import org.apiguardian.api.API;

/**
 * A {@link Queue} that hands out the item put in last first (asyncio's {@code LifoQueue}).
 *
 * @param <T> the type of the items
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class LifoQueue<T> extends Queue<T> {

    /**
     * Creates a queue of at most {@code maxsize} items.
     *
     * @param maxsize the bound, or 0 (or less) for none
     */
    public LifoQueue(int maxsize) {
        super(maxsize, Collections.asLifoQueue(new ArrayDeque<>()));
    }

    /** Creates an unbounded queue. */
    public LifoQueue() {
        this(0);
    }
}
