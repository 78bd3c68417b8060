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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.spi.TaskRegistry;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * RG: the task registry as the seed's "Task lifetime support" prescribes: a task is registered by
 * its constructor, visible in allTasks until done, entered before each step and left right after;
 * and eager tasks (asyncio 3.12), whose first step runs inside createTask as the current task.
 */
@API(status = INTERNAL, since = "0.1")
public final class RegistryRules implements RuleGroup {

    @Override
    public String prefix() {
        return "RG";
    }

    @Override
    public String title() {
        return "Task registry";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("RG-01", "a new task is in allTasks(loop) before its first step",
                        "_register_task from the task constructor",
                        "that the task calls TaskRegistry.registerTask in its constructor",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
                            assertEquals(Set.of(task), Tasks.allTasks(loop));
                            loop.runUntilComplete(task);
                        }),
                required("RG-02", "a task that finished leaves allTasks(loop)",
                        "_unregister_task when the task is about to finish",
                        "that the task calls TaskRegistry.unregisterTask when it finishes",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
                            loop.runUntilComplete(task);
                            runOnce(loop);
                            assertEquals(Set.of(), Tasks.allTasks(loop));
                        }),
                required("RG-03", "a task that failed or was cancelled leaves allTasks(loop)",
                        "_unregister_task",
                        "that unregisterTask is called on failure and cancellation too",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Object> failing = loop.createTask(Coroutines.of(() -> {
                                throw new IllegalStateException("fails");
                            }));
                            Task<Object> cancelled = loop.createTask(Coroutines.of(() -> 1));
                            cancelled.cancel();
                            runOnce(loop);
                            runOnce(loop);
                            assertTrue(failing.done() && cancelled.done());
                            failing.exception();
                            assertEquals(Set.of(), Tasks.allTasks(loop));
                        }),
                required("RG-04", "a task waiting on a future stays in allTasks(loop)", "all_tasks",
                        "that a task stays registered while it waits",
                        tck -> {
                    EventLoop loop = tck.loop();
                    Future<Void> gate = loop.createFuture();
                    Task<Void> waiting = loop.createTask(Coroutines.of(() -> Async.await(gate)));
                    runOnce(loop);
                    runOnce(loop);
                    assertEquals(Set.of(waiting), Tasks.allTasks(loop));
                    gate.setResult(null);
                    loop.runUntilComplete(waiting);
                }),
                required("RG-05", "allTasks(loop) holds only that loop's tasks", "all_tasks(loop)",
                        "that registerTask records the task under its own loop",
                        tck -> {
                    EventLoop loop = tck.loop();
                    EventLoop other = tck.newLoop();
                    Task<Integer> here = loop.createTask(Coroutines.of(() -> 1));
                    Task<Integer> there = other.createTask(Coroutines.of(() -> 2));
                    assertEquals(Set.of(here), Tasks.allTasks(loop));
                    assertEquals(Set.of(there), Tasks.allTasks(other));
                    loop.runUntilComplete(here);
                    other.runUntilComplete(there);
                }),
                required("RG-06", "currentTask(loop) is the task during each of its steps",
                        "_enter_task before coro.send()/throw()",
                        "that each step is wrapped in TaskRegistry.enterTask ... leaveTask",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Optional<Task<?>>> seen = new ArrayList<>();
                            Task<Void> task = loop.createTask(Coroutines.of(() -> {
                                seen.add(Tasks.currentTask());
                                Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                                seen.add(Tasks.currentTask(loop));
                                return null;
                            }));
                            loop.runUntilComplete(task);
                            assertEquals(List.of(Optional.of(task), Optional.of(task)), seen);
                        }),
                required("RG-07", "currentTask(loop) is empty in plain callbacks and between steps",
                        "_leave_task after coro.send()/throw()",
                        "that leaveTask runs after each step, also when the step throws",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Optional<Task<?>>> seen = new ArrayList<>();
                            Future<Void> gate = loop.createFuture();
                            Task<Void> task = loop.createTask(Coroutines.of(() -> Async.await(gate)));
                            runOnce(loop);
                            loop.callSoon(() -> seen.add(Tasks.currentTask()));
                            runOnce(loop);
                            assertEquals(List.of(Optional.empty()), seen);
                            gate.setResult(null);
                            loop.runUntilComplete(task);
                            assertEquals(Optional.empty(), Tasks.currentTask(loop));
                        }),
                required("RG-08", "enterTask while another task is current fails with asyncio's message",
                        "_enter_task: 'Cannot enter into task ... while another task ... is being executed.'",
                        "that enterTask refuses a second task with asyncio's message",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> first = loop.createTask(Coroutines.of(() -> 1));
                            Task<Integer> second = loop.createTask(Coroutines.of(() -> 2));
                            TaskRegistry.enterTask(loop, first);
                            try {
                                IllegalStateException e = assertThrows(IllegalStateException.class,
                                        () -> TaskRegistry.enterTask(loop, second));
                                assertEquals("Cannot enter into task " + second + " while another task " + first
                                        + " is being executed.", e.getMessage());
                            } finally {
                                TaskRegistry.leaveTask(loop, first);
                            }
                            loop.runUntilComplete(second);
                        }),
                required("RG-09", "leaveTask of a task that is not current fails with asyncio's message",
                        "_leave_task: 'Leaving task ... does not match the current task ....'",
                        "that leaveTask checks the current task with asyncio's message",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
                            IllegalStateException e = assertThrows(IllegalStateException.class,
                                    () -> TaskRegistry.leaveTask(loop, task));
                            assertEquals("Leaving task " + task + " does not match the current task null.",
                                    e.getMessage());
                            loop.runUntilComplete(task);
                        }),
                required("RG-10", "no task is current once the loop has stopped", "_leave_task",
                        "that leaveTask is called even when the loop stops in the middle of a step",
                        tck -> {
                    EventLoop loop = tck.loop();
                    loop.runUntilComplete(Coroutines.of(() -> {
                        Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                        return null;
                    }));
                    assertEquals(Optional.empty(), Tasks.currentTask(loop));
                    assertEquals(Set.of(), Tasks.allTasks(loop));
                }),

                required("RG-11", "a task that finished is unregistered, not only hidden as done",
                        "_unregister_task when the task is about to finish",
                        "that the task calls TaskRegistry.unregisterTask when it finishes: allTasks() hides done"
                                + " tasks, TaskRegistry.isRegistered does not",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Task<String> ok = loop.createTask(Coroutines.of(() -> "ok"));
                            Task<String> failed = loop.createTask(Coroutines.of(() -> {
                                throw new IllegalStateException("failed");
                            }));
                            assertTrue(TaskRegistry.isRegistered(ok), "a new task is registered");
                            loop.runUntilComplete(ok);
                            tck.waitFor("the failing task to finish", () -> {
                                runOnce(loop);
                                return failed.done();
                            });
                            failed.exception();
                            assertFalse(TaskRegistry.isRegistered(ok), "a finished task is still registered");
                            assertFalse(TaskRegistry.isRegistered(failed), "a failed task is still registered");
                        }),
                required("RG-12", "with the eager task factory, a task that finishes without suspending is done"
                        + " when createTask returns: it ran as the current task, listed in allTasks, ahead of the"
                        + " callbacks already queued, and its creator is current again after",
                        "eager_task_factory; Task.__eager_start: _swap_current_task, _register_eager_task",
                        "that the loop honours Tasks.eagerTaskFactory() by running the first step inside createTask,"
                                + " with the task swapped in as the current one (TaskRegistry.swapCurrentTask)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setTaskFactory(Tasks.eagerTaskFactory());
                            String report = loop.runUntilComplete(Coroutines.of(() -> {
                                Task<?> creator = Tasks.currentTask(loop).orElseThrow();
                                List<String> order = new ArrayList<>();
                                loop.callSoon(() -> order.add("callback queued before"));
                                Task<String> eager = loop.createTask(Coroutines.of(() -> {
                                    Task<?> current = Tasks.currentTask(loop).orElse(null);
                                    order.add("eager step");
                                    return current == creator ? "ran as its creator"
                                            : Tasks.allTasks(loop).contains(current) ? "ran as itself, listed"
                                            : "ran as " + current + ", not listed";
                                }));
                                Task<?> after = Tasks.currentTask(loop).orElse(null);
                                return (eager.done() ? eager.result() : "not done when createTask returned")
                                        + "; " + order + "; creator current after: " + (after == creator);
                            }));
                            assertEquals("ran as itself, listed; [eager step]; creator current after: true", report);
                        }),
                required("RG-13", "with the eager task factory, a task that suspends goes on as any task, and a"
                        + " task created while the loop is not running starts on the next iteration",
                        "Task.__init__: eager only if loop.is_running(); __eager_start registers what is not done",
                        "that an eager task that awaits stays registered and is woken as usual, and that eagerness"
                                + " waits for a running loop",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setTaskFactory(Tasks.eagerTaskFactory());
                            Future<String> gate = loop.createFuture();
                            Task<String> early = loop.createTask(Coroutines.of(() -> "early"));
                            assertFalse(early.done(), "a task created before the loop runs was done at once");
                            String outcome = loop.runUntilComplete(Coroutines.of(() -> {
                                Task<String> waiting = loop.createTask(Coroutines.of(() -> Async.await(gate) + "!"));
                                String state = waiting.done() ? "done" : Tasks.allTasks(loop).contains(waiting)
                                        ? "pending, listed" : "pending, not listed";
                                loop.callSoon(() -> gate.setResult("woken"));
                                return state + "; " + Async.await(waiting) + "; " + Async.await(early);
                            }));
                            assertEquals("pending, listed; woken!; early", outcome);
                        }));
    }
}
