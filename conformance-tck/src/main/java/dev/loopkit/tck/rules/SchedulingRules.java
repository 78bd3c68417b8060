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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Handle;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apiguardian.api.API;

/** SC: callbacks and timers (asyncio's call_soon, call_later, call_at, time, Handle.cancel). */
@API(status = INTERNAL, since = "0.1")
public final class SchedulingRules implements RuleGroup {

    @Override
    public String prefix() {
        return "SC";
    }

    @Override
    public String title() {
        return "Scheduling and timers";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("SC-01", "callSoon runs callbacks in FIFO order", "BaseEventLoop.call_soon",
                        "that the ready queue is FIFO",
                        tck -> {
                    EventLoop loop = tck.loop();
                    List<Integer> ran = new ArrayList<>();
                    for (int i = 0; i < 1000; i++) {
                        int n = i;
                        loop.callSoon(() -> ran.add(n));
                    }
                    runOnce(loop);
                    assertEquals(IntStream.range(0, 1000).boxed().toList(), ran);
                }),
                required("SC-02", "callbacks scheduled while a batch runs wait for the next iteration",
                        "BaseEventLoop._run_once: ntodo = len(self._ready)",
                        "that an iteration runs only the callbacks that were ready when it began",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.callSoon(() -> loop.callSoon(() -> ran.add("second iteration")));
                            runOnce(loop);
                            assertEquals(List.of(), ran);
                            runOnce(loop);
                            assertEquals(List.of("second iteration"), ran);
                        }),
                required("SC-03", "timers run in order of their due time", "BaseEventLoop.call_at (heapq)",
                        "that timers are ordered by due time (a heap on when())",
                        tck -> {
                    EventLoop loop = tck.loop();
                    List<Integer> ran = new ArrayList<>();
                    long base = loop.time() + Duration.ofMillis(5).toNanos();
                    for (int i : new int[] {4, 1, 3, 0, 2}) {
                        loop.callAt(base + i * 1_000_000L, () -> ran.add(i));
                    }
                    loop.callAt(base + 5_000_000L, loop::stop);
                    loop.runForever();
                    assertEquals(List.of(0, 1, 2, 3, 4), ran);
                }),
                required("SC-04", "timers due at the same time run in the order they were scheduled",
                        "TimerHandle ordering (when, then insertion)",
                        "that timers due at the same time keep insertion order (a sequence number breaks ties)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Integer> ran = new ArrayList<>();
                            long when = loop.time() + Duration.ofMillis(3).toNanos();
                            for (int i = 0; i < 50; i++) {
                                int n = i;
                                loop.callAt(when, () -> ran.add(n));
                            }
                            loop.callAt(when + 1, loop::stop);
                            loop.runForever();
                            assertEquals(IntStream.range(0, 50).boxed().toList(), ran);
                        }),
                required("SC-05", "callLater never runs a callback before its when() by loop.time()",
                        "test_events.test_call_later",
                        "that a timer runs only once time() >= when(), and that the wait is not rounded down",
                        tck -> {
                            EventLoop loop = tck.loop();
                            long[] ranAt = new long[1];
                            TimerHandle handle = loop.callLater(Duration.ofMillis(15), () -> {
                                ranAt[0] = loop.time();
                                loop.stop();
                            });
                            loop.runForever();
                            assertTrue(ranAt[0] >= handle.when(), "ran at " + ranAt[0] + ", due " + handle.when());
                        }),
                required("SC-06", "when() is time()+delay for callLater and the given time for callAt",
                        "TimerHandle.when",
                        "that callLater computes when() as time() + delay and callAt keeps the given time",
                        tck -> {
                            EventLoop loop = tck.loop();
                            long before = loop.time();
                            TimerHandle later = loop.callLater(Duration.ofSeconds(5), () -> { });
                            long after = loop.time();
                            assertTrue(later.when() >= before + 5_000_000_000L && later.when() <= after + 5_000_000_000L,
                                    "when() = " + later.when());
                            assertEquals(before + 123, loop.callAt(before + 123, () -> { }).when());
                        }),
                required("SC-07", "a cancelled callSoon handle never runs", "Handle.cancel",
                        "that a cancelled handle is skipped when its turn comes",
                        tck -> {
                    EventLoop loop = tck.loop();
                    List<String> ran = new ArrayList<>();
                    Handle handle = loop.callSoon(() -> ran.add("cancelled"));
                    handle.cancel();
                    runOnce(loop);
                    assertEquals(List.of(), ran);
                    assertTrue(handle.cancelled());
                }),
                required("SC-08", "a cancelled timer never runs", "TimerHandle.cancel",
                        "that a cancelled timer is skipped (or removed) and never runs",
                        tck -> {
                    EventLoop loop = tck.loop();
                    List<String> ran = new ArrayList<>();
                    loop.callLater(Duration.ofMillis(1), () -> ran.add("cancelled")).cancel();
                    loop.callLater(Duration.ofMillis(5), loop::stop);
                    loop.runForever();
                    assertEquals(List.of(), ran);
                }),
                required("SC-09", "a callback can cancel a later callback of the same batch",
                        "BaseEventLoop._run_once skips cancelled handles",
                        "that the cancelled flag is checked when each callback's turn comes, not when the "
                                + "batch is taken",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            Handle[] victim = new Handle[1];
                            loop.callSoon(() -> victim[0].cancel());
                            victim[0] = loop.callSoon(() -> ran.add("victim"));
                            runOnce(loop);
                            assertEquals(List.of(), ran);
                        }),
                required("SC-10", "time() never goes backwards", "BaseEventLoop.time (time.monotonic)",
                        "that time() reads a monotonic clock (System.nanoTime)",
                        tck -> {
                    EventLoop loop = tck.loop();
                    long previous = loop.time();
                    for (int i = 0; i < 10_000; i++) {
                        long now = loop.time();
                        assertTrue(now >= previous, "time() went from " + previous + " to " + now);
                        previous = now;
                    }
                }),
                required("SC-11", "callLater with a zero or negative delay runs on the next iteration",
                        "BaseEventLoop.call_later",
                        "that a zero or negative delay is due at once and runs on the next iteration",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.callLater(Duration.ZERO, () -> ran.add("zero"));
                            loop.callLater(Duration.ofSeconds(-1), () -> ran.add("negative"));
                            runOnce(loop);
                            assertEquals(List.of("negative", "zero"), ran);
                        }),
                required("SC-12", "many cancelled timers do not hold back a due one",
                        "BaseEventLoop._run_once purges cancelled timers",
                        "that cancelled timers at the head of the queue are purged rather than waited for",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<TimerHandle> far = new ArrayList<>();
                            for (int i = 0; i < 10_000; i++) {
                                far.add(loop.callLater(Duration.ofHours(1), () -> { }));
                            }
                            far.forEach(Handle::cancel);
                            List<String> ran = new ArrayList<>();
                            loop.callLater(Duration.ofMillis(1), () -> {
                                ran.add("due");
                                loop.stop();
                            });
                            loop.runForever();
                            assertEquals(List.of("due"), ran);
                        }),
                required("SC-13", "cancel() is idempotent and cancelled() reports it", "Handle.cancelled",
                        "that cancel() twice is harmless and cancelled() reports true",
                        tck -> {
                    EventLoop loop = tck.loop();
                    Handle handle = loop.callSoon(() -> { });
                    assertFalse(handle.cancelled());
                    handle.cancel();
                    handle.cancel();
                    assertTrue(handle.cancelled());
                    runOnce(loop);
                }),

                required("SC-14", "callbacks already queued run before timers that fall due in the same iteration",
                        "BaseEventLoop._run_once: due timers are appended to _ready",
                        "that each iteration appends the timers that fell due after the callbacks already ready,"
                                + " and that callSoon is not a zero-delay timer",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> order = new ArrayList<>();
                            loop.callLater(Duration.ZERO, () -> order.add("timer"));
                            loop.callSoon(() -> order.add("soon"));
                            tck.waitFor("both callbacks to run", () -> {
                                runOnce(loop);
                                return order.size() >= 2;
                            });
                            assertEquals(List.of("soon", "timer"), order);
                        }),
                required("SC-15", "time() has sub-millisecond resolution", "BaseEventLoop.time (time.monotonic)",
                        "that time() reads System.nanoTime(), not a millisecond clock such as"
                                + " System.currentTimeMillis()",
                        tck -> {
                            EventLoop loop = tck.loop();
                            // The smallest of several steps: a pre-emption can only make one step larger.
                            long smallestStep = Long.MAX_VALUE;
                            for (int sample = 0; sample < 20; sample++) {
                                long first = loop.time();
                                long next = first;
                                long spinStart = System.nanoTime();
                                while (next == first && System.nanoTime() - spinStart < 50_000_000L) {
                                    next = loop.time();
                                }
                                smallestStep = Math.min(smallestStep, next - first);
                            }
                            assertTrue(smallestStep > 0 && smallestStep < 1_000_000L,
                                    "time() advances in steps of at least " + smallestStep + " ns");
                        }),

                required("SC-16", "cancelled timers are let go before they fall due: their callbacks can be"
                        + " garbage-collected", "BaseEventLoop._run_once: purge when over half the timers are"
                        + " cancelled",
                        "that the timer queue drops cancelled timers (at the latest when they are a majority) and"
                                + " that nothing else keeps the handles it returned",
                        tck -> {
                            EventLoop loop = tck.loop();
                            // The live timer comes first, so the cancelled ones never reach the head of
                            // the queue on their own: only a purge lets them go.
                            TimerHandle live = loop.callLater(Duration.ofMinutes(30), () -> { });
                            List<WeakReference<Runnable>> cancelled = scheduleAndCancel(loop, 1_000);
                            // Iterations go on while waiting: a loop may drop cancelled timers gradually.
                            tck.waitFor("the cancelled timers' callbacks to be garbage-collected", () -> {
                                runOnce(loop);
                                System.gc();
                                return cancelled.stream().allMatch(r -> r.get() == null);
                            });
                            live.cancel();
                        }),
                required("SC-17", "a timer at the end of time never fires and holds back no other timer; one at"
                        + " the start of time runs on the next iteration", "BaseEventLoop._run_once:"
                        + " min(max(0, when - time()), MAXIMUM_SELECT_TIMEOUT)",
                        "that callLater adds the delay to time() without overflowing (a delay of Long.MAX_VALUE"
                                + " nanoseconds means never), and that the wait computed from the next timer"
                                + " saturates instead of wrapping around",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.callLater(Duration.ofNanos(Long.MAX_VALUE), () -> ran.add("never, by callLater"));
                            loop.callLater(ChronoUnit.FOREVER.getDuration(), () -> ran.add("never, by FOREVER"));
                            loop.callAt(Long.MAX_VALUE, () -> ran.add("never, by callAt"));
                            loop.callAt(Long.MIN_VALUE, () -> ran.add("long due"));
                            loop.callLater(Duration.ofMillis(5), () -> {
                                ran.add("soon");
                                loop.stop();
                            });
                            loop.runForever();
                            assertEquals(List.of("long due", "soon"), ran);
                        }),
                required("SC-18", "one thread's callSoonThreadsafe and callSoon calls run in the order it made them",
                        "BaseEventLoop.call_soon_threadsafe appends to the same _ready deque as call_soon",
                        "that callbacks queued with callSoonThreadsafe by the thread that owns the loop are not"
                                + " overtaken by its later callSoon calls (one ready queue, or the thread-safe queue"
                                + " emptied into it first)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            loop.callSoonThreadsafe(() -> ran.add("threadsafe, before the run"));
                            loop.callSoon(() -> ran.add("soon, before the run"));
                            loop.callSoon(() -> {
                                loop.callSoonThreadsafe(() -> ran.add("threadsafe, in a callback"));
                                loop.callSoon(() -> ran.add("soon, in a callback"));
                            });
                            runOnce(loop);
                            runOnce(loop);
                            assertEquals(List.of("threadsafe, before the run", "soon, before the run",
                                    "threadsafe, in a callback", "soon, in a callback"), ran);
                        }),
                required("SC-19", "a cancelled handle lets go of its callback at once, before its turn comes",
                        "Handle.cancel: self._callback = None; self._args = None",
                        "that cancel() drops the handle's reference to its callback (and all the callback"
                                + " captures), for callSoon, callSoonThreadsafe and callLater handles alike",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> never = new ArrayList<>();
                            List<Handle> handles = new ArrayList<>();
                            List<WeakReference<Runnable>> callbacks = new ArrayList<>();
                            for (int i = 0; i < 3; i++) {
                                int n = i;
                                Runnable soon = () -> never.add("soon " + n);
                                Runnable submitted = () -> never.add("submitted " + n);
                                Runnable later = () -> never.add("later " + n);
                                handles.add(loop.callSoon(soon));
                                handles.add(loop.callSoonThreadsafe(submitted));
                                handles.add(loop.callLater(Duration.ofHours(1), later));
                                callbacks.addAll(List.of(new WeakReference<>(soon), new WeakReference<>(submitted),
                                        new WeakReference<>(later)));
                            }
                            handles.forEach(Handle::cancel);
                            tck.waitUntilCollected("the callbacks of the cancelled handles", callbacks);
                            // The handles themselves stayed reachable all along: only what they held went.
                            Reference.reachabilityFence(handles);
                            runOnce(loop);
                            assertEquals(List.of(), never);
                        }));
    }

    /**
     * Schedules {@code count} timers an hour ahead, each with a callback of its own, cancels them
     * and returns weak references to their callbacks.
     */
    private static List<WeakReference<Runnable>> scheduleAndCancel(EventLoop loop, int count) {
        List<WeakReference<Runnable>> callbacks = new ArrayList<>();
        List<String> never = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            Runnable callback = () -> never.add("timer " + n);
            loop.callLater(Duration.ofHours(1), callback).cancel();
            callbacks.add(new WeakReference<>(callback));
        }
        return callbacks;
    }
}
