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
 * The floor of a parked task: {@code n} virtual threads on the inline coroutines' scheduler
 * mechanism, each parked, with no task, future or loop around them.
 */
final class ParkedVirtualThreads {

    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private final Thread[] threads;
    /** Read by the parked threads, all on the calling thread; set before they are unparked. */
    private boolean released;

    private ParkedVirtualThreads(int n) {
        threads = new Thread[n];
    }

    /** Parks {@code n} virtual threads; returns what resumes and finishes them. */
    static Runnable spawn(int n) {
        ParkedVirtualThreads parked = new ParkedVirtualThreads(n);
        for (int i = 0; i < n; i++) {
            parked.threads[i] = InlineVirtualThreads.unstarted(parked.queue::add, parked::waitForRelease);
            parked.threads[i].start();
        }
        parked.drain();
        return parked::releaseAll;
    }

    private void waitForRelease() {
        while (!released) {
            LockSupport.park();
        }
    }

    private void releaseAll() {
        released = true;
        for (Thread thread : threads) {
            LockSupport.unpark(thread);
        }
        drain();
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                throw new IllegalStateException(thread + " is still parked after all were released");
            }
        }
    }

    private void drain() {
        for (Runnable next = queue.poll(); next != null; next = queue.poll()) {
            next.run();
        }
    }
}
