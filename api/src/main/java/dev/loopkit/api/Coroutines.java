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

import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;
import org.apiguardian.api.API;

/**
 * Turns sequential code into a {@link Coroutine}, so application code never writes a state
 * machine:
 *
 * <pre>{@code
 * Task<String> task = loop.createTask(Coroutines.of(() -> {
 *     String page = Async.await(fetch(url));
 *     return page.strip();
 * }));
 * }</pre>
 *
 * <p>The body runs on a virtual thread that hands control back and forth with the loop thread, so
 * exactly one of them runs at any moment and the body may touch loop state freely. The fastest
 * hand-over the JVM allows is used: see {@link #mechanism()}.
 */
@API(status = STABLE, since = "0.1")
public final class Coroutines {

    private Coroutines() {
    }

    /**
     * Returns a coroutine that runs {@code body} when first sent to.
     *
     * @param body the sequential code; never null
     * @param <T> the type of the result
     * @return a new coroutine that has not started
     */
    public static <T> Coroutine<T> of(CoroutineBody<T> body) {
        return new ThreadCoroutine<>(body, CoroutineMechanism.current());
    }

    /**
     * Returns a one-line description of how coroutine steps are handed to their threads in this
     * JVM, and why (for start-up logs and the policy's explanation).
     *
     * @return e.g. {@code "virtual threads scheduled inline on the loop thread (fastest available)"}
     */
    public static String mechanism() {
        CoroutineMechanism mechanism = CoroutineMechanism.current();
        return mechanism.description() + " (" + CoroutineMechanism.reason() + ")";
    }
}
