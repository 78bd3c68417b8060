package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * What {@link Asyncio#wait} returns: the futures that are done and those still pending (asyncio's
 * {@code (done, pending)} pair), each in the order it was given.
 *
 * @param done the futures that are done
 * @param pending the futures that are not
 * @param <F> the type of the futures
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Waited<F>(Set<F> done, Set<F> pending) {

    /** Copies both sets, keeping their order. */
    public Waited {
        done = Collections.unmodifiableSet(new LinkedHashSet<>(done));
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
    }
}
