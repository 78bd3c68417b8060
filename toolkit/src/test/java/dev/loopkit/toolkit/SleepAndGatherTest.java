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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sleep, gather and shield against asyncio's documented behaviour, on the default loop. */
class SleepAndGatherTest {

    @Test
    void sleepZeroLetsTheReadyCallbacksRunFirst() {
        List<String> order = Loops.run(() -> {
            List<String> seen = new ArrayList<>();
            EventLoops.getRunningLoop().callSoon(() -> seen.add("ready callback"));
            Asyncio.sleep(Duration.ZERO);
            seen.add("after sleep(0)");
            return seen;
        });
        assertEquals(List.of("ready callback", "after sleep(0)"), order);
    }

    @Test
    void sleepWaitsAtLeastItsDelayOnTheLoopsClockAndReturnsItsResult() {
        long[] elapsed = new long[1];
        String result = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            long start = loop.time();
            String r = Asyncio.sleep(Duration.ofMillis(20), "woke");
            elapsed[0] = loop.time() - start;
            return r;
        });
        assertEquals("woke", result);
        assertTrue(elapsed[0] >= Duration.ofMillis(20).toNanos(), "slept only " + elapsed[0] + " ns");
    }

    @Test
    void aCancelledSleepEndsAtOnceWithTheCancellation() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<Void> sleeper = loop.createTask(Coroutines.of(() -> {
                Asyncio.sleep(Duration.ofDays(1));
                return null;
            }));
            Asyncio.sleep(Duration.ZERO);
            sleeper.cancel("enough");
            CancelledException e = assertThrows(CancelledException.class, () -> Async.await(sleeper));
            return e.getMessage();
        });
        assertEquals("enough", outcome);
    }

    @Test
    void gatherKeepsTheOrderOfItsChildrenNotOfTheirCompletion() {
        List<Object> results = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<String> slow = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofMillis(20), "slow")));
            Task<String> fast = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ZERO, "fast")));
            return Async.await(Asyncio.gather(slow, fast));
        });
        assertEquals(List.of("slow", "fast"), results);
    }

    @Test
    void gatherOfNothingIsAnEmptyListAtOnce() {
        assertEquals(List.of(), Loops.run(() -> {
            Future<List<Object>> none = Asyncio.gather();
            assertTrue(none.done());
            return Async.await(none);
        }));
    }

    @Test
    void theFirstFailureFailsTheGatheringAtOnceAndTheOthersRunOn() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            IllegalStateException boom = new IllegalStateException("boom");
            Task<String> failing = loop.createTask(Coroutines.of(() -> {
                throw boom;
            }));
            Task<String> later = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofDays(1), "later")));
            IllegalStateException thrown = assertThrows(IllegalStateException.class,
                    () -> Async.await(Asyncio.gather(failing, later)));
            assertSame(boom, thrown);
            seen.add("gather failed, later done: " + later.done() + ", cancelled: " + later.cancelled());
            later.cancel();
            return seen;
        });
        assertEquals(List.of("gather failed, later done: false, cancelled: false"), log);
    }

    @Test
    void withReturnExceptionsFailuresAndCancellationsAreResults() {
        List<Object> results = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            IllegalStateException boom = new IllegalStateException("boom");
            Future<String> failed = loop.createFuture();
            failed.setException(boom);
            Future<String> cancelled = loop.createFuture();
            cancelled.cancel("no");
            Future<String> fine = loop.createFuture();
            fine.setResult("fine");
            return Async.await(Asyncio.gather(List.of(failed, cancelled, fine), true));
        });
        assertInstanceOf(IllegalStateException.class, results.get(0));
        assertEquals("no", assertInstanceOf(CancelledException.class, results.get(1)).getMessage());
        assertEquals("fine", results.get(2));
    }

    @Test
    void aCancelledChildFailsTheGatheringButNotTheTaskThatAwaitsIt() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Future<String> child = loop.createFuture();
            Future<List<Object>> all = Asyncio.gather(child, loop.createFuture());
            child.cancel("child only");
            CancelledException e = assertThrows(CancelledException.class, () -> Async.await(all));
            return e.getMessage() + ", gathering cancelled: " + all.cancelled();
        });
        assertEquals("child only, gathering cancelled: false", outcome);
    }

    @Test
    void cancellingTheGatheringCancelsEveryChildStillRunning() {
        List<Boolean> cancelled = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Future<String> done = loop.createFuture();
            done.setResult("done");
            Task<String> running = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofDays(1), "never")));
            Future<List<Object>> all = Asyncio.gather(done, running);
            Asyncio.sleep(Duration.ZERO);
            assertTrue(all.cancel("stop"));
            assertThrows(CancelledException.class, () -> Async.await(all));
            return List.of(done.cancelled(), running.cancelled());
        });
        assertEquals(List.of(false, true), cancelled);
    }

    @Test
    void gatherRefusesChildrenOfAnotherLoop() {
        EventLoop other = Loops.newEventLoop();
        try {
            IllegalArgumentException e = Loops.run(() -> assertThrows(IllegalArgumentException.class,
                    () -> Asyncio.gather(EventLoops.getRunningLoop().createFuture(), other.createFuture())));
            assertTrue(e.getMessage().contains("must share one loop"), e.getMessage());
        } finally {
            other.close();
        }
    }

    @Test
    void aShieldedFutureRunsOnWhenItsAwaiterIsCancelled() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            Task<String> work = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofMillis(10), "finished")));
            Task<String> awaiter = loop.createTask(Coroutines.of(() -> Async.await(Asyncio.shield(work))));
            Asyncio.sleep(Duration.ZERO);
            awaiter.cancel();
            assertThrows(CancelledException.class, () -> Async.await(awaiter));
            seen.add("awaiter cancelled, work cancelled: " + work.cancelled());
            seen.add("work: " + Async.await(work));
            return seen;
        });
        assertEquals(List.of("awaiter cancelled, work cancelled: false", "work: finished"), log);
    }

    @Test
    void aShieldPassesOnTheResultOrTheFailureOfWhatItShields() {
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Future<String> inner = loop.createFuture();
            Future<String> outer = Asyncio.shield(inner);
            loop.callSoon(() -> inner.setResult("through"));
            assertEquals("through", Async.await(outer));
            Future<String> failing = loop.createFuture();
            Future<String> shielded = Asyncio.shield(failing);
            IllegalStateException boom = new IllegalStateException("boom");
            loop.callSoon(() -> failing.setException(boom));
            assertSame(boom, assertThrows(IllegalStateException.class, () -> Async.await(shielded)));
            assertSame(inner, Asyncio.shield(inner), "a done future is its own shield");
            assertFalse(outer.cancelled());
            return null;
        });
    }
}
