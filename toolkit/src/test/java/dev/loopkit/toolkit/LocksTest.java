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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Task;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lock, Semaphore, BoundedSemaphore and Condition against asyncio's locks.py: FIFO hand-over, and a
 * waiter cancelled right after it was woken never swallows the lock, a permit or a notification.
 */
class LocksTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void theLockGoesToWaitersInTheOrderTheyCame() {
        List<String> order = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Lock lock = new Lock();
            List<String> seen = new ArrayList<>();
            lock.acquire();
            List<Task<Object>> tasks = new ArrayList<>();
            for (String name : List.of("a", "b", "c")) {
                tasks.add(loop.createTask(Coroutines.of(() -> {
                    lock.acquire();
                    try {
                        seen.add(name);
                        Asyncio.sleep(Duration.ZERO);
                    } finally {
                        lock.release();
                    }
                    return null;
                })));
            }
            Asyncio.sleep(Duration.ZERO);
            lock.release();
            Async.await(Asyncio.gather(List.copyOf(tasks), false));
            assertFalse(lock.locked());
            assertThrows(IllegalStateException.class, lock::release);
            return seen;
        });
        assertEquals(List.of("a", "b", "c"), order);
    }

    @Test
    void aLockWaiterCancelledAfterItWasWokenPassesTheLockOn() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Lock lock = new Lock();
            lock.acquire();
            Task<Boolean> first = loop.createTask(Coroutines.of(lock::acquire));
            Task<Boolean> second = loop.createTask(Coroutines.of(lock::acquire));
            Asyncio.sleep(Duration.ZERO); // both wait
            lock.release();                // wakes the first...
            first.cancel();                // ...which is cancelled before it runs
            boolean got = Asyncio.waitFor(second, BOUND);
            assertThrows(CancelledException.class, () -> Async.await(first));
            return "second got it: " + got + ", locked: " + lock.locked();
        });
        assertEquals("second got it: true, locked: true", outcome);
    }

    @Test
    void aSemaphoreLetsValueHoldersInAndQueuesTheRest() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Semaphore semaphore = new Semaphore(2);
            List<String> seen = new ArrayList<>();
            semaphore.acquire();
            semaphore.acquire();
            seen.add("two in, locked: " + semaphore.locked());
            Task<Boolean> third = loop.createTask(Coroutines.of(semaphore::acquire));
            Asyncio.sleep(Duration.ZERO);
            seen.add("third waits: " + !third.done());
            semaphore.release();
            seen.add("third in: " + Asyncio.waitFor(third, BOUND));
            return seen;
        });
        assertEquals(List.of("two in, locked: true", "third waits: true", "third in: true"), log);
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
    }

    @Test
    void aSemaphoreWaiterCancelledAfterItsPermitWasSetAsideGivesItBack() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Semaphore semaphore = new Semaphore(1);
            semaphore.acquire();
            Task<Boolean> first = loop.createTask(Coroutines.of(semaphore::acquire));
            Task<Boolean> second = loop.createTask(Coroutines.of(semaphore::acquire));
            Asyncio.sleep(Duration.ZERO);
            semaphore.release(); // sets the permit aside for the first...
            first.cancel();      // ...which is cancelled before it takes it
            boolean got = Asyncio.waitFor(second, BOUND);
            return "second got it: " + got + ", locked: " + semaphore.locked() + ", first cancelled: "
                    + first.cancelled();
        });
        assertEquals("second got it: true, locked: true, first cancelled: true", outcome);
    }

    @Test
    void aBoundedSemaphoreRefusesAnExtraRelease() {
        Loops.run(() -> {
            BoundedSemaphore semaphore = new BoundedSemaphore(1);
            semaphore.acquire();
            semaphore.release();
            IllegalStateException e = assertThrows(IllegalStateException.class, semaphore::release);
            assertTrue(e.getMessage().contains("released too many times"), e.getMessage());
            return null;
        });
    }

    @Test
    void aConditionWakesTheNotifiedWaitersWhoHoldTheLockAgain() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Condition condition = new Condition();
            List<String> seen = new ArrayList<>();
            List<Integer> items = new ArrayList<>();
            List<Task<Object>> consumers = new ArrayList<>();
            for (String name : List.of("a", "b")) {
                consumers.add(loop.createTask(Coroutines.of(() -> {
                    condition.acquire();
                    try {
                        condition.awaitFor(() -> !items.isEmpty());
                        seen.add(name + " took " + items.remove(0) + " holding the lock: " + condition.locked());
                    } finally {
                        condition.release();
                    }
                    return null;
                })));
            }
            Asyncio.sleep(Duration.ZERO); // both wait
            condition.acquire();
            items.add(1);
            condition.notifyWaiters(1);
            condition.release();
            Asyncio.sleep(Duration.ofMillis(1));
            seen.add("one taken, b still waits: " + !consumers.get(1).done());
            condition.acquire();
            items.add(2);
            condition.notifyAllWaiters();
            condition.release();
            Async.await(Asyncio.gather(List.copyOf(consumers), false));
            assertThrows(IllegalStateException.class, () -> condition.notifyWaiters(1));
            assertThrows(IllegalStateException.class, condition::await);
            return seen;
        });
        assertEquals(List.of("a took 1 holding the lock: true", "one taken, b still waits: true",
                "b took 2 holding the lock: true"), log);
    }

    @Test
    void aConditionWaiterCancelledAfterItWasNotifiedPassesTheNotificationOn() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Condition condition = new Condition();
            Task<Boolean> first = loop.createTask(Coroutines.of(() -> waitOnce(condition)));
            Task<Boolean> second = loop.createTask(Coroutines.of(() -> waitOnce(condition)));
            Asyncio.sleep(Duration.ZERO);
            condition.acquire();
            condition.notifyWaiters(1); // notifies the first...
            first.cancel();             // ...which is cancelled before it runs
            condition.release();
            boolean woke = Asyncio.waitFor(second, BOUND);
            assertThrows(CancelledException.class, () -> Async.await(first));
            return "second woke: " + woke + ", locked: " + condition.locked();
        });
        assertEquals("second woke: true, locked: false", outcome);
    }

    /** Waits for one notification, and releases the lock however it ends. */
    private static boolean waitOnce(Condition condition) {
        condition.acquire();
        try {
            return condition.await();
        } finally {
            condition.release();
        }
    }
}
