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

import org.apiguardian.api.API;

/**
 * A callback scheduled on an {@link EventLoop} by {@link EventLoop#callSoon(Runnable)} or
 * {@link EventLoop#callSoonThreadsafe(Runnable)} (asyncio's {@code Handle}).
 *
 * <p>Thread-safety: {@link #cancel()} must be called on the loop's thread, like every other
 * non-thread-safe loop operation; {@link #cancelled()} may be read from any thread.
 */
@API(status = STABLE, since = "0.1")
public interface Handle {

    /**
     * Cancels the callback: it will not run. Cancelling a callback that already ran, or
     * cancelling twice, has no effect.
     */
    void cancel();

    /** {@return {@code true} once {@link #cancel()} was called} */
    boolean cancelled();
}
