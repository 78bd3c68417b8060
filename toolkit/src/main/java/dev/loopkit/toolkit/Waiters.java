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

import dev.loopkit.api.Async;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The line of coroutines waiting on a primitive, first come first served (the {@code _waiters}
 * deque of asyncio's locks and queues): each waiter is a future it awaits and leaves the line
 * however its wait ends; waking one sets its future, and a future already done is a waiter
 * already on its way.
 *
 * @param <V> what a waiter is woken with
 */
final class Waiters<V> {

    private final Deque<Future<V>> line = new ArrayDeque<>();

    /** Joins the line: the future to pass to {@link #awaitTurn}. */
    Future<V> join(EventLoop loop) {
        Future<V> waiter = loop.createFuture();
        line.addLast(waiter);
        return waiter;
    }

    /** Suspends until {@code waiter} is woken (or the task is cancelled), then leaves the line. */
    V awaitTurn(Future<V> waiter) {
        try {
            return Async.await(waiter);
        } finally {
            line.remove(waiter);
        }
    }

    /** Wakes the first in line, unless it is already on its way (a lock's hand-over). */
    void wakeFirst(V value) {
        Future<V> first = line.peekFirst();
        if (first != null && !first.done()) {
            first.setResult(value);
        }
    }

    /** Wakes the first waiter not yet on its way; false if there is none. */
    boolean wakeNext(V value) {
        return wake(1, value) == 1;
    }

    /** Wakes up to {@code n} waiters not yet on their way, in line order; returns how many. */
    int wake(int n, V value) {
        int woken = 0;
        for (Future<V> waiter : line) {
            if (woken >= n) {
                break;
            }
            if (!waiter.done()) {
                waiter.setResult(value);
                woken++;
            }
        }
        return woken;
    }

    /** Wakes every waiter not yet on its way. */
    void wakeAll(V value) {
        wake(Integer.MAX_VALUE, value);
    }

    /** Whether a waiter still counts: one not cancelled. */
    boolean anyActive() {
        return line.stream().anyMatch(waiter -> !waiter.cancelled());
    }

    /** How many wait, for toString(): ", LABEL=N", or "" when none do. */
    String describe(String label) {
        return line.isEmpty() ? "" : ", " + label + "=" + line.size();
    }
}
