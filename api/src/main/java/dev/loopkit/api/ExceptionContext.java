package dev.loopkit.api;

import java.util.Map;
import java.util.Objects;

/**
 * What an {@link ExceptionHandler} is told (asyncio's context dictionary, as a typed record).
 *
 * @param message what happened, e.g. {@code "Exception in callback ..."}; never null
 * @param exception the exception, or null
 * @param handle the callback handle involved, or null
 * @param future the future involved, or null
 * @param task the task involved, or null
 * @param extra further keys (asyncio's {@code transport}, {@code protocol}, ...); never null
 */
public record ExceptionContext(
        String message,
        Throwable exception,
        Handle handle,
        Future<?> future,
        Task<?> task,
        Map<String, Object> extra) {

    /** Checks the arguments and copies {@code extra}. */
    public ExceptionContext {
        Objects.requireNonNull(message, "message");
        extra = Map.copyOf(Objects.requireNonNull(extra, "extra"));
    }

    /**
     * A context with a message and an exception only.
     *
     * @param message what happened; never null
     * @param exception the exception, or null
     * @return the context
     */
    public static ExceptionContext of(String message, Throwable exception) {
        return new ExceptionContext(message, exception, null, null, null, Map.of());
    }

    /**
     * The context of a callback that threw.
     *
     * @param message what happened; never null
     * @param exception the exception; never null
     * @param handle the callback's handle; never null
     * @return the context
     */
    public static ExceptionContext ofHandle(String message, Throwable exception, Handle handle) {
        return new ExceptionContext(message, exception, handle, null, null, Map.of());
    }

    /**
     * The context of a future (or task, which is also set as {@link #task()}) that failed.
     *
     * @param message what happened; never null
     * @param exception the exception, or null
     * @param future the future or task; never null
     * @return the context
     */
    public static ExceptionContext ofFuture(String message, Throwable exception, Future<?> future) {
        Task<?> task = future instanceof Task<?> t ? t : null;
        return new ExceptionContext(message, exception, null, future, task, Map.of());
    }
}
