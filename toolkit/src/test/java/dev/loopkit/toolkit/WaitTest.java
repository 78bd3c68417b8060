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

import dev.loopkit.api.Async;
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

/** wait and asCompleted against asyncio's: what returns when, and in which order. */
class WaitTest {

    @Test
    void eachReturnWhenReturnsWhenItSays() {
        List<String> log = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<String> seen = new ArrayList<>();
            // Delays of a day stay pending however slow the machine is: no test waits for them.
            Task<String> quick = task(loop, Duration.ZERO, "quick");
            Task<String> slow = task(loop, Duration.ofDays(1), "slow");
            Waited<Task<String>> first = Asyncio.wait(List.of(quick, slow), null, ReturnWhen.FIRST_COMPLETED);
            seen.add("first completed: " + first.done().size() + " done, " + first.pending().size() + " pending");
            Task<String> failing = loop.createTask(Coroutines.of(() -> {
                throw new IllegalStateException("boom");
            }));
            Task<String> later = task(loop, Duration.ofDays(1), "never");
            Waited<Task<String>> failed = Asyncio.wait(List.of(failing, later), null, ReturnWhen.FIRST_EXCEPTION);
            seen.add("first exception: done " + failed.done().contains(failing) + ", pending " + failed.pending()
                    .contains(later));
            later.cancel();
            slow.cancel();
            Task<String> another = task(loop, Duration.ofMillis(1), "another");
            Waited<Task<String>> all = Asyncio.wait(List.of(quick, another), null, ReturnWhen.ALL_COMPLETED);
            seen.add("all completed: " + all.done().size() + " done, " + all.pending().size() + " pending");
            return seen;
        });
        assertEquals(List.of("first completed: 1 done, 1 pending", "first exception: done true, pending true",
                "all completed: 2 done, 0 pending"), log);
    }

    @Test
    void aTimeoutReturnsWhatIsPendingWithoutCancellingIt() {
        List<Boolean> state = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<String> never = task(loop, Duration.ofDays(1), "never");
            Waited<Task<String>> waited = Asyncio.wait(List.of(never), Duration.ofMillis(5), ReturnWhen.ALL_COMPLETED);
            List<Boolean> result = List.of(waited.pending().contains(never), never.cancelled());
            never.cancel();
            return result;
        });
        assertEquals(List.of(true, false), state);
        assertThrows(IllegalArgumentException.class,
                () -> Loops.run(() -> Asyncio.wait(List.<Future<?>>of(), null, ReturnWhen.ALL_COMPLETED)));
    }

    @Test
    void asCompletedHandsOutcomesOutInTheOrderTheyFinish() {
        List<String> order = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            List<Task<String>> tasks = List.of(task(loop, Duration.ofMillis(30), "third"),
                    task(loop, Duration.ofMillis(10), "second"), task(loop, Duration.ZERO, "first"));
            List<String> seen = new ArrayList<>();
            for (Future<String> next : Asyncio.asCompleted(tasks, null)) {
                seen.add(Async.await(next));
            }
            return seen;
        });
        assertEquals(List.of("first", "second", "third"), order);
    }

    @Test
    void asCompletedFailsTheOnesLeftOnceItsTimeoutPasses() {
        List<String> outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            // Already done: its outcome is handed on before the timer can fall due, whatever the load.
            Future<String> quick = loop.createFuture();
            quick.setResult("quick");
            Task<String> never = task(loop, Duration.ofDays(1), "never");
            List<Future<String>> inOrder = Asyncio.asCompleted(List.of(never, quick), Duration.ofMillis(10));
            List<String> seen = new ArrayList<>();
            seen.add(Async.await(inOrder.get(0)));
            seen.add(assertThrows(AsyncTimeoutException.class, () -> Async.await(inOrder.get(1))).getMessage());
            assertFalse(never.done(), "asCompleted cancelled what it was waiting for");
            never.cancel();
            return seen;
        });
        assertEquals(List.of("quick", "the deadline passed"), outcome);
    }

    private static Task<String> task(EventLoop loop, Duration delay, String result) {
        return loop.createTask(Coroutines.of(() -> Asyncio.sleep(delay, result)));
    }
}
