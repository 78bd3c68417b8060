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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Handle;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/** TS: what other threads may do (asyncio's call_soon_threadsafe, _write_to_self, debug checks). */
@API(status = INTERNAL, since = "0.1")
public final class ThreadSafetyRules implements RuleGroup {

    @Override
    public String prefix() {
        return "TS";
    }

    @Override
    public String title() {
        return "Thread safety";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("TS-01", "callSoonThreadsafe from 8 threads loses nothing: every callback runs once",
                        "BaseEventLoop.call_soon_threadsafe",
                        "that the thread-safe queue loses and duplicates nothing under contention",
                        tck -> {
                            EventLoop loop = tck.loop();
                            int threads = 8;
                            int perThread = tck.settings().threadsafeCallsPerThread();
                            byte[] runs = new byte[threads * perThread];
                            int[] total = {0};
                            CountDownLatch started = new CountDownLatch(1);
                            loop.callSoon(started::countDown);
                            List<Thread> producers = new ArrayList<>();
                            for (int t = 0; t < threads; t++) {
                                int offset = t * perThread;
                                producers.add(Thread.ofPlatform().daemon().start(() -> {
                                    awaitQuietly(started);
                                    for (int i = 0; i < perThread; i++) {
                                        int slot = offset + i;
                                        loop.callSoonThreadsafe(() -> {
                                            runs[slot]++;
                                            if (++total[0] == runs.length) {
                                                loop.stop();
                                            }
                                        });
                                    }
                                }));
                            }
                            loop.runForever();
                            for (Thread producer : producers) {
                                producer.join();
                            }
                            for (int i = 0; i < runs.length; i++) {
                                assertEquals(1, runs[i], "callback " + i + " ran " + runs[i] + " times");
                            }
                        }),
                required("TS-02", "callSoonThreadsafe wakes a loop that waits with nothing scheduled",
                        "BaseEventLoop._write_to_self",
                        "that callSoonThreadsafe calls wakeup() so that a sleeping processEvents returns",
                        tck -> pingPong(tck.loop(), null)),
                required("TS-03", "callSoonThreadsafe wakes a loop that waits for a distant timer",
                        "BaseEventLoop._write_to_self",
                        "that wakeup() interrupts a timed wait, not only an unbounded one",
                        tck -> pingPong(tck.loop(), Duration.ofHours(1))),
                required("TS-04", "callSoonThreadsafe keeps each thread's submission order",
                        "call_soon_threadsafe appends to the ready deque",
                        "that the thread-safe queue is FIFO per submitting thread",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<Integer> ran = new ArrayList<>();
                            int n = 10_000;
                            Thread producer = Thread.ofPlatform().daemon().start(() -> {
                                for (int i = 0; i < n; i++) {
                                    int value = i;
                                    loop.callSoonThreadsafe(() -> {
                                        ran.add(value);
                                        if (ran.size() == n) {
                                            loop.stop();
                                        }
                                    });
                                }
                            });
                            loop.runForever();
                            producer.join();
                            for (int i = 0; i < n; i++) {
                                assertEquals(i, ran.get(i));
                            }
                        }),
                required("TS-05", "in debug mode a non-thread-safe call from another thread fails fast",
                        "BaseEventLoop._check_thread",
                        "that debug mode makes non-thread-safe methods check the calling thread (checkThread)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setDebug(true);
                            Throwable[] failure = new Throwable[1];
                            // The loop thread waits inside a callback while the other thread calls in:
                            // the loop is running, and neither timers nor wake-ups are involved.
                            loop.callSoon(() -> {
                                Semaphore done = new Semaphore(0);
                                Thread.ofPlatform().daemon().start(() -> {
                                    failure[0] = Expect.thrownBy(() -> loop.callSoon(() -> { }));
                                    done.release();
                                });
                                done.acquireUninterruptibly();
                                loop.stop();
                            });
                            loop.runForever();
                            assertTrue(failure[0] instanceof IllegalStateException,
                                    "callSoon from another thread did not fail: " + failure[0]);
                            assertTrue(failure[0].getMessage().startsWith("Non-thread-safe operation"),
                                    failure[0].getMessage());
                        }),
                required("TS-06", "in debug mode the loop's own coroutines are not foreign threads",
                        "BaseEventLoop._check_thread",
                        "that the thread check accepts the loop's own coroutine threads",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setDebug(true);
                            assertEquals("ok", loop.runUntilComplete(Coroutines.of(() -> {
                                loop.callSoon(() -> { });
                                loop.callLater(Duration.ofMillis(1), () -> { });
                                return "ok";
                            })));
                        }),
                required("TS-07", "a loop that stopped can be closed from another thread",
                        "BaseEventLoop.close",
                        "that close() may be called from another thread once the loop stopped",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> 1));
                            Thread closer = Thread.ofPlatform().start(loop::close);
                            closer.join();
                            assertTrue(loop.isClosed());
                            assertThrows(IllegalStateException.class, () -> loop.callSoon(() -> { }));
                        }),

                required("TS-08", "in debug mode callLater, callAt and runInExecutor from another thread fail fast"
                        + " too", "BaseEventLoop._check_thread in call_soon, call_at and run_in_executor",
                        "that every non-thread-safe method calls checkThread, not only callSoon",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.setDebug(true);
                            List<Throwable> failures = new ArrayList<>();
                            loop.callSoon(() -> {
                                Semaphore done = new Semaphore(0);
                                Thread.ofPlatform().daemon().start(() -> {
                                    failures.add(Expect.thrownBy(() -> loop.callLater(Duration.ofHours(1), () -> { })));
                                    failures.add(Expect.thrownBy(() -> loop.callAt(loop.time(), () -> { })));
                                    failures.add(Expect.thrownBy(() -> loop.runInExecutor(null, () -> null)));
                                    done.release();
                                });
                                done.acquireUninterruptibly();
                                loop.stop();
                            });
                            loop.runForever();
                            List<String> calls = List.of("callLater", "callAt", "runInExecutor");
                            for (int i = 0; i < calls.size(); i++) {
                                assertTrue(failures.get(i) instanceof IllegalStateException,
                                        calls.get(i) + " from another thread did not fail: " + failures.get(i));
                            }
                        }),
                required("TS-09", "a handle returned by callSoonThreadsafe can be cancelled, and then never runs",
                        "call_soon_threadsafe returns a Handle",
                        "that callSoonThreadsafe returns the handle that is queued, whose cancel() the loop honours",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<String> ran = new ArrayList<>();
                            Handle[] handle = new Handle[1];
                            Thread submitter = Thread.ofPlatform().start(
                                    () -> handle[0] = loop.callSoonThreadsafe(() -> ran.add("cancelled")));
                            submitter.join();
                            handle[0].cancel();
                            assertTrue(handle[0].cancelled());
                            loop.callSoon(() -> ran.add("kept"));
                            runOnce(loop);
                            runOnce(loop);
                            assertEquals(List.of("kept"), ran);
                        }));
    }

    /** 100 rounds in which only callSoonThreadsafe's wake-up can end the loop's wait. */
    private static void pingPong(EventLoop loop, Duration pendingTimer) throws InterruptedException {
        int rounds = 100;
        Semaphore turns = new Semaphore(0);
        int[] seen = {0};
        if (pendingTimer != null) {
            loop.callLater(pendingTimer, () -> { });
        }
        Thread producer = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < rounds; i++) {
                turns.acquireUninterruptibly();
                // Let the loop fall asleep first, so that a missing wake-up shows; a loop that
                // wakes up passes however this pause goes.
                LockSupport.parkNanos(1_000_000);
                loop.callSoonThreadsafe(() -> {
                    if (++seen[0] == rounds) {
                        loop.stop();
                    } else {
                        turns.release();
                    }
                });
            }
        });
        loop.callSoon(turns::release);
        loop.runForever();
        producer.join();
        assertEquals(rounds, seen[0]);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
