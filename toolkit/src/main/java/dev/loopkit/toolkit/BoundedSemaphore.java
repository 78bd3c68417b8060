package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A {@link Semaphore} that refuses to be released above the permits it started with (asyncio's
 * {@code BoundedSemaphore}): a release without an acquire is a bug caught at once.
 *
 * <p>Thread-safety: loop thread only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class BoundedSemaphore extends Semaphore {

    private final int bound;

    /**
     * Creates a semaphore with {@code value} permits, which is also its bound.
     *
     * @param value the permits, zero or more
     */
    public BoundedSemaphore(int value) {
        super(value);
        this.bound = value;
    }

    /** Creates a semaphore with one permit. */
    public BoundedSemaphore() {
        this(1);
    }

    /**
     * Gives a permit back.
     *
     * @throws IllegalStateException if that would make more permits than it started with
     */
    @Override
    public void release() {
        if (value() >= bound) {
            throw new IllegalStateException("BoundedSemaphore released too many times: more release() than"
                    + " acquire() calls");
        }
        super.release();
    }
}
