package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The sequential code of a coroutine: an ordinary lambda that may call
 * {@link Async#await(Future)}. Turned into a {@link Coroutine} by {@link Coroutines#of}.
 *
 * @param <T> the type of the result
 */
@FunctionalInterface
@API(status = STABLE, since = "0.1")
public interface CoroutineBody<T> {

    /**
     * Runs the body.
     *
     * @return the coroutine's result; may be null
     * @throws Exception any failure, which becomes the task's exception
     */
    T run() throws Exception;
}
