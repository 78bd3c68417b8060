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
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.apiguardian.api.API;

/**
 * A condition variable for coroutines (asyncio's {@code Condition}): a coroutine holding the lock
 * {@link #await()}s until another {@link #notifyWaiters(int) notifies} it, and holds the lock again
 * when it returns, even when cancelled. A waiter cancelled after it was notified passes the
 * notification on, so none is lost (a spurious wake-up instead, which the protocol allows).
 *
 * <p>Thread-safety: loop thread only; bound to the loop of its first waiter.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Condition {

    private final Lock lock;
    private final LoopBinding binding = new LoopBinding(this);
    private final Waiters<Boolean> waiters = new Waiters<>();

    /**
     * Creates a condition over {@code lock}.
     *
     * @param lock the lock; never null
     */
    public Condition(Lock lock) {
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /** Creates a condition over a lock of its own. */
    public Condition() {
        this(new Lock());
    }

    /**
     * Takes the underlying lock.
     *
     * @return true
     */
    public boolean acquire() {
        return lock.acquire();
    }

    /** Releases the underlying lock. */
    public void release() {
        lock.release();
    }

    /**
     * Returns whether the underlying lock is held.
     *
     * @return true if held
     */
    public boolean locked() {
        return lock.locked();
    }

    /**
     * Releases the lock, waits to be notified, and takes the lock again before returning or
     * throwing (asyncio's {@code wait()}; named so because {@code wait()} is {@link Object}'s).
     *
     * @return true
     * @throws IllegalStateException if the lock is not held
     */
    public boolean await() {
        if (!locked()) {
            throw new IllegalStateException("cannot wait on un-acquired lock: acquire() first");
        }
        release();
        Future<Boolean> waiter = waiters.join(binding.loop());
        RuntimeException failure = null;
        try {
            waiters.awaitTurn(waiter);
        } catch (RuntimeException e) {
            failure = e;
            if (waiter.done() && !waiter.cancelled()) {
                waiters.wakeNext(false); // notified, but we will not act on it: pass it on
            }
        }
        // The lock must be held again however we leave, even through repeated cancellations.
        while (true) {
            try {
                acquire();
                break;
            } catch (CancelledException again) {
                failure = again;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return true;
    }

    /**
     * Waits until {@code predicate} is true, checking it first and after each notification.
     *
     * @param predicate what to wait for; never null
     * @return true
     */
    public boolean awaitFor(BooleanSupplier predicate) {
        while (!predicate.getAsBoolean()) {
            await();
        }
        return true;
    }

    /**
     * Wakes up to {@code n} waiters (asyncio's {@code notify(n)}; named so because
     * {@code notify()} is {@link Object}'s).
     *
     * @param n how many, at most
     * @throws IllegalStateException if the lock is not held
     */
    public void notifyWaiters(int n) {
        if (!locked()) {
            throw new IllegalStateException("cannot notify on un-acquired lock: acquire() first");
        }
        waiters.wake(n, false);
    }

    /**
     * Wakes every waiter (asyncio's {@code notify_all()}).
     *
     * @throws IllegalStateException if the lock is not held
     */
    public void notifyAllWaiters() {
        notifyWaiters(Integer.MAX_VALUE);
    }

    @Override
    public String toString() {
        return "Condition[" + lock + waiters.describe("waiters") + "]";
    }
}
