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
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue, LifoQueue, PriorityQueue and Event against asyncio's queues.py and locks.py. */
class QueueTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    @Test
    void eachQueueHandsItemsOutInItsOrder() {
        List<List<Integer>> orders = Loops.run(() -> List.of(drain(new Queue<>()), drain(new LifoQueue<>()),
                drain(new PriorityQueue<>(0, Comparator.naturalOrder()))));
        assertEquals(List.of(List.of(3, 1, 2), List.of(2, 1, 3), List.of(1, 2, 3)), orders);
    }

    private static List<Integer> drain(Queue<Integer> queue) {
        for (int i : new int[] {3, 1, 2}) {
            queue.put(i);
        }
        List<Integer> out = new ArrayList<>();
        while (!queue.empty()) {
            out.add(queue.get());
        }
        return out;
    }

    @Test
    void getWaitsForAnItemAndPutWaitsForRoom() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Queue<String> queue = new Queue<>(1);
            Task<Void> consumer = loop.createTask(Coroutines.of(() -> {
                seen.add("got " + queue.get());
                seen.add("got " + queue.get());
                return null;
            }));
            queue.put("a");
            queue.put("b");
            seen.add("put both, full: " + queue.full());
            Asyncio.waitFor(consumer, BOUND);
            return seen;
        });
        // The second put waits for the consumer to take "a", then fills the queue again with "b".
        assertEquals(List.of("got a", "put both, full: true", "got b"), log);
    }

    @Test
    void aGetterCancelledAfterItWasWokenPassesTheItemOn() {
        List<String> outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Queue<String> queue = new Queue<>();
            Task<String> first = loop.createTask(Coroutines.of(queue::get));
            Task<String> second = loop.createTask(Coroutines.of(queue::get));
            Asyncio.sleep(Duration.ZERO); // both wait
            queue.putNowait("item");       // wakes the first...
            first.cancel();                // ...which is cancelled before it runs
            String got = Asyncio.waitFor(second, BOUND);
            assertThrows(CancelledException.class, () -> Async.await(first));
            return List.of(got, "left: " + queue.qsize());
        });
        assertEquals(List.of("item", "left: 0"), outcome);
    }

    @Test
    void aPutterCancelledAfterItWasWokenPassesTheSlotOn() {
        List<String> outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Queue<String> queue = new Queue<>(1);
            queue.putNowait("in");
            Task<Void> first = loop.createTask(Coroutines.of(() -> {
                queue.put("first");
                return null;
            }));
            Task<Void> second = loop.createTask(Coroutines.of(() -> {
                queue.put("second");
                return null;
            }));
            Asyncio.sleep(Duration.ZERO); // both wait for room
            String taken = queue.getNowait(); // frees the slot for the first...
            first.cancel();                   // ...which is cancelled before it runs
            Asyncio.waitFor(second, BOUND);
            return List.of(taken, queue.getNowait(), "cancelled: " + first.cancelled());
        });
        assertEquals(List.of("in", "second", "cancelled: true"), outcome);
    }

    @Test
    void nowaitCallsSayWhyTheyCannot() {
        Loops.run(() -> {
            Queue<String> queue = new Queue<>(1);
            assertTrue(assertThrows(QueueEmptyException.class, queue::getNowait).getMessage().contains("empty"));
            queue.putNowait("x");
            assertTrue(assertThrows(QueueFullException.class, () -> queue.putNowait("y")).getMessage()
                    .contains("maxsize of 1"));
            return null;
        });
    }

    @Test
    void joinReturnsOnceEveryItemIsDone() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Queue<Integer> queue = new Queue<>();
            queue.put(1);
            queue.put(2);
            loop.createTask(Coroutines.of(() -> {
                while (true) {
                    int item = queue.get();
                    Asyncio.sleep(Duration.ZERO);
                    seen.add("done " + item);
                    queue.taskDone();
                }
            }));
            queue.join();
            seen.add("joined");
            assertThrows(IllegalStateException.class, queue::taskDone);
            return seen;
        });
        assertEquals(List.of("done 1", "done 2", "joined"), log);
    }

    @Test
    void shutdownWakesTheWaitersAndRefusesPutsThenGetsOnceEmpty() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Queue<String> queue = new Queue<>();
            Task<String> waiting = loop.createTask(Coroutines.of(queue::get));
            Asyncio.sleep(Duration.ZERO);
            queue.shutdown(false);
            assertThrows(QueueShutDownException.class, () -> Async.await(waiting));
            assertThrows(QueueShutDownException.class, () -> queue.put("late"));
            Queue<String> draining = new Queue<>();
            draining.put("left");
            draining.shutdown(false);
            seen.add(draining.get());
            assertThrows(QueueShutDownException.class, draining::get);
            Queue<String> dropping = new Queue<>();
            dropping.put("dropped");
            dropping.shutdown(true);
            assertTrue(dropping.empty());
            dropping.join(); // the dropped item counts as done
            seen.add("joined after an immediate shutdown");
            return seen;
        });
        assertEquals(List.of("left", "joined after an immediate shutdown"), log);
    }

    @Test
    void anEventWakesEveryWaiterAndClearMakesThemWaitAgain() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Event event = new Event();
            List<Task<Boolean>> waiters = List.of(loop.createTask(Coroutines.of(event::await)),
                    loop.createTask(Coroutines.of(event::await)));
            Asyncio.sleep(Duration.ZERO);
            seen.add("before set: " + waiters.get(0).done());
            event.set();
            Async.await(Asyncio.gather(waiters.get(0), waiters.get(1)));
            seen.add("both woke");
            event.clear();
            assertFalse(event.isSet());
            Task<Boolean> again = loop.createTask(Coroutines.of(event::await));
            Asyncio.sleep(Duration.ZERO);
            seen.add("after clear: " + again.done());
            event.set();
            seen.add("woke again: " + Async.await(again));
            return seen;
        });
        assertEquals(List.of("before set: false", "both woke", "after clear: false", "woke again: true"), log);
    }

    @Test
    void aPrimitiveUsedFromTwoLoopsSaysSo() {
        Queue<String> shared = new Queue<>();
        Loops.run(() -> {
            EventLoops.getRunningLoop().createTask(Coroutines.of(shared::get));
            Asyncio.sleep(Duration.ZERO);
            return null;
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Loops.run(() -> shared.get()));
        assertTrue(e.getMessage().contains("bound to a different event loop"), e.getMessage());
    }
}
