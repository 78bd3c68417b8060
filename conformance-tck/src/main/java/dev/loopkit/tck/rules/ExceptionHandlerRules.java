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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.ExceptionHandler;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.api.Task;
import dev.loopkit.tck.LoggedEvent;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;
import org.slf4j.event.Level;

/** EH: the exception handler and debug mode (asyncio's call_exception_handler, set_debug). */
@API(status = INTERNAL, since = "0.1")
public final class ExceptionHandlerRules implements RuleGroup {

    @Override
    public String prefix() {
        return "EH";
    }

    @Override
    public String title() {
        return "Exception handler and debug mode";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("EH-01", "a callback that throws reaches the handler with its message, exception and"
                        + " handle", "Handle._run: 'Exception in callback ...'",
                        "that the loop catches a callback's exception and calls callExceptionHandler with "
                                + "message, exception and the handle",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            IllegalArgumentException boom = new IllegalArgumentException("boom");
                            Handle failing = loop.callSoon(() -> {
                                throw boom;
                            });
                            runOnce(loop);
                            assertEquals(1, reported.size(), "the handler was not called once");
                            assertTrue(reported.get(0).message().startsWith("Exception in callback"),
                                    reported.get(0).message());
                            assertSame(boom, reported.get(0).exception());
                            assertSame(failing, reported.get(0).handle());
                        }),
                required("EH-02", "the loop keeps running after a callback throws", "Handle._run",
                        "that a callback's exception is reported, not rethrown out of runForever, and does not "
                                + "call stop()",
                        tck -> {
                    EventLoop loop = tck.loop();
                    loop.setExceptionHandler((l, context) -> { });
                    List<String> ran = new ArrayList<>();
                    loop.callSoon(() -> {
                        throw new IllegalStateException("first");
                    });
                    loop.callSoon(() -> ran.add("same batch"));
                    loop.callLater(Duration.ofMillis(2), () -> {
                        ran.add("later");
                        loop.stop();
                    });
                    loop.runForever();
                    assertEquals(List.of("same batch", "later"), ran);
                }),
                required("EH-03", "a handler that throws is reported through the default handler, never fatal",
                        "BaseEventLoop.call_exception_handler",
                        "that callExceptionHandler catches what a custom handler throws and logs it with the "
                                + "default handler",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setExceptionHandler((l, context) -> {
                                throw new IllegalStateException("handler broke");
                            });
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(() -> {
                                throw new IllegalArgumentException("first");
                            });
                            loop.callSoon(() -> ran.add("after"));
                            runOnce(loop);
                            assertEquals(List.of("after"), ran);
                        }),
                required("EH-04", "the handler is called with the loop and the context",
                        "BaseEventLoop.call_exception_handler",
                        "that callExceptionHandler passes this loop and the very context it was given to the handler",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Object> seen = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> {
                                seen.add(l);
                                seen.add(context);
                            });
                            ExceptionContext context = ExceptionContext.of("custom", new RuntimeException("x"));
                            loop.callExceptionHandler(context);
                            assertEquals(List.of(loop, context), seen);
                        }),
                required("EH-05", "getExceptionHandler returns the handler; null restores the default",
                        "BaseEventLoop.get_exception_handler",
                        "that setExceptionHandler(null) restores the default and getExceptionHandler returns "
                                + "what was set",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertNull(loop.getExceptionHandler());
                            ExceptionHandler handler = (l, context) -> { };
                            loop.setExceptionHandler(handler);
                            assertSame(handler, loop.getExceptionHandler());
                            loop.setExceptionHandler(null);
                            assertNull(loop.getExceptionHandler());
                        }),
                required("EH-06", "the default handler accepts any context without throwing",
                        "BaseEventLoop.default_exception_handler",
                        "that defaultExceptionHandler tolerates a context with only a message (no exception, "
                                + "no handle)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.defaultExceptionHandler(ExceptionContext.of("no exception", null));
                            loop.defaultExceptionHandler(ExceptionContext.of("with exception",
                                    new IllegalStateException("x")));
                            loop.callExceptionHandler(ExceptionContext.of("through the loop", null));
                        }),
                required("EH-07", "an exception of a task's coroutine stays in the task, not the handler",
                        "Task.__step sets the exception",
                        "that a task catches its coroutine's exception into setException instead of reporting it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            Task<Object> task = loop.createTask(Coroutines.of(() -> {
                                throw new IllegalStateException("task failed");
                            }));
                            runOnce(loop);
                            assertEquals("task failed", task.exception().getMessage());
                            assertEquals(List.of(), reported);
                        }),
                required("EH-08", "debug mode is off by default and setDebug switches it",
                        "BaseEventLoop.get_debug",
                        "that getDebug starts false (unless -Dloopkit.debug=true) and setDebug changes it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            boolean initial = Boolean.getBoolean("loopkit.debug");
                            assertEquals(initial, loop.getDebug());
                            loop.setDebug(!initial);
                            assertEquals(!initial, loop.getDebug());
                        }),
                required("EH-09", "the slow-callback threshold defaults to 100 ms and must be positive",
                        "BaseEventLoop.slow_callback_duration",
                        "that setSlowCallbackDuration stores the value and rejects zero and negative durations",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertEquals(Duration.ofMillis(100), loop.getSlowCallbackDuration());
                            loop.setSlowCallbackDuration(Duration.ofMillis(5));
                            assertEquals(Duration.ofMillis(5), loop.getSlowCallbackDuration());
                            assertThrows(IllegalArgumentException.class,
                                    () -> loop.setSlowCallbackDuration(Duration.ZERO));
                            assertThrows(IllegalArgumentException.class,
                                    () -> loop.setSlowCallbackDuration(Duration.ofMillis(-1)));
                        }),
                required("EH-10", "debug mode does not change what callbacks do", "BaseEventLoop._run_once",
                        "that debug mode only adds checks and warnings: the callbacks run as they would without it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setDebug(true);
                            loop.setSlowCallbackDuration(Duration.ofNanos(1));
                            List<Integer> ran = new ArrayList<>();
                            for (int i = 0; i < 5; i++) {
                                int n = i;
                                loop.callSoon(() -> ran.add(n));
                            }
                            runOnce(loop);
                            assertEquals(List.of(0, 1, 2, 3, 4), ran);
                            assertFalse(loop.isRunning());
                        }),
                required("EH-11", "with no handler set, callExceptionHandler logs an ERROR with the message (or"
                        + " \"Unhandled exception in event loop\"), the exception and a line for each part of the"
                        + " context that is there, extras in key order, a source_traceback as asyncio's \"Object"
                        + " created at\"",
                        "BaseEventLoop.default_exception_handler: logger.error('\\n'.join(log_lines), exc_info=...)",
                        "that callExceptionHandler falls back to defaultExceptionHandler, and that it writes the"
                                + " message, then \"future: ...\" (or handle/task) and \"key: value\" lines sorted"
                                + " by key, and no line for what the context lacks",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.createFuture();
                            future.setResult("done");
                            IllegalStateException boom = new IllegalStateException("boom");
                            int before = tck.logged().size();
                            loop.callExceptionHandler(ExceptionContext.builder("something broke").exception(boom)
                                    .future(future).extra("peer", "10.0.0.1:80").extra("attempt", 2).build());
                            LoggedEvent event = onlyError(tck, before);
                            assertSame(boom, event.error());
                            assertEquals(List.of("something broke", "future: " + future, "attempt: 2",
                                    "peer: 10.0.0.1:80"), event.message().lines().toList());
                            int next = tck.logged().size();
                            loop.callExceptionHandler(ExceptionContext.of("", boom));
                            assertEquals("Unhandled exception in event loop", onlyError(tck, next).message());
                            // A creation stack is printed as asyncio prints it; other lists as they are.
                            StackTraceElement inner = new StackTraceElement("app.Worker", "start", "Worker.java", 7);
                            StackTraceElement outer = new StackTraceElement("app.Main", "main", "Main.java", 3);
                            int third = tck.logged().size();
                            loop.callExceptionHandler(ExceptionContext.builder("made here")
                                    .extra("source_traceback", List.of(inner, outer)).extra("peers", List.of("a", "b"))
                                    .build());
                            assertEquals(List.of("made here", "peers: [a, b]",
                                    "source_traceback: Object created at (most recent call first):",
                                    "\tat " + inner, "\tat " + outer), onlyError(tck, third).message().lines().toList());
                        }),
                required("EH-12", "a handler that throws is logged as \"Unhandled error in exception handler\" with"
                        + " the handler's exception and the context it was given", "BaseEventLoop.call_exception_handler:"
                        + " 'Unhandled error in exception handler'",
                        "that callExceptionHandler catches what the handler throws and hands the default handler a"
                                + " context with asyncio's message, that exception and the original context",
                        tck -> {
                            EventLoop loop = tck.loop();
                            IllegalStateException broke = new IllegalStateException("handler broke");
                            loop.setExceptionHandler((l, context) -> {
                                throw broke;
                            });
                            int before = tck.logged().size();
                            loop.callExceptionHandler(ExceptionContext.of("original problem", null));
                            LoggedEvent event = onlyError(tck, before);
                            assertSame(broke, event.error());
                            assertTrue(event.message().startsWith("Unhandled error in exception handler"),
                                    event.message());
                            assertTrue(event.message().contains("original problem"),
                                    "the log does not name the original context: " + event.message());
                        }),
                required("EH-13", "in debug mode a callback slower than the slow-callback duration is logged as a"
                        + " WARN \"Executing ... took ... seconds\" that names it; fast callbacks, and any outside"
                        + " debug mode, are not", "BaseEventLoop._run_once: logger.warning('Executing %s took %.3f"
                        + " seconds')",
                        "that the loop times each callback in debug mode only, compares with"
                                + " getSlowCallbackDuration(), and names the callback (a task's step, first or after an"
                                + " await, names the task)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            int before = tck.logged().size();
                            loop.setSlowCallbackDuration(Duration.ofMillis(20));
                            loop.callSoon(() -> pause(Duration.ofMillis(40)));
                            runOnce(loop);
                            assertEquals(List.of(), loggedSince(tck, before, Level.WARN),
                                    "a slow callback was logged outside debug mode");
                            int debugFrom = tck.logged().size();
                            loop.setDebug(true);
                            Task<Object> slow = loop.createTask(Coroutines.of(() -> {
                                pause(Duration.ofMillis(40));
                                Async.await(TckContext.sleep(loop, Duration.ZERO));
                                pause(Duration.ofMillis(40));
                                return null;
                            }), "slow-task", null);
                            loop.runUntilComplete(slow);
                            loop.setSlowCallbackDuration(Duration.ofSeconds(30));
                            loop.callSoon(() -> { });
                            runOnce(loop);
                            // At least the task's two steps: on a busy machine a pause (a collection, another
                            // process) may stretch any other callback past 20 ms too, and it is rightly
                            // logged, naming the task if it is one of the task's done callbacks, say.
                            List<LoggedEvent> warnings = loggedSince(tck, debugFrom, Level.WARN).stream()
                                    .filter(warning -> warning.message().contains("slow-task")).toList();
                            assertTrue(warnings.size() >= 2, () -> "expected a warning naming the slow task for each"
                                    + " of its two steps in debug mode; got " + loggedSince(tck, debugFrom, Level.WARN));
                            for (LoggedEvent warning : warnings) {
                                String text = warning.message();
                                assertTrue(text.startsWith("Executing ") && text.contains(" took ")
                                        && text.endsWith(" seconds"), text);
                            }
                        }),
                required("EH-14", "a StackOverflowError is not fatal: a callback's reaches the handler, a coroutine's"
                        + " fails its task, a handler's is logged, and the loop runs on", "Handle._run and"
                        + " Task.__step: only SystemExit and KeyboardInterrupt escape; RecursionError is reported",
                        "that the loop's one rule on fatal throwables (CallbackFailures.isFatal) lets a"
                                + " StackOverflowError be handled like any exception, wherever it is caught",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Throwable> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context.exception()));
                            StackOverflowError inCallback = new StackOverflowError("in a callback");
                            StackOverflowError inCoroutine = new StackOverflowError("in a coroutine");
                            loop.callSoon(() -> {
                                throw inCallback;
                            });
                            Task<Object> task = loop.createTask(Coroutines.of(() -> {
                                throw inCoroutine;
                            }));
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(() -> ran.add("after"));
                            runOnce(loop);
                            runOnce(loop);
                            assertEquals(List.of(inCallback), reported);
                            assertSame(inCoroutine, task.exception());
                            assertEquals(List.of("after"), ran);
                            loop.setExceptionHandler((l, context) -> {
                                throw new StackOverflowError("in the handler");
                            });
                            loop.callExceptionHandler(ExceptionContext.of("reported", null));
                        }),
                required("EH-15", "an OutOfMemoryError is fatal: it escapes runUntilComplete (and a handler's escapes"
                        + " callExceptionHandler), and the next run is not cut short by the failed run's stop", "BaseEventLoop.run_until_complete:"
                        + " _run_until_complete_cb skips the stop for the escaping kinds (bpo-22429)",
                        "that fatal throwables escape the loop, and that runUntilComplete's stop callback does not"
                                + " stop the loop for a future that failed with one (it is already queued)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            OutOfMemoryError simulated = new OutOfMemoryError("simulated");
                            Task<Object> failing = loop.createTask(Coroutines.of(() -> {
                                throw simulated;
                            }));
                            assertSame(simulated, assertThrows(OutOfMemoryError.class,
                                    () -> loop.runUntilComplete(failing)));
                            assertEquals(42, loop.runUntilComplete(Coroutines.of(() -> {
                                Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                                return 42;
                            })), "the run after the fatal error");
                            OutOfMemoryError inHandler = new OutOfMemoryError("in the handler");
                            loop.setExceptionHandler((l, context) -> {
                                throw inHandler;
                            });
                            assertSame(inHandler, assertThrows(OutOfMemoryError.class,
                                    () -> loop.callExceptionHandler(ExceptionContext.of("reported", null))),
                                    "a handler's fatal error must escape, not be logged as a handler failure");
                        }),
                required("EH-16", "a callback whose toString() throws is still reported, with its own exception, and"
                        + " the loop runs on", "Handle._run: the report must not fail because of what it reports",
                        "that every message built from a callback, handle or future guards its toString()"
                                + " (CallbackFailures.describe)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Throwable> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context.exception()));
                            IllegalStateException failure = new IllegalStateException("the callback failed");
                            Runnable rude = new Runnable() {
                                @Override
                                public void run() {
                                    throw failure;
                                }

                                @Override
                                public String toString() {
                                    throw new IllegalArgumentException("no name to give");
                                }
                            };
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(rude);
                            loop.callSoon(() -> ran.add("after"));
                            runOnce(loop);
                            assertEquals(List.of(failure), reported);
                            assertEquals(List.of("after"), ran);
                            loop.setExceptionHandler(null);
                            loop.setDebug(true);
                            loop.setSlowCallbackDuration(Duration.ofNanos(1));
                            loop.callSoon(rude);
                            runOnce(loop);
                        }),
                required("EH-17", "in debug mode, futures, tasks and handles say where they were created: toString()"
                        + " names the caller's line (\"created at\"), and the handler's context carries the stack as"
                        + " \"source_traceback\"; outside debug mode nothing is recorded",
                        "Future._source_traceback, Handle._source_traceback (set when the loop is in debug mode)",
                        "that futures, tasks and handles made in debug mode record their creation stack from the"
                                + " first frame outside the loop's own code, and that toString() and"
                                + " callExceptionHandler show it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setDebug(true);
                            String futureSite = lineBelow();
                            Future<String> future = loop.createFuture();
                            assertCreatedAt(futureSite, future);
                            String taskSite = lineBelow();
                            Task<Object> task = loop.createTask(Coroutines.of(() -> null));
                            assertCreatedAt(taskSite, task);
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            String handleSite = lineBelow();
                            loop.callSoon(() -> {
                                throw new IllegalStateException("the callback failed");
                            });
                            runOnce(loop);
                            assertEquals(1, reported.size(), () -> "the handler was not called once: " + reported);
                            assertCreatedAt(handleSite, reported.get(0).handle());
                            Object traceback = reported.get(0).extra().get("source_traceback");
                            assertTrue(traceback instanceof List<?> frames && !frames.isEmpty()
                                    && frames.get(0).toString().equals(handleSite),
                                    () -> "the context's source_traceback does not start at " + handleSite + ": "
                                            + traceback);
                            assertTrue(task.done(), "the task did not finish");
                            loop.setDebug(false);
                            Future<String> quiet = loop.createFuture();
                            assertFalse(quiet.toString().contains("created at"),
                                    () -> "a future made outside debug mode says where: " + quiet);
                        }));
    }

    /** How a stack frame of the caller's next line prints, for "created at" checks. */
    private static String lineBelow() {
        StackTraceElement caller = StackWalker.getInstance().walk(frames -> frames.skip(1).findFirst())
                .orElseThrow().toStackTraceElement();
        String text = caller.toString();
        String line = ":" + caller.getLineNumber() + ")";
        return text.substring(0, text.lastIndexOf(line)) + ":" + (caller.getLineNumber() + 1) + ")";
    }

    private static void assertCreatedAt(String site, Object made) {
        assertTrue(String.valueOf(made).contains(" created at " + site),
                () -> "toString() in debug mode does not say it was created at " + site + ": " + made);
    }

    /** The records at {@code level} the rule logged after its first {@code before} records. */
    private static List<LoggedEvent> loggedSince(TckContext tck, int before, Level level) {
        List<LoggedEvent> logged = tck.logged();
        return logged.subList(before, logged.size()).stream().filter(e -> e.level() == level).toList();
    }

    /** The one ERROR record the rule logged after its first {@code before} records. */
    private static LoggedEvent onlyError(TckContext tck, int before) {
        List<LoggedEvent> errors = loggedSince(tck, before, Level.ERROR);
        assertEquals(1, errors.size(), () -> "expected one ERROR record, got " + errors);
        return errors.get(0);
    }

    /** A callback that is slow on purpose: what EH-13 measures, not a wait for another thread. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
