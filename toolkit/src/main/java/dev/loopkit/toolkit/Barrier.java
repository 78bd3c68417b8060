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

import java.util.Locale;
import org.apiguardian.api.API;

/**
 * A meeting point for a fixed number of coroutines (asyncio 3.11's {@code Barrier}, as
 * {@code locks.py}): each {@link #await()} waits until {@link #parties()} coroutines have arrived,
 * then all go on together and the barrier fills again. Coroutines arriving while the last round
 * drains wait for the next one. {@link #reset()} and {@link #abort()} send the waiters a
 * {@link BrokenBarrierException}.
 *
 * <p>Thread-safety: loop thread only; bound to the loop of its first waiter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Barrier {

    private enum State { FILLING, DRAINING, RESETTING, BROKEN }

    private final Condition condition = new Condition();
    private final int parties;
    private State state = State.FILLING;
    private int count;

    /**
     * Creates a barrier for {@code parties} coroutines.
     *
     * @param parties how many must arrive, one or more
     * @throws IllegalArgumentException if {@code parties} is less than one
     */
    public Barrier(int parties) {
        if (parties < 1) {
            throw new IllegalArgumentException("parties must be > 0, got " + parties);
        }
        this.parties = parties;
    }

    /**
     * Waits until {@link #parties()} coroutines are here (asyncio's {@code wait()}; named so because
     * {@code wait()} is {@link Object}'s).
     *
     * @return this coroutine's arrival index, 0 to parties - 1
     * @throws BrokenBarrierException if the barrier is broken, or is reset or aborted meanwhile
     */
    public int await() {
        condition.acquire();
        try {
            // While the last round drains or a reset completes, wait for the barrier to fill again.
            condition.awaitFor(() -> state != State.DRAINING && state != State.RESETTING);
            if (state == State.BROKEN) {
                throw new BrokenBarrierException("Barrier aborted");
            }
            int index = count;
            count++;
            try {
                if (index + 1 == parties) {
                    state = State.DRAINING; // the last to arrive lets everyone go
                    condition.notifyAllWaiters();
                } else {
                    condition.awaitFor(() -> state != State.FILLING);
                    if (state == State.BROKEN || state == State.RESETTING) {
                        throw new BrokenBarrierException("Abort or reset of barrier");
                    }
                }
                return index;
            } finally {
                count--;
                leave();
            }
        } finally {
            condition.release();
        }
    }

    /** Sends the coroutines waiting now a {@link BrokenBarrierException} and starts filling anew. */
    public void reset() {
        condition.acquire();
        try {
            if (count > 0) {
                state = State.RESETTING;
            } else {
                state = State.FILLING;
            }
            condition.notifyAllWaiters();
        } finally {
            condition.release();
        }
    }

    /** Breaks the barrier: every waiter, now and later, gets a {@link BrokenBarrierException}. */
    public void abort() {
        condition.acquire();
        try {
            state = State.BROKEN;
            condition.notifyAllWaiters();
        } finally {
            condition.release();
        }
    }

    /**
     * Returns how many coroutines must arrive.
     *
     * @return the parties
     */
    public int parties() {
        return parties;
    }

    /**
     * Returns how many coroutines wait while it fills.
     *
     * @return the count, 0 while it drains
     */
    public int nWaiting() {
        return state == State.FILLING ? count : 0;
    }

    /**
     * Returns whether the barrier is broken.
     *
     * @return true after {@link #abort()}
     */
    public boolean broken() {
        return state == State.BROKEN;
    }

    @Override
    public String toString() {
        return "Barrier[" + state.name().toLowerCase(Locale.ROOT) + ", waiters=" + nWaiting() + "/"
                + parties + "]";
    }

    /** The last coroutine out of a draining or reset round lets the barrier fill again. */
    private void leave() {
        if (count == 0) {
            if (state == State.RESETTING || state == State.DRAINING) {
                state = State.FILLING;
            }
            condition.notifyAllWaiters();
        }
    }
}
