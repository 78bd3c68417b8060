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
package dev.loopkit.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.loopkit.api.EventLoop;
import org.apiguardian.api.API;

/**
 * The loop running on the current thread (asyncio's {@code _get_running_loop}). Set by the loop
 * when it starts running and by a coroutine's thread while it runs a step for that loop.
 */
@API(status = INTERNAL, since = "0.1")
public final class RunningLoops {

    private static final ThreadLocal<EventLoop> RUNNING = new ThreadLocal<>();

    private RunningLoops() {
    }

    /** {@return the loop running on this thread, or null} */
    public static EventLoop get() {
        return RUNNING.get();
    }

    /**
     * Sets (or with null, clears) the loop running on this thread.
     *
     * @param loop the loop, or null
     */
    public static void set(EventLoop loop) {
        if (loop == null) {
            RUNNING.remove();
        } else {
            RUNNING.set(loop);
        }
    }
}
