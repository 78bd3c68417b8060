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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** waitFor and the timeout scopes, with asyncio 3.11's rules for whose cancellation becomes a timeout. */
class TimeoutTest {

    @Test
    void aBodyThatFinishesInTimeReturnsItsResultAndTheScopeDidNotExpire() throws Exception {
        AtomicReference<Timeout> scope = new AtomicReference<>();
        String result = Loops.run(() -> Asyncio.timeout(Duration.ofDays(1), s -> {
            scope.set(s);
            return Asyncio.sleep(Duration.ZERO, "in time");
        }));
        assertEquals("in time", result);
        assertFalse(scope.get().expired());
        assertThrows(IllegalStateException.class, () -> scope.get().reschedule(null), "reschedule after exit");
    }

    @Test
    void aDeadlineThatPassesBecomesATimeoutCausedByTheCancellation() {
        AtomicReference<Timeout> scope = new AtomicReference<>();
        AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class, () -> Loops.run(() ->
                Asyncio.timeout(Duration.ofMillis(10), s -> {
                    scope.set(s);
                    return Asyncio.sleep(Duration.ofDays(1), "never");
                })));
        assertInstanceOf(CancelledException.class, e.getCause());
        assertTrue(scope.get().expired());
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> scope.get().reschedule(0L));
        assertEquals("Cannot change state of expired Timeout", late.getMessage());
    }

    @Test
    void theTaskIsNotLeftCancellingAfterItsOwnTimeout() {
        int cancelling = Loops.run(() -> {
            assertThrows(AsyncTimeoutException.class, () -> Asyncio.timeout(Duration.ZERO, s -> {
                Asyncio.sleep(Duration.ofDays(1));
                return null;
            }));
            Asyncio.sleep(Duration.ZERO); // a task still marked cancelling would be cancelled here
            return Tasks.currentTask().orElseThrow().cancelling();
        });
        assertEquals(0, cancelling);
    }

    @Test
    void aCancellationFromOutsideStaysACancellationEvenWhenTheDeadlineAlsoPassed() {
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<Object> inner = loop.createTask(Coroutines.of(() -> Asyncio.timeout(Duration.ofDays(1), s -> {
                s.reschedule(loop.time()); // due now: the scope cancels the task next iteration
                Tasks.currentTask().orElseThrow().cancel("from outside");
                return Asyncio.sleep(Duration.ofDays(1), "never");
            })));
            CancelledException e = assertThrows(CancelledException.class, () -> Async.await(inner));
            return e.getClass().getSimpleName();
        });
        assertEquals("CancelledException", outcome);
    }

    @Test
    void rescheduleToNoneLiftsTheDeadline() throws Exception {
        String result = Loops.run(() -> Asyncio.timeout(Duration.ofMillis(1), s -> {
            s.reschedule(null);
            assertNull(s.when());
            return Asyncio.sleep(Duration.ofMillis(20), "no deadline");
        }));
        assertEquals("no deadline", result);
    }

    @Test
    void aDeadlineAtTheEndOfTimeNeverFires() throws Exception {
        assertEquals(Long.MAX_VALUE, Asyncio.deadline(1, Duration.ofSeconds(Long.MAX_VALUE)));
        assertEquals(Long.MIN_VALUE, Asyncio.deadline(-1, Duration.ofSeconds(Long.MIN_VALUE)));
        assertEquals(42L, Asyncio.deadline(40, Duration.ofNanos(2)));
        boolean expired = Loops.run(() -> Asyncio.timeout(Duration.ofSeconds(Long.MAX_VALUE), s -> {
            Asyncio.sleep(Duration.ofMillis(5));
            return s.expired();
        }));
        assertFalse(expired);
    }

    @Test
    void aScopeOutsideATaskSaysWhereItMustRun() {
        EventLoop loop = Loops.newEventLoop();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(
                    callbackRunning(loop, () -> Asyncio.timeout(Duration.ofSeconds(1), s -> null))));
            assertTrue(e.getMessage().contains("inside a task"), e.getMessage());
        } finally {
            loop.close();
        }
    }

    @Test
    void waitForReturnsInTimeOrCancelsWhatItAwaitsAndTimesOut() {
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<String> quick = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ZERO, "quick")));
            assertEquals("quick", Asyncio.waitFor(quick, Duration.ofDays(1)));
            Task<String> slow = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofDays(1), "slow")));
            AsyncTimeoutException e = assertThrows(AsyncTimeoutException.class,
                    () -> Asyncio.waitFor(slow, Duration.ofMillis(5)));
            assertInstanceOf(CancelledException.class, e.getCause());
            assertTrue(slow.cancelled(), "waitFor left what it awaited running");
            return null;
        });
    }

    @Test
    void waitForWithNoTimeLeftTakesADoneResultOrCancels() {
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Future<String> done = loop.createFuture();
            done.setResult("done");
            assertEquals("done", Asyncio.waitFor(done, Duration.ZERO));
            Task<String> pending = loop.createTask(Coroutines.of(() -> Asyncio.sleep(Duration.ofDays(1), "never")));
            assertThrows(AsyncTimeoutException.class, () -> Asyncio.waitFor(pending, Duration.ofNanos(-1)));
            assertTrue(pending.cancelled());
            Future<String> later = loop.createFuture();
            loop.callLater(Duration.ofMillis(5), () -> later.setResult("no bound"));
            assertEquals("no bound", Asyncio.waitFor(later, null));
            return null;
        });
    }

    /** A future completed by a plain callback that runs {@code action}: not inside any task. */
    private static Future<Object> callbackRunning(EventLoop loop, ThrowingAction action) {
        Future<Object> outcome = loop.createFuture();
        loop.callSoon(() -> {
            try {
                outcome.setResult(action.run());
            } catch (Exception e) {
                outcome.setException(e);
            }
        });
        return outcome;
    }

    @FunctionalInterface
    private interface ThrowingAction {
        Object run() throws Exception;
    }
}
