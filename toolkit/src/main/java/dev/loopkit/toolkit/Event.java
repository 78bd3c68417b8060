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

import org.apiguardian.api.API;

/**
 * A flag coroutines can wait for (asyncio's {@code Event}): {@link #set()} wakes every waiter,
 * {@link #clear()} makes the next ones wait again.
 *
 * <p>Thread-safety: loop thread only (from another thread, go through
 * {@code loop.callSoonThreadsafe(event::set)}); bound to the loop of its first waiter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Event {

    private final LoopBinding binding = new LoopBinding(this);
    private final Waiters<Boolean> waiters = new Waiters<>();
    private boolean value;

    /** Creates an event that is not set. */
    public Event() {
    }

    /**
     * Returns whether the event is set.
     *
     * @return true if set
     */
    public boolean isSet() {
        return value;
    }

    /** Sets the event and wakes every waiter; the ones that come later do not wait. */
    public void set() {
        if (!value) {
            value = true;
            waiters.wakeAll(true);
        }
    }

    /** Unsets the event: the next {@link #await()} waits for {@link #set()} again. */
    public void clear() {
        value = false;
    }

    /**
     * Waits until the event is set (asyncio's {@code wait()}; named so because {@code wait()} is
     * {@link Object}'s).
     *
     * @return true
     */
    public boolean await() {
        if (value) {
            return true;
        }
        return waiters.awaitTurn(waiters.join(binding.loop()));
    }

    @Override
    public String toString() {
        return "Event[" + (value ? "set" : "unset") + waiters.describe("waiters") + "]";
    }
}
