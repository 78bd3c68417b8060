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

import dev.loopkit.api.internal.ThreadCoroutine;
import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * {@code await} for coroutines written with {@link Coroutines#of}.
 */
@API(status = STABLE, since = "0.1")
public final class Async {

    private Async() {
    }

    /**
     * Suspends the calling coroutine until {@code future} is done and returns its result; a done
     * future's result is returned at once without suspending. Only the coroutine is suspended: its
     * loop goes on running other callbacks meanwhile.
     *
     * @param future the future to wait for, of the coroutine's loop; never null
     * @param <T> the type of the result
     * @return the future's result
     * @throws CancelledException if the future or the awaiting task was cancelled
     * @throws CompletionException wrapping a checked exception of the future (unchecked ones are
     *     thrown as they are)
     * @throws IllegalStateException if called outside a coroutine
     */
    public static <T> T await(Future<T> future) {
        return ThreadCoroutine.await(future);
    }
}
