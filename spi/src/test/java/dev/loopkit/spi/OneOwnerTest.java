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
package dev.loopkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.ClosedSelectorException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Two threads that start the same loop at once, or start and close it at once: one of them has the
 * loop, the other is told why not. The races are made likely (many rounds, started together) and
 * whatever the interleaving, only the allowed outcomes may appear.
 */
class OneOwnerTest {

    private static final int ROUNDS = 500;

    /** Runs one iteration per runForever, counting how many threads are inside it at once. */
    private static final class CountingLoop extends BaseEventLoop {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        volatile boolean backendClosed;

        @Override
        protected void processEvents(long timeoutNanos) {
            if (backendClosed) {
                throw new ClosedSelectorException();
            }
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            for (int i = 0; i < 2_000; i++) {
                Thread.onSpinWait();
            }
            inside.decrementAndGet();
            stop();
        }

        @Override
        protected void wakeup() {
        }

        @Override
        protected void closeBackend() {
            backendClosed = true;
        }
    }

    @Test
    void twoThreadsNeverRunOneLoopAtOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            CountingLoop loop = new CountingLoop();
            List<String> outcomes = race(loop::runForever, loop::runForever);
            assertEquals(1, loop.most.get(), "two threads ran the loop at once in round " + round);
            for (String outcome : outcomes) {
                assertTrue(outcome.equals("returned") || outcome.equals("This event loop is already running"),
                        "round " + round + ": " + outcomes);
            }
            loop.close();
        }
    }

    @Test
    void closeNeverPullsTheBackEndFromUnderAStartingLoop() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            CountingLoop loop = new CountingLoop();
            List<String> outcomes = race(loop::runForever, loop::close);
            String run = outcomes.get(0);
            String close = outcomes.get(1);
            assertTrue(run.equals("returned") || run.equals("Event loop is closed"), "round " + round + ": run " + run);
            assertTrue(close.equals("returned") || close.equals("Cannot close a running event loop"),
                    "round " + round + ": close " + close);
            loop.close();
            assertTrue(loop.isClosed() && loop.backendClosed);
        }
    }

    /** Starts both at once on two threads; returns "returned" or the message of what each threw. */
    private static List<String> race(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<String> outcomes = new CopyOnWriteArrayList<>(new String[] {"not run", "not run"});
        Thread[] threads = new Thread[2];
        Runnable[] actions = {first, second};
        for (int i = 0; i < 2; i++) {
            int index = i;
            threads[i] = Thread.ofPlatform().start(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                    actions[index].run();
                    outcomes.set(index, "returned");
                } catch (Exception e) {
                    outcomes.set(index, e instanceof IllegalStateException ? e.getMessage() : e.toString());
                }
            });
        }
        for (Thread thread : threads) {
            assertTrue(thread.join(Duration.ofSeconds(10)), "a racing thread did not finish");
        }
        return outcomes;
    }
}
