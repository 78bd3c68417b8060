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
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apiguardian.api.API;

/** EX: the loop's executors (asyncio's run_in_executor, set_default_executor, shutdown_default_executor). */
@API(status = INTERNAL, since = "0.1")
public final class ExecutorRules implements RuleGroup {

    @Override
    public String prefix() {
        return "EX";
    }

    @Override
    public String title() {
        return "Executors";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("EX-01", "runInExecutor runs the call off the loop thread and completes on it",
                        "BaseEventLoop.run_in_executor / wrap_future",
                        "that runInExecutor submits to an executor and completes the future with callSoonThreadsafe",
                        tck -> {
                            EventLoop loop = tck.loop();
                            // The loop's thread is whichever runs its callbacks (a loop may run on a
                            // thread of its own while the caller waits).
                            Thread[] loopThread = new Thread[1];
                            loop.callSoon(() -> loopThread[0] = Thread.currentThread());
                            Future<Thread> future = loop.runInExecutor(null, Thread::currentThread);
                            Thread[] completedOn = new Thread[1];
                            future.addDoneCallback(f -> completedOn[0] = Thread.currentThread());
                            Thread worker = loop.runUntilComplete(future);
                            runOnce(loop);
                            assertNotSame(loopThread[0], worker);
                            assertSame(loopThread[0], completedOn[0]);
                        }),
                required("EX-02", "a failure of the call arrives as the future's exception, unwrapped",
                        "run_in_executor",
                        "that the executor's failure is set as the future's exception as it is, not wrapped",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<String> future = loop.runInExecutor(null, () -> {
                                throw new IOException("disk");
                            });
                            assertThrows(Exception.class, () -> loop.runUntilComplete(future));
                            assertInstanceOf(IOException.class, future.exception());
                        }),
                required("EX-03", "setDefaultExecutor is what runInExecutor(null, ...) uses",
                        "BaseEventLoop.set_default_executor",
                        "that runInExecutor(null, ...) uses the executor given to setDefaultExecutor",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ExecutorService custom = Executors.newSingleThreadExecutor(r -> new Thread(r, "tck-custom"));
                            try {
                                loop.setDefaultExecutor(custom);
                                assertEquals("tck-custom", loop.runUntilComplete(
                                        loop.runInExecutor(null, () -> Thread.currentThread().getName())));
                            } finally {
                                custom.shutdownNow();
                            }
                        }),
                required("EX-04", "close() shuts the default executor down", "BaseEventLoop.close",
                        "that close() calls shutdown() on the default executor",
                        tck -> {
                    EventLoop loop = tck.loop();
                    ExecutorService custom = Executors.newSingleThreadExecutor();
                    loop.setDefaultExecutor(custom);
                    loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
                    loop.close();
                    assertTrue(custom.isShutdown(), "the default executor outlived close()");
                    assertTrue(custom.awaitTermination(1, TimeUnit.MINUTES));
                }),
                required("EX-05", "shutdownDefaultExecutor completes once the executor ended; then"
                        + " runInExecutor(null, ...) fails", "BaseEventLoop.shutdown_default_executor (3.9)",
                        "that shutdownDefaultExecutor waits for termination off the loop thread, then refuses "
                                + "new calls",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ExecutorService custom = Executors.newSingleThreadExecutor();
                            loop.setDefaultExecutor(custom);
                            CountDownLatch release = new CountDownLatch(1);
                            Future<Integer> running = loop.runInExecutor(null, () -> {
                                release.await();
                                return 1;
                            });
                            Future<Void> shutdown = loop.shutdownDefaultExecutor();
                            loop.runUntilComplete(TckContext.sleep(loop, Duration.ofMillis(50)));
                            assertFalse(shutdown.done(), "shutdownDefaultExecutor completed while a call still ran");
                            release.countDown();
                            assertEquals(1, loop.runUntilComplete(running));
                            loop.runUntilComplete(shutdown);
                            assertTrue(custom.isTerminated());
                            assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
                        }),
                required("EX-06", "an executor passed to runInExecutor is used and not shut down by close()",
                        "run_in_executor(executor, ...)",
                        "that close() leaves an executor passed explicitly to runInExecutor alone",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "tck-mine"));
                            try {
                                assertEquals("tck-mine", loop.runUntilComplete(
                                        loop.runInExecutor(mine, () -> Thread.currentThread().getName())));
                                loop.close();
                                assertFalse(mine.isShutdown());
                            } finally {
                                mine.shutdownNow();
                            }
                        }),
                required("EX-07", "the default executor's threads end after close()", "BaseEventLoop.close",
                        "that close() shuts the default executor down so that its threads end",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
                            loop.close();
                            worker.join();
                            assertFalse(worker.isAlive());
                        }),

                required("EX-08", "cancelling the future of runInExecutor before the call starts means it never"
                        + " runs", "wrap_future: cancelling the asyncio future cancels the concurrent one",
                        "that runInExecutor cancels the executor's task when its loop future is cancelled",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ExecutorService single = Executors.newSingleThreadExecutor();
                            try {
                                CountDownLatch blocker = new CountDownLatch(1);
                                single.execute(() -> {
                                    try {
                                        blocker.await();
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                });
                                AtomicBoolean ran = new AtomicBoolean();
                                Future<Boolean> queued = loop.runInExecutor(single, () -> ran.getAndSet(true));
                                assertTrue(queued.cancel());
                                runOnce(loop);
                                blocker.countDown();
                                single.shutdown();
                                assertTrue(single.awaitTermination(tck.settings().timeout().toMillis() / 2,
                                        TimeUnit.MILLISECONDS), "the executor did not finish");
                                assertFalse(ran.get(), "the cancelled call ran anyway");
                            } finally {
                                single.shutdownNow();
                            }
                        }),
                required("EX-09", "shutdownDefaultExecutor with no default executor completes at once, and"
                        + " runInExecutor(null, ...) then fails", "BaseEventLoop.shutdown_default_executor",
                        "that shutdownDefaultExecutor returns a done future when no default executor was made,"
                                + " and remembers it was called",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Future<Void> shutdown = loop.shutdownDefaultExecutor();
                            runOnce(loop);
                            assertTrue(shutdown.done(), "shutdownDefaultExecutor() never completed");
                            assertThrows(RuntimeException.class, () -> loop.runInExecutor(null, () -> 1));
                        }));
    }
}
