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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.spi.BuiltinTask;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apiguardian.api.API;

/** TK: tasks and coroutines (asyncio's tasks.py, Task.__step, cancel, uncancel). */
@API(status = INTERNAL, since = "0.1")
public final class TaskRules implements RuleGroup {

    @Override
    public String prefix() {
        return "TK";
    }

    @Override
    public String title() {
        return "Tasks and coroutines";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("TK-01", "a task starts on the next iteration, not inside createTask",
                        "Task.__init__ schedules __step with call_soon",
                        "that createTask schedules the first step with callSoon instead of running it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            Task<Void> task = loop.createTask(Coroutines.of(() -> {
                                ran.add("body");
                                return null;
                            }));
                            assertEquals(List.of(), ran);
                            assertFalse(task.done());
                            loop.runUntilComplete(task);
                            assertEquals(List.of("body"), ran);
                        }),
                required("TK-02", "a task's result is its coroutine's return value", "Task.__step StopIteration",
                        "that the coroutine's return value becomes the task's result",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<String> task = loop.createTask(Coroutines.of(() -> {
                                Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                                return "value";
                            }));
                            assertEquals("value", loop.runUntilComplete(task));
                            assertEquals("value", task.result());
                        }),
                required("TK-03", "an exception of the coroutine becomes the task's exception",
                        "Task.__step: super().set_exception(exc)",
                        "that an exception from the coroutine is set as the task's exception",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Object> task = loop.createTask(Coroutines.of(() -> {
                                throw new IOException("read failed");
                            }));
                            assertThrows(Exception.class, () -> loop.runUntilComplete(task));
                            assertInstanceOf(IOException.class, task.exception());
                        }),
                required("TK-04", "cancel() cancels the future the coroutine awaits",
                        "Task.cancel: self._fut_waiter.cancel(msg)",
                        "that Task.cancel cancels the future the task waits on",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> awaited = loop.createFuture();
                            Task<String> task = loop.createTask(Coroutines.of(() -> Async.await(awaited)));
                            runOnce(loop);
                            assertTrue(task.cancel("stop"));
                            assertTrue(awaited.cancelled(), "the awaited future was not cancelled");
                            assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
                        }),
                required("TK-05", "the cancelled coroutine gets CancelledException with the message; the task"
                        + " ends cancelled", "Task.__step: CancelledError",
                        "that the CancelledException thrown into the coroutine carries the cancel message, and "
                                + "an uncaught one cancels the task",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicReference<String> inside = new AtomicReference<>();
                            Task<String> task = loop.createTask(Coroutines.of(() -> {
                                try {
                                    return Async.await(loop.<String>createFuture());
                                } catch (CancelledException e) {
                                    inside.set(e.getMessage());
                                    throw e;
                                }
                            }));
                            runOnce(loop);
                            task.cancel("shutting down");
                            CancelledException outside =
                                    assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
                            assertEquals("shutting down", outside.getMessage());
                            assertEquals("shutting down", inside.get());
                            assertTrue(task.cancelled());
                        }),
                required("TK-06", "a coroutine may catch CancelledException and finish normally",
                        "test_tasks.test_cancel_yield / uncancel",
                        "that a coroutine that catches CancelledException and returns finishes the task normally",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<String> task = loop.createTask(Coroutines.of(() -> {
                                try {
                                    return Async.await(loop.<String>createFuture());
                                } catch (CancelledException e) {
                                    Tasks.currentTask().orElseThrow().uncancel();
                                    return "recovered";
                                }
                            }));
                            runOnce(loop);
                            task.cancel();
                            assertEquals("recovered", loop.runUntilComplete(task));
                            assertFalse(task.cancelled());
                        }),
                required("TK-07", "a task cancelled before it starts never runs its body",
                        "Task.__step: _must_cancel",
                        "that a task cancelled before its first step never runs its coroutine",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            Task<Void> task = loop.createTask(Coroutines.of(() -> {
                                ran.add("body");
                                return null;
                            }));
                            task.cancel("too early");
                            assertEquals("too early",
                                    assertThrows(CancelledException.class, () -> loop.runUntilComplete(task))
                                            .getMessage());
                            assertEquals(List.of(), ran);
                        }),
                required("TK-08", "cancelling() counts requests; uncancel() withdraws one, and at zero the"
                        + " pending cancellation", "Task.cancelling / Task.uncancel (3.11)",
                        "the cancel-request counter: cancelling() counts, uncancel() decrements, at zero "
                                + "nothing is pending",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<String> task = loop.createTask(Coroutines.of(() -> "ran"));
                            task.cancel();
                            task.cancel();
                            assertEquals(2, task.cancelling());
                            assertEquals(1, task.uncancel());
                            assertEquals(0, task.uncancel());
                            assertEquals(0, task.uncancel());
                            assertEquals("ran", loop.runUntilComplete(task));
                        }),
                required("TK-09", "task names default to Task-N, increasing; a given name is kept; setName renames",
                        "Task.get_name / set_name",
                        "the Task-N counter and that given names are kept; setName renames",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> first = loop.createTask(Coroutines.of(() -> 1));
                            Task<Integer> second = loop.createTask(Coroutines.of(() -> 2));
                            assertTrue(first.getName().matches("Task-\\d+"), first.getName());
                            assertTrue(second.getName().matches("Task-\\d+"), second.getName());
                            assertTrue(Long.parseLong(second.getName().substring(5))
                                    > Long.parseLong(first.getName().substring(5)));
                            second.setName("renamed");
                            assertEquals("renamed", second.getName());
                            assertEquals("given", loop.createTask(Coroutines.of(() -> 3), "given", null).getName());
                            runOnce(loop);
                        }),
                required("TK-10", "a coroutine that awaits its own task fails with \"Task cannot await on itself\"",
                        "Task.__step",
                        "the check for a task awaiting itself (\"Task cannot await on itself\")",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicReference<Task<?>> self = new AtomicReference<>();
                            Task<Object> task = loop.createTask(Coroutines.of(() -> Async.await(self.get())));
                            self.set(task);
                            IllegalStateException e =
                                    assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task));
                            assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
                        }),
                required("TK-11", "awaiting a future of another loop fails clearly",
                        "Task.__step: 'attached to a different loop'",
                        "the check that an awaited future belongs to the task's loop",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> foreign = tck.newLoop().createFuture();
                            Task<String> task = loop.createTask(Coroutines.of(() -> Async.await(foreign)));
                            IllegalStateException e =
                                    assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task));
                            assertTrue(e.getMessage().contains("different loop"), e.getMessage());
                        }),
                required("TK-12", "setResult and setException of a task throw UnsupportedOperationException",
                        "Task.set_result: 'Task does not support set_result operation'",
                        "that a task overrides setResult and setException to throw UnsupportedOperationException",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
                            assertThrows(UnsupportedOperationException.class, () -> task.setResult(2));
                            assertThrows(UnsupportedOperationException.class,
                                    () -> task.setException(new RuntimeException()));
                            assertEquals(1, loop.runUntilComplete(task));
                        }),
                required("TK-13", "createTask goes through the task factory; null restores the built-in task",
                        "BaseEventLoop.set_task_factory",
                        "that createTask calls the task factory when one is set and setTaskFactory(null) "
                                + "restores the default",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicInteger made = new AtomicInteger();
                            loop.setTaskFactory((l, coro, name, context) -> {
                                made.incrementAndGet();
                                return new BuiltinTask<>(coro, l, "made-" + name, context);
                            });
                            assertEquals("made-x", loop.createTask(Coroutines.of(() -> 1), "x", null).getName());
                            assertEquals(1, made.get());
                            assertTrue(loop.getTaskFactory() != null);
                            loop.setTaskFactory(null);
                            assertEquals("y", loop.createTask(Coroutines.of(() -> 1), "y", null).getName());
                            assertEquals(1, made.get());
                            runOnce(loop);
                        }),
                required("TK-14", "Async.await outside a coroutine throws IllegalStateException",
                        "'await' outside async function",
                        "that Async.await outside a coroutine throws IllegalStateException",
                        tck -> {
                            Future<String> future = tck.loop().createFuture();
                            assertThrows(IllegalStateException.class, () -> Async.await(future));
                        }),
                required("TK-15", "exactly one of the loop and its coroutines runs at any moment",
                        "single-threaded event loop",
                        "that a coroutine and the loop thread never run at the same time (the hand-off between them)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            AtomicInteger active = new AtomicInteger();
                            AtomicInteger maxActive = new AtomicInteger();
                            List<Task<Integer>> tasks = new ArrayList<>();
                            for (int t = 0; t < 10; t++) {
                                tasks.add(loop.createTask(Coroutines.of(() -> {
                                    int sum = 0;
                                    for (int i = 0; i < 30; i++) {
                                        maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                                        Future<Integer> next = loop.createFuture();
                                        loop.callSoon(() -> {
                                            maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
                                            next.setResult(1);
                                            active.decrementAndGet();
                                        });
                                        Thread.onSpinWait();
                                        active.decrementAndGet();
                                        sum += Async.await(next);
                                    }
                                    return sum;
                                })));
                            }
                            for (Task<Integer> task : tasks) {
                                assertEquals(30, loop.runUntilComplete(task));
                            }
                            assertEquals(1, maxActive.get());
                        }),
                required("TK-16", "inside a coroutine getRunningLoop() is the task's loop",
                        "events.get_running_loop in a coroutine",
                        "that the running loop is visible from the coroutine's thread",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertSame(loop, loop.runUntilComplete(Coroutines.of(EventLoops::getRunningLoop)));
                        }),
                required("TK-17", "tasks await each other's results", "await task",
                        "that a task can await another task and get its result",
                        tck -> {
                    EventLoop loop = tck.loop();
                    Task<Integer> inner = loop.createTask(Coroutines.of(() -> {
                        Async.await(TckContext.sleep(loop, Duration.ofMillis(2)));
                        return 20;
                    }));
                    Task<Integer> outer = loop.createTask(Coroutines.of(() -> Async.await(inner) + 22));
                    assertEquals(42, loop.runUntilComplete(outer));
                }),
                required("TK-18", "cancel() of a done task returns false", "Task.cancel",
                        "that cancel() on a done task returns false",
                        tck -> {
                    EventLoop loop = tck.loop();
                    Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
                    loop.runUntilComplete(task);
                    assertFalse(task.cancel());
                    assertEquals(0, task.cancelling());
                }),
                required("TK-19", "a task keeps its coroutine and the context it was created with",
                        "Task.get_coro / get_context",
                        "that getCoro() and getContext() return what the task was created with",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Context context = new Context();
                            var coro = Coroutines.of(() -> 1);
                            Task<Integer> task = loop.createTask(coro, null, context);
                            assertSame(coro, task.getCoro());
                            assertSame(context, task.getContext());
                            loop.runUntilComplete(task);
                        }),
                required("TK-20", "an awaited failure is raised inside the coroutine, which may catch it",
                        "Task.__wakeup: future.result() raises into the coroutine",
                        "that an awaited future's exception is thrown into the coroutine at the await",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> failing = loop.createFuture();
                            loop.callSoon(() -> failing.setException(new IllegalArgumentException("bad")));
                            assertEquals("caught bad", loop.runUntilComplete(Coroutines.of(() -> {
                                try {
                                    return Async.await(failing);
                                } catch (IllegalArgumentException e) {
                                    return "caught " + e.getMessage();
                                }
                            })));
                        }),

                required("TK-21", "cancel() of a pending task returns true for every request, and cancelling()"
                        + " counts them while it awaits", "Task.cancel returns True unless done (3.11)",
                        "that cancel() returns true whenever the task is not done, even when a cancellation is"
                                + " already pending",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> never = loop.createFuture();
                            Task<String> task = loop.createTask(Coroutines.of(() -> Async.await(never)));
                            runOnce(loop);
                            assertTrue(task.cancel("first"), "the first cancel() of an awaiting task");
                            assertTrue(task.cancel("second"), "a second cancel() of a task not yet done");
                            assertEquals(2, task.cancelling());
                            assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
                            assertFalse(task.cancel("late"), "cancel() of a cancelled task");
                        }),
                required("TK-22", "a cancel() after the awaited future completed but before the task's next step"
                        + " still cancels the task", "Task.cancel: _must_cancel when _fut_waiter is done",
                        "that cancel() remembers the request when the awaited future can no longer be cancelled,"
                                + " and the next step throws CancelledException into the coroutine",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> awaited = loop.createFuture();
                            Task<String> task = loop.createTask(Coroutines.of(() -> {
                                try {
                                    return "resumed with " + Async.await(awaited);
                                } catch (CancelledException e) {
                                    return "cancelled: " + e.getMessage();
                                }
                            }));
                            runOnce(loop);
                            awaited.setResult("value");
                            assertTrue(task.cancel("between"));
                            assertEquals("cancelled: between", loop.runUntilComplete(task));
                        }),
                required("TK-23", "a task that cancels itself gets CancelledException at its next await",
                        "Task.__step: _must_cancel cancels the new _fut_waiter at once",
                        "that a cancellation requested during a step cancels the future the coroutine awaits next,"
                                + " without waiting for that future, and is then spent",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> never = loop.createFuture();
                            Task<String> task = loop.createTask(Coroutines.of(() -> {
                                Task<?> self = Tasks.currentTask(loop).orElseThrow();
                                self.cancel("by myself");
                                String caught;
                                try {
                                    caught = Async.await(never);
                                } catch (CancelledException e) {
                                    caught = "cancelled: " + e.getMessage();
                                    self.uncancel();
                                }
                                // Caught and withdrawn: the cancellation is spent, the next await completes.
                                Async.await(TckContext.sleep(loop, Duration.ZERO));
                                return caught;
                            }));
                            tck.waitFor("the self-cancelled task to finish", () -> {
                                runOnce(loop);
                                return task.done();
                            });
                            assertFalse(task.cancelled(), "one cancel() cancelled the task twice");
                            assertEquals("cancelled: by myself", task.result());
                            assertTrue(never.cancelled(), "the awaited future was not cancelled");
                        }),
                required("TK-24", "uncancel() above zero keeps the remaining request pending; at zero it returns 0",
                        "Task.uncancel (3.11, 3.13)",
                        "that uncancel() withdraws one request only, and clears the pending cancellation only when"
                                + " the count reaches zero",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<String> fresh = loop.createTask(Coroutines.of(() -> "fresh"));
                            assertEquals(0, fresh.uncancel());
                            Task<String> task = loop.createTask(Coroutines.of(() -> "ran"));
                            task.cancel();
                            task.cancel();
                            assertEquals(1, task.uncancel());
                            assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
                            assertEquals("fresh", loop.runUntilComplete(fresh));
                        }),
                required("TK-25", "a new task's first step runs in callSoon order: after the callbacks queued"
                        + " before createTask, before those queued after", "Task.__init__: loop.call_soon(self.__step)",
                        "that the task schedules its first step with callSoon, not with a timer or at the front",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> order = new ArrayList<>();
                            loop.callSoon(() -> order.add("before"));
                            Task<Void> task = loop.createTask(Coroutines.of(() -> {
                                order.add("task");
                                return null;
                            }));
                            loop.callSoon(() -> order.add("after"));
                            loop.runUntilComplete(task);
                            tck.waitFor("the callbacks to run", () -> {
                                runOnce(loop);
                                return order.size() >= 3;
                            });
                            assertEquals(List.of("before", "task", "after"), order);
                        }),
                required("TK-26", "runUntilComplete(coroutine) makes its task through the task factory",
                        "BaseEventLoop.run_until_complete: ensure_future(coro) uses create_task",
                        "that runUntilComplete(coroutine) calls createTask (and so the factory), never a task"
                                + " constructor",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> made = new ArrayList<>();
                            loop.setTaskFactory((owner, coroutine, name, context) -> {
                                made.add("factory");
                                return new BuiltinTask<>(coroutine, owner, name, context);
                            });
                            assertEquals(3, loop.runUntilComplete(Coroutines.of(() -> 3)));
                            assertEquals(List.of("factory"), made);
                        }));
    }
}
