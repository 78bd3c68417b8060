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

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Future;
import org.apiguardian.api.API;

/**
 * A mutual-exclusion lock for coroutines (asyncio's {@code Lock}, step by step as
 * {@code locks.py}): not reentrant, not owned (any coroutine may release it), handed to waiters in
 * the order they came. A waiter cancelled after it was woken wakes the next one, so a release is
 * never lost. Use it as {@code lock.acquire(); try { … } finally { lock.release(); }}.
 *
 * <p>Thread-safety: loop thread only; bound to the loop of its first waiter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Lock {

    private final LoopBinding binding = new LoopBinding(this);
    private final Waiters<Boolean> waiters = new Waiters<>();
    private boolean locked;

    /** Creates an unlocked lock. */
    public Lock() {
    }

    /**
     * Returns whether the lock is held.
     *
     * @return true if held
     */
    public boolean locked() {
        return locked;
    }

    /**
     * Takes the lock, waiting (in arrival order) while another coroutine holds it.
     *
     * @return true
     */
    public boolean acquire() {
        if (!locked && !waiters.anyActive()) {
            locked = true;
            return true;
        }
        Future<Boolean> waiter = waiters.join(binding.loop());
        try {
            waiters.awaitTurn(waiter);
        } catch (CancelledException cancelled) {
            if (!locked) {
                waiters.wakeFirst(true); // we were perhaps woken for the lock we will not take: pass it on
            }
            throw cancelled;
        }
        locked = true;
        return true;
    }

    /**
     * Releases the lock and wakes the first waiter.
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Lock is not acquired: release() only after acquire()");
        }
        locked = false;
        waiters.wakeFirst(true);
    }

    @Override
    public String toString() {
        return "Lock[" + (locked ? "locked" : "unlocked") + waiters.describe("waiters") + "]";
    }
}
