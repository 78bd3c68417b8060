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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.required;
import static dev.loopkit.tck.TckContext.runOnce;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.InvalidStateException;
import dev.loopkit.api.Task;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/** FU: futures of {@code createFuture()} (asyncio's futures.py and test_futures.py). */
@API(status = INTERNAL, since = "0.1")
public final class FutureRules implements RuleGroup {

    @Override
    public String prefix() {
        return "FU";
    }

    @Override
    public String title() {
        return "Futures";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("FU-01", "done callbacks are scheduled with callSoon, never run inline",
                        "Future.__schedule_callbacks",
                        "that done callbacks go through loop.callSoon, never run inside setResult",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            List<String> seen = new ArrayList<>();
                            future.addDoneCallback(f -> seen.add(f.result()));
                            future.setResult("x");
                            assertEquals(List.of(), seen, "a callback ran inline");
                            runOnce(loop);
                            assertEquals(List.of("x"), seen);
                        }),
                required("FU-02", "done callbacks run in the order they were added", "Future.add_done_callback",
                        "that done callbacks are kept in a list and scheduled in insertion order",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            List<Integer> seen = new ArrayList<>();
                            for (int i = 0; i < 10; i++) {
                                int n = i;
                                future.addDoneCallback(f -> seen.add(n));
                            }
                            future.setResult("x");
                            runOnce(loop);
                            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
                        }),
                required("FU-03", "a callback added to a done future is scheduled, not run inline",
                        "Future.add_done_callback",
                        "that addDoneCallback on a done future schedules the callback with callSoon",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            future.setResult("x");
                            List<String> seen = new ArrayList<>();
                            future.addDoneCallback(f -> seen.add(f.result()));
                            assertEquals(List.of(), seen);
                            runOnce(loop);
                            assertEquals(List.of("x"), seen);
                        }),
                required("FU-04", "removeDoneCallback returns how many it removed, and they never run",
                        "Future.remove_done_callback",
                        "that removeDoneCallback removes every equal callback and returns the count",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            List<String> seen = new ArrayList<>();
                            Consumer<Future<String>> twice = f -> seen.add("removed");
                            future.addDoneCallback(twice);
                            future.addDoneCallback(f -> seen.add("kept"));
                            future.addDoneCallback(twice);
                            assertEquals(2, future.removeDoneCallback(twice));
                            assertEquals(0, future.removeDoneCallback(twice));
                            future.setResult("x");
                            runOnce(loop);
                            assertEquals(List.of("kept"), seen);
                        }),
                required("FU-05", "result() of a pending future fails with \"Result is not set.\"",
                        "Future.result",
                        "the exact message \"Result is not set.\" of result() on a pending future",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            assertFalse(future.done());
                            assertEquals("Result is not set.",
                                    assertThrows(InvalidStateException.class, future::result).getMessage());
                        }),
                required("FU-06", "exception() of a pending future fails with \"Exception is not set.\"",
                        "Future.exception",
                        "the exact message \"Exception is not set.\" of exception() on a pending future",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            assertEquals("Exception is not set.",
                                    assertThrows(InvalidStateException.class, future::exception).getMessage());
                        }),
                required("FU-07", "cancel(msg) cancels; result() then throws CancelledException carrying msg",
                        "Future.cancel(msg)",
                        "that cancel(msg) stores the message and result()/exception() throw CancelledException "
                                + "with it",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            assertTrue(future.cancel("no longer needed"));
                            assertTrue(future.cancelled());
                            assertTrue(future.done());
                            assertEquals("no longer needed",
                                    assertThrows(CancelledException.class, future::result).getMessage());
                            assertEquals("no longer needed",
                                    assertThrows(CancelledException.class, future::exception).getMessage());
                        }),
                required("FU-08", "cancel() of a done future returns false and changes nothing", "Future.cancel",
                        "that cancel() returns false and does nothing once the future is done",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            future.setResult("kept");
                            assertFalse(future.cancel("late"));
                            assertFalse(future.cancelled());
                            assertEquals("kept", future.result());
                        }),
                required("FU-09", "a done future cannot be completed again (InvalidStateException)",
                        "Future.set_result: InvalidStateError",
                        "that setResult/setException on a done future throw InvalidStateException",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            future.setResult("first");
                            assertThrows(InvalidStateException.class, () -> future.setResult("second"));
                            assertThrows(InvalidStateException.class, () -> future.setException(new RuntimeException()));
                            assertEquals("first", future.result());
                        }),
                required("FU-10", "a failed future rethrows unchecked exceptions as they are, checked ones"
                        + " wrapped in CompletionException", "Future.result re-raises",
                        "that result() rethrows RuntimeExceptions as they are and wraps checked ones in "
                                + "CompletionException",
                        tck -> {
                            Future<String> unchecked = tck.loop().createFuture();
                            IllegalArgumentException boom = new IllegalArgumentException("boom");
                            unchecked.setException(boom);
                            assertSame(boom, assertThrows(IllegalArgumentException.class, unchecked::result));
                            assertSame(boom, unchecked.exception());
                            Future<String> checked = tck.loop().createFuture();
                            IOException io = new IOException("io");
                            checked.setException(io);
                            assertSame(io, assertThrows(CompletionException.class, checked::result).getCause());
                            assertSame(io, checked.exception());
                        }),
                required("FU-11", "futures are bound to the loop that created them", "Future.get_loop",
                        "that getLoop() returns the loop passed at construction",
                        tck -> {
                    EventLoop loop = tck.loop();
                    assertSame(loop, loop.createFuture().getLoop());
                }),
                required("FU-12", "cancelling a future runs its callbacks", "Future.cancel",
                        "that cancel() schedules the done callbacks like setResult does",
                        tck -> {
                    EventLoop loop = tck.loop();
                    Future<String> future = loop.createFuture();
                    List<Boolean> seen = new ArrayList<>();
                    future.addDoneCallback(f -> seen.add(f.cancelled()));
                    future.cancel();
                    runOnce(loop);
                    assertEquals(List.of(true), seen);
                }),
                required("FU-13", "an exception never retrieved is reported to the exception handler when the"
                        + " future is collected", "Future.__del__: 'Future exception was never retrieved'",
                        "that a future whose exception nobody read is reported once it is garbage-collected (a "
                                + "phantom reference polled by the loop), and that nothing keeps done futures reachable",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            WeakReference<Future<Object>> forgotten = failAndForget(loop);
                            // Collection is up to the JVM: wait for the state itself, in two steps, so
                            // that a loop keeping its futures alive and one never reporting fail apart.
                            tck.waitUntilCollected("the failed future nobody references (does the loop keep"
                                    + " references to done futures?)", List.of(forgotten));
                            awaitReport(tck, loop, reported,
                                    "the collected future's exception to reach the exception handler");
                            assertEquals(1, reported.size(), "the collected future's exception was not reported");
                            assertEquals("forgotten", reported.get(0).exception().getMessage());
                            assertTrue(reported.get(0).message().endsWith("exception was never retrieved"),
                                    reported.get(0).message());
                        }),
                required("FU-14", "a null exception is rejected", "Future.set_exception",
                        "that setException(null) throws NullPointerException before changing state",
                        tck -> {
                    Future<String> future = tck.loop().createFuture();
                    assertThrows(NullPointerException.class, () -> future.setException(null));
                    assertFalse(future.done(), "a rejected setException completed the future");
                }),

                required("FU-15", "an exception read with result(), exception() or an await is never reported as"
                        + " never retrieved", "Future.__log_traceback cleared by result() / exception()",
                        "that result(), exception() and the await path mark the exception as retrieved",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            List<WeakReference<Future<Object>>> read = readThreeWays(loop);
                            WeakReference<Future<Object>> sentinel = failAndForget(loop);
                            // Once the unread sentinel is reported, the three read ones, collected in the
                            // same collections, have had every chance to be reported too.
                            List<WeakReference<Future<Object>>> all = new ArrayList<>(read);
                            all.add(sentinel);
                            tck.waitUntilCollected("the failed futures nobody references", all);
                            awaitReport(tck, loop, reported, "the unread future's exception to be reported");
                            runOnce(loop);
                            assertEquals(List.of("forgotten"), reported.stream()
                                    .map(c -> c.exception().getMessage()).toList(),
                                    "only the exception nobody read may be reported");
                        }),
                required("FU-16", "a task's exception never retrieved is reported as \"Task exception was never"
                        + " retrieved\", naming the task", "Task.__del__ via Future.__del__",
                        "that a failed task whose exception nobody read is reported once it is collected, with"
                                + " the task (its name) in the context",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            WeakReference<Task<Object>> forgotten = failTaskAndForget(loop);
                            tck.waitUntilCollected("the failed task nobody references", List.of(forgotten));
                            awaitReport(tck, loop, reported, "the task's exception to reach the exception handler");
                            ExceptionContext context = reported.get(0);
                            assertEquals("Task exception was never retrieved", context.message());
                            assertEquals("task failed", context.exception().getMessage());
                            assertTrue(String.valueOf(context.extra().get("future")).contains("forgotten-task"),
                                    "the context does not name the task: " + context);
                        }),
                required("FU-17", "toString() of a future says its state: pending, cancelled, its result or its"
                        + " exception; a task's also its name", "Future.__repr__ / Task.__repr__",
                        "the toString() of the loop's futures and tasks",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            assertTrue(future.toString().contains("pending"), future.toString());
                            future.setResult("forty-two");
                            assertTrue(future.toString().contains("forty-two"), future.toString());
                            Future<String> failed = loop.createFuture();
                            failed.setException(new IllegalStateException("boom"));
                            assertTrue(failed.toString().contains("boom"), failed.toString());
                            failed.exception();
                            Future<String> cancelled = loop.createFuture();
                            cancelled.cancel();
                            assertTrue(cancelled.toString().contains("cancelled"), cancelled.toString());
                            Task<String> task = loop.createTask(Coroutines.of(() -> "done"), "named-task", null);
                            assertTrue(task.toString().contains("named-task"), task.toString());
                            loop.runUntilComplete(task);
                        }));
    }

    /** Runs {@code loop} until something is {@code reported}, bounded; {@code what} names it on failure. */
    private static void awaitReport(TckContext tck, EventLoop loop, List<ExceptionContext> reported, String what) {
        tck.waitFor(what, () -> {
            runOnce(loop);
            return !reported.isEmpty();
        });
    }

    /** Three failed futures whose exception was read: with result(), with exception(), by an await. */
    private static List<WeakReference<Future<Object>>> readThreeWays(EventLoop loop) {
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Future<Object> future = loop.createFuture();
            future.setException(new IllegalStateException("read " + i));
            futures.add(future);
        }
        assertThrows(IllegalStateException.class, futures.get(0)::result);
        assertEquals("read 1", futures.get(1).exception().getMessage());
        assertEquals("caught", loop.runUntilComplete(Coroutines.of(() -> {
            try {
                return Async.await(futures.get(2));
            } catch (IllegalStateException e) {
                return "caught";
            }
        })));
        return futures.stream().map(WeakReference::new).toList();
    }

    private static WeakReference<Task<Object>> failTaskAndForget(EventLoop loop) {
        Task<Object> task = loop.createTask(Coroutines.of(() -> {
            throw new IllegalStateException("task failed");
        }), "forgotten-task", null);
        while (!task.done()) {
            runOnce(loop);
        }
        return new WeakReference<>(task);
    }

    private static WeakReference<Future<Object>> failAndForget(EventLoop loop) {
        Future<Object> future = loop.createFuture();
        future.setException(new IllegalStateException("forgotten"));
        return new WeakReference<>(future);
    }
}
