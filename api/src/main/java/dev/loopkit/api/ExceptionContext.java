/*
 * Copyright 2026 The loopkit developers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.STABLE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * What an {@link ExceptionHandler} is told (asyncio's context dictionary, typed): a message, and
 * whichever of the exception, handle, future, task and further keys apply. Built by name, with
 * {@link #builder(String)} or the named factories, so a field added later breaks no caller.
 *
 * <pre>{@code
 * loop.callExceptionHandler(ExceptionContext.builder("Fatal error: protocol.dataReceived() call failed.")
 *         .exception(e).extra("transport", transport).extra("protocol", protocol).build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class ExceptionContext {

    private final String message;
    private final Throwable exception;
    private final Handle handle;
    private final Future<?> future;
    private final Task<?> task;
    private final Map<String, Object> extra;

    private ExceptionContext(Builder builder) {
        this.message = builder.message;
        this.exception = builder.exception;
        this.handle = builder.handle;
        this.future = builder.future;
        this.task = builder.task;
        this.extra = Map.copyOf(builder.extra);
    }

    /**
     * Starts a context with {@code message}; everything else is absent until set.
     *
     * @param message what happened, e.g. {@code "Exception in callback ..."}; never null
     * @return a builder
     */
    public static Builder builder(String message) {
        return new Builder(message);
    }

    /**
     * A context with a message and an exception only.
     *
     * @param message what happened; never null
     * @param exception the exception, or null
     * @return the context
     */
    public static ExceptionContext of(String message, Throwable exception) {
        return builder(message).exception(exception).build();
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
        return builder(message).exception(exception).handle(handle).build();
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
        return builder(message).exception(exception).future(future)
                .task(future instanceof Task<?> task ? task : null).build();
    }

    /**
     * Returns a builder that starts from this context, to make one that differs in a field or key.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return builder(message).exception(exception).handle(handle).future(future).task(task).extra(extra);
    }

    /**
     * Returns what happened.
     *
     * @return the message; never null
     */
    public String message() {
        return message;
    }

    /**
     * Returns the exception.
     *
     * @return the exception, or null
     */
    public Throwable exception() {
        return exception;
    }

    /**
     * Returns the callback handle involved.
     *
     * @return the handle, or null
     */
    public Handle handle() {
        return handle;
    }

    /**
     * Returns the future involved.
     *
     * @return the future, or null
     */
    public Future<?> future() {
        return future;
    }

    /**
     * Returns the task involved.
     *
     * @return the task, or null
     */
    public Task<?> task() {
        return task;
    }

    /**
     * Returns the further keys (asyncio's {@code transport}, {@code protocol},
     * {@code source_traceback}, ...).
     *
     * @return an unmodifiable map; never null
     */
    public Map<String, Object> extra() {
        return extra;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExceptionContext that && message.equals(that.message)
                && Objects.equals(exception, that.exception) && Objects.equals(handle, that.handle)
                && Objects.equals(future, that.future) && Objects.equals(task, that.task) && extra.equals(that.extra);
    }

    @Override
    public int hashCode() {
        return Objects.hash(message, exception, handle, future, task, extra);
    }

    @Override
    public String toString() {
        return "ExceptionContext[message=" + message + ", exception=" + exception + ", handle=" + handle + ", future="
                + future + ", task=" + task + ", extra=" + extra + "]";
    }

    /** Builds an {@link ExceptionContext} by name. Not thread-safe. */
    public static final class Builder {

        private final String message;
        private final Map<String, Object> extra = new LinkedHashMap<>();
        private Throwable exception;
        private Handle handle;
        private Future<?> future;
        private Task<?> task;

        private Builder(String message) {
            this.message = Objects.requireNonNull(message, "message");
        }

        /**
         * Sets the exception.
         *
         * @param exception the exception, or null for none
         * @return this builder
         */
        public Builder exception(Throwable exception) {
            this.exception = exception;
            return this;
        }

        /**
         * Sets the callback handle involved.
         *
         * @param handle the handle, or null for none
         * @return this builder
         */
        public Builder handle(Handle handle) {
            this.handle = handle;
            return this;
        }

        /**
         * Sets the future involved.
         *
         * @param future the future, or null for none
         * @return this builder
         */
        public Builder future(Future<?> future) {
            this.future = future;
            return this;
        }

        /**
         * Sets the task involved.
         *
         * @param task the task, or null for none
         * @return this builder
         */
        public Builder task(Task<?> task) {
            this.task = task;
            return this;
        }

        /**
         * Adds (or replaces) a further key.
         *
         * @param key the key, e.g. {@code "transport"}; never null
         * @param value its value; never null
         * @return this builder
         */
        public Builder extra(String key, Object value) {
            extra.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, () -> "value of " + key));
            return this;
        }

        /**
         * Adds (or replaces) further keys.
         *
         * @param keys the keys and values; never null, nor any of them
         * @return this builder
         */
        public Builder extra(Map<String, ?> keys) {
            Objects.requireNonNull(keys, "keys").forEach(this::extra);
            return this;
        }

        /**
         * Builds the context.
         *
         * @return the context
         */
        public ExceptionContext build() {
            return new ExceptionContext(this);
        }
    }
}
