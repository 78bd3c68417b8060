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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;

/**
 * The loop a primitive belongs to, taken from the first coroutine that waits on it (asyncio's
 * {@code mixins._LoopBoundMixin}): a primitive made before any loop runs is usable later, and one
 * used from two loops fails clearly instead of waking the wrong loop's tasks.
 */
final class LoopBinding {

    private final Object owner;
    private EventLoop loop;

    LoopBinding(Object owner) {
        this.owner = owner;
    }

    /** The running loop, which from now on must be the only one to use the owner. */
    EventLoop loop() {
        EventLoop running = EventLoops.getRunningLoop();
        if (loop == null) {
            loop = running;
        } else if (loop != running) {
            throw new IllegalStateException(owner + " is bound to a different event loop (" + loop
                    + "); make one per loop");
        }
        return running;
    }
}
