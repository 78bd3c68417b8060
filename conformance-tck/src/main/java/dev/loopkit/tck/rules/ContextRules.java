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
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.loopkit.api.Async;
import dev.loopkit.api.Context;
import dev.loopkit.api.ContextVar;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * CX: contexts as asyncio's {@code contextvars} give them to tasks and callbacks: a task runs
 * every step in a copy of its creator's context, a callback in a copy of the context current when
 * it was scheduled (a future's done callback when it was added), and a context given explicitly
 * is used as it is.
 */
@API(status = INTERNAL, since = "0.1")
public final class ContextRules implements RuleGroup {

    @Override
    public String prefix() {
        return "CX";
    }

    @Override
    public String title() {
        return "Contexts";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("CX-01", "a task runs every step in a copy of its creator's context: it sees what was"
                        + " set before createTask, not what is set after, and what it sets stays its own",
                        "Task.__init__: self._context = contextvars.copy_context(); __step runs in it",
                        "that createTask copies the current context and runs each step, after an await too,"
                                + " in that copy",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ContextVar<String> variable = new ContextVar<>("cx01");
                            Context creator = new Context();
                            Task<String> child = creator.run(() -> {
                                variable.set("before");
                                Task<String> task = loop.createTask(Coroutines.of(() -> {
                                    String first = variable.get("unset");
                                    variable.set("child");
                                    Future<Void> tick = loop.createFuture();
                                    loop.callSoon(() -> tick.setResult(null));
                                    Async.await(tick);
                                    return first + ", then " + variable.get("unset");
                                }));
                                variable.set("after");
                                return task;
                            });
                            assertEquals("before, then child", loop.runUntilComplete(child),
                                    "what the task saw at its first step, and at its second");
                            assertEquals("after", creator.get(variable, "unset"),
                                    "the creator's value once the task had set its own");
                        }),
                required("CX-02", "a callback runs in a copy of the context current when it was scheduled"
                        + " (callSoon, callLater, callAt, callSoonThreadsafe)",
                        "call_soon/call_later/call_at/call_soon_threadsafe: context = copy_context()",
                        "that each scheduling call captures a copy of the caller's context and runs the"
                                + " callback in it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ContextVar<String> variable = new ContextVar<>("cx02");
                            List<String> seen = new ArrayList<>();
                            Context scheduler = new Context();
                            scheduler.run(() -> {
                                variable.set("scheduled");
                                loop.callSoon(() -> {
                                    seen.add("callSoon: " + variable.get("unset"));
                                    variable.set("changed by a callback");
                                });
                                // Due an hour ago: the rule is about contexts, not about the clock.
                                loop.callLater(Duration.ofHours(-1), () -> seen.add("callLater: "
                                        + variable.get("unset")));
                                loop.callAt(loop.time() - Duration.ofHours(1).toNanos(), () -> seen.add("callAt: "
                                        + variable.get("unset")));
                                variable.set("set after scheduling");
                            });
                            Thread other = Thread.ofPlatform().unstarted(() -> new Context().run(() -> {
                                variable.set("another thread's");
                                loop.callSoonThreadsafe(() -> seen.add("callSoonThreadsafe: "
                                        + variable.get("unset")));
                            }));
                            other.start();
                            tck.waitFor("the other thread to schedule its callback", () -> !other.isAlive());
                            new Context().run(() -> loop.callSoon(() -> seen.add("elsewhere: "
                                    + variable.get("unset"))));
                            tck.waitFor("the five callbacks", () -> {
                                runOnce(loop);
                                return seen.size() >= 5;
                            });
                            assertEquals(List.of("callSoon: scheduled", "callLater: scheduled", "callAt: scheduled",
                                    "callSoonThreadsafe: another thread's", "elsewhere: unset"), seen.stream()
                                    .sorted((a, b) -> Integer.compare(order(a), order(b))).toList());
                            assertEquals("set after scheduling", scheduler.get(variable, "unset"),
                                    "the scheduler's value once a callback had set its own");
                        }),
                required("CX-03", "a context given explicitly is used as it is, not copied: what the task or"
                        + " callback sets is in it afterwards", "create_task(context=), call_soon(context=)",
                        "that createTask(coroutine, name, context) and callSoon(callback, context) run in the"
                                + " very context given",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ContextVar<String> variable = new ContextVar<>("cx03");
                            Context forTask = new Context();
                            Task<Void> task = loop.createTask(Coroutines.of(() -> {
                                variable.set("set by the task");
                                return null;
                            }), null, forTask);
                            assertSame(forTask, task.getContext());
                            loop.runUntilComplete(task);
                            assertEquals("set by the task", forTask.get(variable, "unset"));
                            Context forCallback = new Context();
                            loop.callSoon(() -> variable.set("set by the callback"), forCallback);
                            tck.waitFor("the callback to set the variable", () -> {
                                runOnce(loop);
                                return forCallback.contains(variable);
                            });
                            assertEquals("set by the callback", forCallback.get(variable, "unset"));
                        }),
                required("CX-04", "a future's done callback runs in a copy of the context current when it was"
                        + " added, not in the completer's", "Future.add_done_callback: context = copy_context()",
                        "that the loop's futures capture the context in addDoneCallback, not when they complete",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ContextVar<String> variable = new ContextVar<>("cx04");
                            Future<String> future = loop.createFuture();
                            List<String> seen = new ArrayList<>();
                            new Context().run(() -> {
                                variable.set("the adder's");
                                future.addDoneCallback(done -> seen.add(variable.get("unset")));
                            });
                            new Context().run(() -> {
                                variable.set("the completer's");
                                future.setResult("done");
                            });
                            tck.waitFor("the done callback", () -> {
                                runOnce(loop);
                                return !seen.isEmpty();
                            });
                            assertEquals(List.of("the adder's"), seen);
                        }));
    }

    /** The order CX-02 lists its callbacks in (the thread-safe one may come before or after the others). */
    private static int order(String seen) {
        List<String> prefixes = List.of("callSoon:", "callLater:", "callAt:", "callSoonThreadsafe:", "elsewhere:");
        for (int i = 0; i < prefixes.size(); i++) {
            if (seen.startsWith(prefixes.get(i))) {
                return i;
            }
        }
        return prefixes.size();
    }
}
