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
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.CoroutineBody;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * Thread-bound state (a {@link ThreadLocal}, SLF4J's MDC, a tracing library's current span)
 * carried from the thread that creates a coroutine or schedules a callback into it. Such state
 * stays behind on its own: a coroutine runs on a virtual thread of its own, and a callback on the
 * loop's thread. Prefer a {@link dev.loopkit.api.ContextVar} for state of your own; use this for
 * libraries that read a thread-local.
 *
 * <pre>{@code
 * ThreadContext<Map<String, String>> mdc = ThreadContext.of(MDC::getCopyOfContextMap,
 *         map -> { if (map == null) MDC.clear(); else MDC.setContextMap(map); });
 * loop.createTask(Coroutines.of(mdc.carry(() -> {
 *     log.info("handling");          // with the caller's MDC, before and after every await
 *     ...
 * })));
 * }</pre>
 *
 * <p>A coroutine keeps its thread for life, so what is installed when its body starts stays
 * through every await, and what the body itself sets stays its own. A callback gets the state
 * around its run, and the loop thread's own state back afterwards.
 *
 * <p>Thread-safety: immutable; {@link #carry} captures on the calling thread.
 *
 * @param <S> the type of a snapshot of the state
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ThreadContext<S> {

    private final Supplier<S> capture;
    private final Consumer<S> install;

    private ThreadContext(Supplier<S> capture, Consumer<S> install) {
        this.capture = capture;
        this.install = install;
    }

    /**
     * Returns a carrier of the state {@code capture} reads and {@code install} puts back.
     *
     * @param capture reads a snapshot of the calling thread's state; never null
     * @param install makes a snapshot the calling thread's state (a null snapshot clears it, if
     *     {@code capture} answers null for no state); never null
     * @param <S> the type of a snapshot
     * @return the carrier
     */
    public static <S> ThreadContext<S> of(Supplier<S> capture, Consumer<S> install) {
        return new ThreadContext<>(Objects.requireNonNull(capture, "capture"), Objects.requireNonNull(install, "install"));
    }

    /**
     * Returns a carrier of {@code local}'s value (removed where it was null).
     *
     * @param local the thread-local; never null
     * @param <V> the type of its value
     * @return the carrier
     */
    public static <V> ThreadContext<V> of(ThreadLocal<V> local) {
        Objects.requireNonNull(local, "local");
        return of(local::get, value -> {
            if (value == null) {
                local.remove();
            } else {
                local.set(value);
            }
        });
    }

    /**
     * Captures the state now and returns a body that installs it on the coroutine's thread
     * before it runs {@code body}.
     *
     * @param body the coroutine's code; never null
     * @param <T> its result type
     * @return the body to hand to {@code Coroutines.of}
     */
    public <T> CoroutineBody<T> carry(CoroutineBody<T> body) {
        Objects.requireNonNull(body, "body");
        S snapshot = capture.get();
        return () -> {
            install.accept(snapshot);
            return body.run();
        };
    }

    /**
     * Captures the state now and returns a callback that runs {@code callback} with it installed,
     * then puts back the state the running thread had.
     *
     * @param callback the callback; never null
     * @return the callback to schedule
     */
    public Runnable carry(Runnable callback) {
        Objects.requireNonNull(callback, "callback");
        S snapshot = capture.get();
        return () -> {
            S own = capture.get();
            install.accept(snapshot);
            try {
                callback.run();
            } finally {
                install.accept(own);
            }
        };
    }
}
