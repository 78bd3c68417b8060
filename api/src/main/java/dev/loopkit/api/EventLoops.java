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

import dev.loopkit.api.internal.RunningLoops;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Finds the loop running on the current thread (asyncio's {@code get_running_loop}). Inside a
 * coroutine, that is the loop of the task that runs it.
 */
@API(status = STABLE, since = "0.1")
public final class EventLoops {

    private EventLoops() {
    }

    /**
     * {@return the loop running on this thread}
     *
     * @throws IllegalStateException if none is ({@code "no running event loop"})
     */
    public static EventLoop getRunningLoop() {
        EventLoop loop = RunningLoops.get();
        if (loop == null) {
            throw new IllegalStateException("no running event loop");
        }
        return loop;
    }

    /** {@return the loop running on this thread, if any} */
    public static Optional<EventLoop> findRunningLoop() {
        return Optional.ofNullable(RunningLoops.get());
    }
}
