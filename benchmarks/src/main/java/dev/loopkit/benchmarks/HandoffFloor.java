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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor of a handoff await round trip: the same four switches between virtual threads on the
 * JDK's own scheduler (a loop thread resumes A, A hands back, the loop resumes B, B hands back),
 * with park and unpark and nothing else: no loop, future or task.
 */
final class HandoffFloor {

    private static final int LOOP = 0;
    private static final int A = 1;
    private static final int B = 2;

    private final Thread[] threads = new Thread[3];
    /** Whose turn it is; written by one virtual thread and read by another, on any carrier. */
    private volatile int turn = LOOP;

    private HandoffFloor() {
    }

    /** {@code n} round trips; returns once all three threads have ended. */
    static void run(int n) {
        new HandoffFloor().roundTrips(n);
    }

    private void roundTrips(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        threads[A] = Thread.ofVirtual().unstarted(() -> follow(A, n));
        threads[B] = Thread.ofVirtual().unstarted(() -> follow(B, n));
        threads[LOOP] = Thread.ofVirtual().unstarted(() -> {
            for (int i = 0; i < n; i++) {
                handTo(A);
                handTo(B);
            }
            done.complete(null);
        });
        threads[A].start();
        threads[B].start();
        threads[LOOP].start();
        Completion.await(done, "the handoff floor's round trips");
        for (Thread thread : threads) {
            Completion.join(thread);
        }
    }

    /** On the loop thread: gives the turn to {@code who} and waits until it is handed back. */
    private void handTo(int who) {
        turn = who;
        LockSupport.unpark(threads[who]);
        while (turn != LOOP) {
            LockSupport.park(this);
        }
    }

    /** On A or B: {@code n} times, waits for its turn and hands it back to the loop thread. */
    private void follow(int me, int n) {
        for (int i = 0; i < n; i++) {
            while (turn != me) {
                LockSupport.park(this);
            }
            turn = LOOP;
            LockSupport.unpark(threads[LOOP]);
        }
    }
}
