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
import static dev.loopkit.tck.rules.Expect.illegalState;
import static dev.loopkit.tck.rules.Expect.thrownBy;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.spi.BuiltinTask;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/** LC: running, stopping and closing a loop (asyncio's base_events.py run_forever/stop/close). */
@API(status = INTERNAL, since = "0.1")
public final class LifecycleRules implements RuleGroup {

    private static final String CLOSED = "Event loop is closed";

    @Override
    public String prefix() {
        return "LC";
    }

    @Override
    public String title() {
        return "Lifecycle";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("LC-01", "runForever on a closed loop fails with \"Event loop is closed\"",
                        "BaseEventLoop._check_closed",
                        "that runForever calls checkClosed first (message \"Event loop is closed\")",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, loop::runForever);
                        }),
                required("LC-02", "runUntilComplete on a closed loop fails with \"Event loop is closed\"",
                        "BaseEventLoop.run_until_complete",
                        "that runUntilComplete calls checkClosed before anything else",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, () -> loop.runUntilComplete(Coroutines.of(() -> 1)));
                        }),
                required("LC-03", "runForever inside the running loop fails with \"This event loop is already running\"",
                        "BaseEventLoop._check_running",
                        "that runForever checks isRunning() first (message \"This event loop is already running\")",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicReference<Throwable> failure = new AtomicReference<>();
                            loop.callSoon(() -> failure.set(thrownBy(loop::runForever)));
                            runOnce(loop);
                            assertNotNull(failure.get(), "re-entrant runForever did not fail");
                            assertEquals("This event loop is already running", failure.get().getMessage());
                        }),
                required("LC-04", "a second loop cannot run on a thread that runs one",
                        "BaseEventLoop._check_running: 'Cannot run the event loop while another loop is running'",
                        "that runForever refuses when another loop already runs on this thread (the "
                                + "running-loop slot)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            EventLoop other = tck.newLoop();
                            AtomicReference<Throwable> failure = new AtomicReference<>();
                            loop.callSoon(() -> failure.set(thrownBy(other::runForever)));
                            runOnce(loop);
                            assertNotNull(failure.get(), "the second loop ran");
                            assertEquals("Cannot run the event loop while another loop is running",
                                    failure.get().getMessage());
                        }),
                required("LC-05", "stop() before runForever runs one iteration, then returns",
                        "test_base_events.test_run_once / stop() before run_forever",
                        "that stop() sets a flag checked after each iteration, so stop-then-run runs exactly "
                                + "one iteration",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.stop();
                            loop.callSoon(() -> {
                                ran.add("first");
                                loop.callSoon(() -> ran.add("next iteration"));
                            });
                            loop.runForever();
                            assertEquals(List.of("first"), ran);
                            runOnce(loop);
                            assertEquals(List.of("first", "next iteration"), ran);
                        }),
                required("LC-06", "stop() from a callback finishes the current batch, then returns",
                        "BaseEventLoop.stop",
                        "that stop() lets the current batch of ready callbacks finish before runForever returns",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(() -> {
                                ran.add("a");
                                loop.stop();
                                loop.callSoon(() -> ran.add("later"));
                            });
                            loop.callSoon(() -> ran.add("b"));
                            loop.runForever();
                            assertEquals(List.of("a", "b"), ran);
                        }),
                required("LC-07", "close() of a running loop fails with \"Cannot close a running event loop\"",
                        "BaseEventLoop.close",
                        "that close() of a running loop throws \"Cannot close a running event loop\"",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicReference<Throwable> failure = new AtomicReference<>();
                            loop.callSoon(() -> failure.set(thrownBy(loop::close)));
                            runOnce(loop);
                            assertNotNull(failure.get(), "close() of a running loop did not fail");
                            assertEquals("Cannot close a running event loop", failure.get().getMessage());
                            assertFalse(loop.isClosed());
                        }),
                required("LC-08", "close() twice is a no-op and isClosed() reports it",
                        "BaseEventLoop.close",
                        "that close() is idempotent and isClosed() is true afterwards",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertFalse(loop.isClosed());
                            loop.close();
                            loop.close();
                            assertTrue(loop.isClosed());
                        }),
                required("LC-09", "callSoon on a closed loop fails with \"Event loop is closed\"",
                        "BaseEventLoop.call_soon",
                        "that callSoon calls checkClosed",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, () -> loop.callSoon(() -> { }));
                        }),
                required("LC-10", "callSoonThreadsafe on a closed loop fails with \"Event loop is closed\"",
                        "BaseEventLoop.call_soon_threadsafe",
                        "that callSoonThreadsafe calls checkClosed",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, () -> loop.callSoonThreadsafe(() -> { }));
                        }),
                required("LC-11", "callLater and callAt on a closed loop fail with \"Event loop is closed\"",
                        "BaseEventLoop.call_at",
                        "that callLater and callAt call checkClosed",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, () -> loop.callLater(Duration.ofMillis(1), () -> { }));
                            illegalState(CLOSED, () -> loop.callAt(loop.time(), () -> { }));
                        }),
                required("LC-12", "createTask on a closed loop fails with \"Event loop is closed\" and closes the"
                        + " coroutine",
                        "BaseEventLoop.create_task",
                        "that createTask calls checkClosed before it makes the task or calls the task factory, and"
                                + " closes the coroutine it refuses",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> made = new ArrayList<>();
                            loop.setTaskFactory((target, coro, name, context) -> {
                                made.add(name);
                                return new BuiltinTask<>(coro, target, name, context);
                            });
                            loop.close();
                            Coroutine<Integer> refused = Coroutines.of(() -> 1);
                            illegalState(CLOSED, () -> loop.createTask(refused));
                            assertEquals(List.of(), made, "the task factory was asked for a task of a closed loop");
                            assertThrows(IllegalStateException.class, () -> refused.send(),
                                    "the refused coroutine was left open: it could still be started");
                            // A coroutine that will not close: its refusal travels with the error, not lost.
                            IllegalStateException stubborn = new IllegalStateException("will not close");
                            Coroutine<Integer> refusing = new Coroutine<>() {
                                @Override
                                public Step<Integer> send() {
                                    return new Step.Return<>(1);
                                }

                                @Override
                                public Step<Integer> throwInto(Throwable error) {
                                    return new Step.Return<>(1);
                                }

                                @Override
                                public void close() {
                                    throw stubborn;
                                }
                            };
                            IllegalStateException closedError = illegalState(CLOSED, () -> loop.createTask(refusing));
                            assertEquals(List.of(stubborn), List.of(closedError.getSuppressed()),
                                    "the coroutine's refusal to close is not attached to the error");
                        }),
                required("LC-13", "runInExecutor on a closed loop fails with \"Event loop is closed\"",
                        "BaseEventLoop.run_in_executor",
                        "that runInExecutor calls checkClosed",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.close();
                            illegalState(CLOSED, () -> loop.runInExecutor(null, () -> 1));
                        }),
                required("LC-14", "isRunning() and getRunningLoop() see the loop only while it runs",
                        "events.get_running_loop",
                        "that the running loop is set when runForever starts and cleared when it returns, also "
                                + "on failure",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertThrows(IllegalStateException.class, EventLoops::getRunningLoop);
                            AtomicReference<EventLoop> seen = new AtomicReference<>();
                            boolean[] running = new boolean[1];
                            loop.callSoon(() -> {
                                seen.set(EventLoops.getRunningLoop());
                                running[0] = loop.isRunning();
                            });
                            runOnce(loop);
                            assertSame(loop, seen.get());
                            assertTrue(running[0]);
                            assertFalse(loop.isRunning());
                            assertTrue(EventLoops.findRunningLoop().isEmpty());
                        }),
                required("LC-15", "runUntilComplete returns the future's result and leaves the loop stopped",
                        "BaseEventLoop.run_until_complete",
                        "that runUntilComplete stops the loop through a done callback and returns the result",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            loop.callLater(Duration.ofMillis(2), () -> future.setResult("done"));
                            assertEquals("done", loop.runUntilComplete(future));
                            assertFalse(loop.isRunning());
                        }),
                required("LC-16", "runUntilComplete fails with \"Event loop stopped before Future completed.\""
                        + " when stopped early", "BaseEventLoop.run_until_complete",
                        "the message \"Event loop stopped before Future completed.\" when stop() ends the run early",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> never = loop.createFuture();
                            loop.callSoon(loop::stop);
                            illegalState("Event loop stopped before Future completed.",
                                    () -> loop.runUntilComplete(never));
                        }),
                required("LC-17", "runUntilComplete rejects a future of another loop",
                        "BaseEventLoop.run_until_complete: 'The future belongs to a different loop'",
                        "that runUntilComplete compares future.getLoop() with this loop",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> foreign = tck.newLoop().createFuture();
                            assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(foreign));
                        }),
                required("LC-18", "runUntilComplete(coroutine) runs it as a task and returns its result",
                        "BaseEventLoop.run_until_complete(ensure_future(coro))",
                        "that runUntilComplete(coroutine) wraps the coroutine with createTask",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertEquals(42, loop.runUntilComplete(Coroutines.of(() -> 42)));
                        }),
                required("LC-19", "a loop runs again after runUntilComplete returned",
                        "BaseEventLoop.run_until_complete",
                        "that runForever resets its stopping flag and running state when it returns",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertEquals(1, loop.runUntilComplete(Coroutines.of(() -> 1)));
                            assertEquals(2, loop.runUntilComplete(Coroutines.of(() -> 2)));
                        }),
                required("LC-20", "the stop callback of runUntilComplete is removed: a later run is not cut short",
                        "BaseEventLoop.run_until_complete: future.remove_done_callback(_run_until_complete_cb)",
                        "that runUntilComplete removes its stop callback from the future when it returns",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> never = loop.createFuture();
                            loop.callSoon(loop::stop);
                            assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
                            never.setResult("late");
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(() -> loop.callSoon(() -> loop.callSoon(() -> {
                                ran.add("third iteration");
                                loop.stop();
                            })));
                            loop.runForever();
                            assertEquals(List.of("third iteration"), ran);
                        }),

                required("LC-21", "runUntilComplete of a future already cancelled throws CancelledException; of one"
                        + " already failed, its exception", "BaseEventLoop.run_until_complete: return future.result()",
                        "that runUntilComplete ends with future.result(), which rethrows, also for a future that was"
                                + " done before the call",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> cancelled = loop.createFuture();
                            cancelled.cancel("gone");
                            assertEquals("gone", assertThrows(CancelledException.class,
                                    () -> loop.runUntilComplete(cancelled)).getMessage());
                            Future<String> failed = loop.createFuture();
                            IllegalStateException boom = new IllegalStateException("boom");
                            failed.setException(boom);
                            assertSame(boom, assertThrows(IllegalStateException.class,
                                    () -> loop.runUntilComplete(failed)));
                        }),
                required("LC-22", "runUntilComplete(coroutine) on a running loop fails before making a task",
                        "BaseEventLoop.run_until_complete: _check_running() before ensure_future",
                        "that runUntilComplete checks closed and running before createTask, and before it looks at a"
                                + " future",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            AtomicReference<Throwable> failure = new AtomicReference<>();
                            loop.callSoon(() -> failure.set(thrownBy(() -> loop.runUntilComplete(Coroutines.of(() -> {
                                ran.add("body");
                                return null;
                            })))));
                            runOnce(loop);
                            runOnce(loop);
                            assertEquals("This event loop is already running", failure.get().getMessage());
                            assertEquals(List.of(), ran, "the refused coroutine ran anyway as a task");
                            Future<String> foreign = tck.newLoop().createFuture();
                            loop.callSoon(() -> failure.set(thrownBy(() -> loop.runUntilComplete(foreign))));
                            runOnce(loop);
                            assertEquals("This event loop is already running", failure.get().getMessage(),
                                    "runUntilComplete(future) checks the running loop before the future");
                        }),
                required("LC-23", "on a closed loop runUntilComplete fails with \"Event loop is closed\" before"
                        + " any other check", "BaseEventLoop.run_until_complete: _check_closed() first",
                        "that runUntilComplete calls checkClosed before checking the future's loop",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            Future<String> foreign = tck.newLoop().createFuture();
                            loop.close();
                            illegalState("Event loop is closed", () -> loop.runUntilComplete(foreign));
                            EventLoop running = tck.loop();
                            AtomicReference<Throwable> inside = new AtomicReference<>();
                            running.callSoon(() -> inside.set(thrownBy(() -> loop.runUntilComplete(Coroutines.of(
                                    () -> 1)))));
                            runOnce(running);
                            assertEquals("Event loop is closed", inside.get().getMessage(),
                                    "runUntilComplete(coroutine) of a closed loop, called inside another running loop");
                        }),

                required("LC-24", "close() lets go of the callbacks and timers still scheduled",
                        "BaseEventLoop.close: self._ready.clear(); self._scheduled.clear()",
                        "that close() clears the ready queue, the thread-safe queue and the timers",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            List<WeakReference<Runnable>> scheduled = new ArrayList<>();
                            List<String> never = new ArrayList<>();
                            for (int i = 0; i < 10; i++) {
                                int n = i;
                                Runnable soon = () -> never.add("soon " + n);
                                Runnable later = () -> never.add("later " + n);
                                Runnable submitted = () -> never.add("submitted " + n);
                                loop.callSoon(soon);
                                loop.callLater(Duration.ofHours(1), later);
                                loop.callSoonThreadsafe(submitted);
                                scheduled.add(new WeakReference<>(soon));
                                scheduled.add(new WeakReference<>(later));
                                scheduled.add(new WeakReference<>(submitted));
                            }
                            loop.close();
                            tck.waitUntilCollected("the callbacks of the closed loop", scheduled);
                            assertEquals(List.of(), never);
                        }),
                required("LC-25", "a loop runs on a virtual thread as on a platform thread, and leaves no running"
                        + " loop behind on it", "BaseEventLoop.run_forever: events._set_running_loop(None) in"
                        + " finally",
                        "that runForever works when its caller is a virtual thread, and clears the running loop of"
                                + " that thread when it returns",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicReference<Object> outcome = new AtomicReference<>();
                            Thread runner = Thread.ofVirtual().name("loopkit-tck-virtual-runner").start(() -> {
                                int first = loop.runUntilComplete(Coroutines.of(() -> 1));
                                boolean leftBehind = EventLoops.findRunningLoop().isPresent();
                                int second = loop.runUntilComplete(Coroutines.of(() -> 2));
                                outcome.set(List.of(first, leftBehind, second));
                            });
                            tck.waitFor("the loop run by a virtual thread to return", () -> !runner.isAlive());
                            assertEquals(List.of(1, false, 2), outcome.get(),
                                    "[first result, a running loop left behind, second result]");
                        }),
                required("LC-26", "interrupting the thread that runs the loop stops the loop, and the interrupt"
                        + " stays set for that thread", "Java's Thread.interrupt, where asyncio's run_forever ends"
                        + " on KeyboardInterrupt",
                        "that the back end's wait returns on an interrupt, that runForever stops after that"
                                + " iteration, and that nothing on the way clears the interrupt status",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicBoolean started = new AtomicBoolean();
                            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
                            loop.callSoon(() -> started.set(true));
                            Thread runner = Thread.ofPlatform().name("loopkit-tck-interrupted-runner").start(() -> {
                                loop.runForever();
                                stillInterrupted.set(Thread.currentThread().isInterrupted());
                            });
                            tck.waitFor("the loop to start running", started::get);
                            runner.interrupt();
                            tck.waitFor("runForever to return after its thread was interrupted",
                                    () -> !runner.isAlive());
                            assertEquals(Boolean.TRUE, stillInterrupted.get(), "the interrupt status after runForever");
                        }),
                required("LC-27", "toString() shows whether the loop is running, closed and in debug mode",
                        "BaseEventLoop.__repr__: '<%s running=%s closed=%s debug=%s>'",
                        "that toString() reports the loop's state as asyncio's repr does: running=, closed= and"
                                + " debug= with true or false",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            assertState(loop.toString(), "running=false", "closed=false", "debug=false");
                            String[] inside = new String[1];
                            loop.setDebug(true);
                            loop.callSoon(() -> inside[0] = loop.toString());
                            runOnce(loop);
                            assertState(inside[0], "running=true", "closed=false", "debug=true");
                            loop.close();
                            assertState(loop.toString(), "running=false", "closed=true", "debug=true");
                        }),
                required("LC-28", "close() lets go of the tasks still pending: each is reported (\"Task was destroyed"
                        + " but it is pending!\", with the task), its coroutine is closed (a suspended one runs its"
                        + " finally blocks, one that never started never runs) and it leaves allTasks",
                        "Task.__del__: 'Task was destroyed but it is pending!' and the coroutine closed (asyncio does"
                                + " it when the task is collected: a parked coroutine thread never is)",
                        "that close() goes through the loop's pending tasks (Tasks.allTasks), reports each to the"
                                + " exception handler, closes its coroutine and unregisters it",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            List<String> ran = new ArrayList<>();
                            Future<Void> never = loop.createFuture();
                            Task<Void> suspended = loop.createTask(Coroutines.of(() -> {
                                try {
                                    return Async.await(never);
                                } finally {
                                    ran.add("finally");
                                }
                            }));
                            runOnce(loop);
                            Task<Void> unstarted = loop.createTask(Coroutines.of(() -> {
                                ran.add("the unstarted task's body");
                                return null;
                            }));
                            loop.close();
                            assertEquals(List.of("finally"), ran, "what the pending tasks' coroutines ran at close()");
                            assertEquals(Set.of(suspended, unstarted), reported.stream()
                                    .filter(c -> c.message().equals("Task was destroyed but it is pending!"))
                                    .map(ExceptionContext::task).collect(Collectors.toSet()),
                                    () -> "the tasks reported destroyed, in " + reported);
                            assertEquals(Set.of(), Tasks.allTasks(loop), "the tasks left after close()");
                        }));
    }

    private static void assertState(String text, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), () -> "toString() \"" + text + "\" does not say " + part);
        }
    }
}
