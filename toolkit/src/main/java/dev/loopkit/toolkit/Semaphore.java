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
 * A counter of permits for coroutines (asyncio's {@code Semaphore}, as 3.12's {@code locks.py}):
 * {@link #acquire()} takes one, waiting in arrival order while there is none; {@link #release()}
 * gives one back. A waiter cancelled after a permit was set aside for it gives the permit back and
 * wakes the next, so no permit is ever lost.
 *
 * <p>Thread-safety: loop thread only; bound to the loop of its first waiter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class Semaphore {

    private final LoopBinding binding = new LoopBinding(this);
    private final Waiters<Boolean> waiters = new Waiters<>();
    private int value;

    /**
     * Creates a semaphore with {@code value} permits.
     *
     * @param value the permits, zero or more
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public Semaphore(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Semaphore initial value must be >= 0, got " + value);
        }
        this.value = value;
    }

    /** Creates a semaphore with one permit. */
    public Semaphore() {
        this(1);
    }

    /**
     * Returns whether an {@link #acquire()} would wait.
     *
     * @return true if no permit is free, or waiters come first
     */
    public boolean locked() {
        return value == 0 || waiters.anyActive();
    }

    /**
     * Takes a permit, waiting while none is free.
     *
     * @return true
     */
    public boolean acquire() {
        if (!locked()) {
            value--;
            return true;
        }
        Future<Boolean> waiter = waiters.join(binding.loop());
        try {
            waiters.awaitTurn(waiter);
        } catch (CancelledException cancelled) {
            if (waiter.done() && !waiter.cancelled()) {
                value++; // a permit was set aside for us, and we will not take it
            }
            throw cancelled;
        } finally {
            // Waiters that came meanwhile had to queue behind us: wake as many as there are permits.
            while (value > 0 && wakeUpNext()) {
                // each turn sets a permit aside for one of them
            }
        }
        return true;
    }

    /** Gives a permit back and wakes the first waiter. */
    public void release() {
        value++;
        wakeUpNext();
    }

    /**
     * Returns the permits free now.
     *
     * @return the count
     */
    protected final int value() {
        return value;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[value=" + value + waiters.describe("waiters") + "]";
    }

    /** Sets a permit aside for the first waiter not yet woken; false if there is none. */
    private boolean wakeUpNext() {
        if (!waiters.wakeNext(true)) {
            return false;
        }
        value--;
        return true;
    }
}
