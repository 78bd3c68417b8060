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
package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.STABLE;

import dev.loopkit.api.Coroutine;
import dev.loopkit.api.CoroutineBody;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import org.apiguardian.api.API;

/**
 * Entry points for application code, which never names a vendor (asyncio's {@code new_event_loop}
 * and {@code run}). The loop comes from {@link LoopPolicy#getDefault()}.
 */
@API(status = STABLE, since = "0.1")
public final class Loops {

    private Loops() {
    }

    /**
     * Creates a loop from the default policy's provider; the caller owns and closes it.
     *
     * @return a new loop, not running
     * @throws ProviderSelectionException if no provider can be chosen
     */
    public static EventLoop newEventLoop() {
        return LoopPolicy.getDefault().newEventLoop();
    }

    /**
     * Runs {@code coroutine} on a new loop and returns its result (asyncio.run): create the loop,
     * run the coroutine to completion, cancel the tasks that remain, shut the default executor
     * down, close the loop, in that order.
     *
     * @param <T> the result type
     * @param coroutine the coroutine; never null
     * @return its result
     * @throws IllegalStateException if a loop is already running on this thread
     */
    public static <T> T run(Coroutine<T> coroutine) {
        try (Runner runner = new Runner()) {
            return runner.run(coroutine);
        }
    }

    /**
     * Like {@link #run(Coroutine)} for sequential code: {@code Loops.run(() -> ...Async.await(...)...)}.
     *
     * @param <T> the result type
     * @param body the coroutine's body; never null
     * @return its result
     */
    public static <T> T run(CoroutineBody<T> body) {
        return run(Coroutines.of(body));
    }

    /**
     * {@return the default policy's choice of provider and why (selecting it if needed)}
     *
     * @throws ProviderSelectionException if no provider can be chosen
     */
    public static Selection explain() {
        return LoopPolicy.getDefault().selection();
    }
}
