package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Comparator;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@link Queue} that hands out its least item first (asyncio's {@code PriorityQueue}), by
 * {@code order}; items that compare equal come out in no set order, as from a heap.
 *
 * @param <T> the type of the items
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class PriorityQueue<T> extends Queue<T> {

    /**
     * Creates a queue of at most {@code maxsize} items, least first by {@code order}.
     *
     * @param maxsize the bound, or 0 (or less) for none
     * @param order how items compare; never null
     */
    public PriorityQueue(int maxsize, Comparator<? super T> order) {
        // java.util's heap, named in full because this class has asyncio's name.
        super(maxsize, new java.util.PriorityQueue<>(Objects.requireNonNull(order, "order")));
    }
}
