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
 * A callback scheduled for a point in time by {@link EventLoop#callLater} or
 * {@link EventLoop#callAt} (asyncio's {@code TimerHandle}).
 */
@API(status = STABLE, since = "0.1")
public interface TimerHandle extends Handle {

    /**
     * {@return the loop time, in nanoseconds of {@link EventLoop#time()}, at which the callback
     * is due}
     */
    long when();
}
