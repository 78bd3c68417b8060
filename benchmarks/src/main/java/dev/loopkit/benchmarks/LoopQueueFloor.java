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
package dev.loopkit.benchmarks;

import dev.loopkit.api.internal.InlineVirtualThreads;
import java.util.ArrayDeque;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor of an inline await round trip: two virtual threads whose scheduler is a bare queue
 * drained by the calling thread (what an inline coroutine runs on, with no loop, future or task
 * around it), handing a baton back and forth with park and unpark.
 */
final class LoopQueueFloor {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Thread[] threads = new Thread[2];
    /** Whose turn it is (0 or 1); both threads run on the calling thread, one at a time. */
    private int turn;

    private LoopQueueFloor() {
    }

    /** {@code n} round trips; returns once both threads have ended. */
    static void run(int n) {
        new LoopQueueFloor().pingPong(n);
    }

    private void pingPong(int n) {
        threads[0] = InlineVirtualThreads.unstarted(queue::add, () -> play(0, n));
        threads[1] = InlineVirtualThreads.unstarted(queue::add, () -> play(1, n));
        threads[1].start();
        threads[0].start();
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
            next.run();
        }
        if (threads[0].isAlive() || threads[1].isAlive()) {
            throw new IllegalStateException("the floor's threads are parked with an empty queue");
        }
    }

    private void play(int me, int n) {
        int other = 1 - me;
        for (int i = 0; i < n; i++) {
            while (turn != me) {
                LockSupport.park();
            }
            turn = other;
            LockSupport.unpark(threads[other]);
        }
    }
}
