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
package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.CoroutineBody;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The coroutine machinery, under every mechanism (the process default is only one of them). */
class CoroutineTest extends LoopTestSupport {

    @Test
    void awaitOutsideACoroutineFailsClearly() {
        Future<String> future = loop.createFuture();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Async.await(future));
        assertTrue(e.getMessage().startsWith("Async.await() called outside a coroutine"), e.getMessage());
    }

    /** A thread forked inside a coroutine (as StructuredTaskScope forks) is told where to await instead. */
    @Test
    void awaitOnAThreadForkedByACoroutineSaysWhereToAwait() {
        Future<String> future = loop.createFuture();
        String message = loop.runUntilComplete(loop.createTask(Coroutines.of(() -> {
            String[] seen = new String[1];
            Thread fork = Thread.ofVirtual().start(() -> {
                try {
                    Async.await(future);
                } catch (IllegalStateException e) {
                    seen[0] = e.getMessage();
                }
            });
            fork.join(WAIT);
            return seen[0];
        })));
        assertTrue(message != null && message.contains("StructuredTaskScope fork")
                && message.contains("await in the coroutine"), String.valueOf(message));
    }

    @Test
    void theInlineMechanismIsUsedWhenTheJvmAllowsIt() {
        // The build runs tests with --add-opens java.base/java.lang=ALL-UNNAMED on JDK 25.
        assertEquals(CoroutineMechanism.INLINE, CoroutineMechanism.current(), CoroutineMechanism.reason());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void exactlyOneOfTheLoopAndItsCoroutinesRunsAtAnyMoment(CoroutineMechanism mechanism) {
        AtomicInteger active = new AtomicInteger();
        AtomicInteger maxActive = new AtomicInteger();
        Runnable enter = () -> maxActive.accumulateAndGet(active.incrementAndGet(), Math::max);
        Runnable leave = active::decrementAndGet;
        List<Task<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            tasks.add(loop.createTask(coroutine(mechanism, () -> {
                int sum = 0;
                for (int i = 0; i < 50; i++) {
                    enter.run();
                    Future<Integer> next = loop.createFuture();
                    loop.callSoon(() -> {
                        enter.run();
                        spin();
                        next.setResult(1);
                        leave.run();
                    });
                    spin();
                    leave.run();
                    sum += Async.await(next);
                }
                return sum;
            })));
        }
        for (Task<Integer> task : tasks) {
            assertEquals(50, loop.runUntilComplete(task));
        }
        assertEquals(1, maxActive.get());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void theRunningLoopIsVisibleInsideACoroutine(CoroutineMechanism mechanism) {
        assertSame(loop, loop.runUntilComplete(loop.createTask(coroutine(mechanism, EventLoops::getRunningLoop))));
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void sendReportsEachSuspensionThenTheResult(CoroutineMechanism mechanism) throws Exception {
        Future<String> first = loop.createFuture();
        Future<String> second = loop.createFuture();
        Coroutine<String> coro = coroutine(mechanism, () -> Async.await(first) + Async.await(second));
        assertSame(first, assertInstanceOf(Coroutine.Step.Await.class, coro.send()).future());
        first.setResult("a");
        assertSame(second, assertInstanceOf(Coroutine.Step.Await.class, coro.send()).future());
        second.setResult("b");
        assertEquals("ab", assertInstanceOf(Coroutine.Step.Return.class, coro.send()).value());
        assertThrows(IllegalStateException.class, () -> coro.send());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void throwIntoRaisesAtTheAwaitAndMayBeCaught(CoroutineMechanism mechanism) throws Exception {
        Future<String> pending = loop.createFuture();
        Coroutine<String> coro = coroutine(mechanism, () -> {
            try {
                return Async.await(pending);
            } catch (IllegalArgumentException e) {
                return "caught " + e.getMessage();
            }
        });
        coro.send();
        assertEquals("caught x", ((Coroutine.Step.Return<String>) coro.throwInto(new IllegalArgumentException("x")))
                .value());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void throwIntoANewCoroutineFinishesItWithoutRunningIt(CoroutineMechanism mechanism) {
        List<String> ran = new ArrayList<>();
        Coroutine<String> coro = coroutine(mechanism, () -> {
            ran.add("body");
            return "never";
        });
        IllegalStateException error = new IllegalStateException("stop");
        assertSame(error, assertThrows(IllegalStateException.class, () -> coro.throwInto(error)));
        assertEquals(List.of(), ran);
        assertThrows(IllegalStateException.class, () -> coro.send());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void closeUnwindsASuspendedCoroutine(CoroutineMechanism mechanism) throws Exception {
        List<String> ran = new ArrayList<>();
        Coroutine<String> coro = coroutine(mechanism, () -> {
            try {
                return Async.await(loop.<String>createFuture());
            } finally {
                ran.add("finally");
            }
        });
        coro.send();
        coro.close();
        assertEquals(List.of("finally"), ran);
        coro.close();
        assertThrows(IllegalStateException.class, () -> coro.send());
    }

    /**
     * Each closed loop used to leave its suspended task's virtual thread parked for ever (1,000
     * loops, 1,000 threads): close() now closes the coroutine, whose thread then ends.
     */
    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void closedLoopsLeaveNoParkedCoroutineBehind(CoroutineMechanism mechanism) {
        int loops = 500;
        AtomicInteger unwound = new AtomicInteger();
        List<String> reports = new ArrayList<>();
        for (int i = 0; i < loops; i++) {
            SelectorEventLoop other = new SelectorEventLoop();
            other.setExceptionHandler((l, context) -> reports.add(context.message()));
            Task<String> task = other.createTask(coroutine(mechanism, () -> {
                try {
                    return Async.await(other.<String>createFuture());
                } finally {
                    unwound.incrementAndGet();
                }
            }));
            runOnce(other);
            other.close();
            assertTrue(task.getCoro().toString().startsWith("ThreadCoroutine[finished"),
                    () -> "the coroutine of a task pending at close() is " + task.getCoro());
        }
        assertEquals(loops, unwound.get(), "suspended coroutines unwound by close()");
        assertEquals(loops, reports.stream().filter("Task was destroyed but it is pending!"::equals).count());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineThatRefusesToCloseIsReported(CoroutineMechanism mechanism) throws Exception {
        Future<String> second = loop.createFuture();
        Coroutine<String> coro = coroutine(mechanism, () -> {
            try {
                return Async.await(loop.<String>createFuture());
            } catch (Throwable ignored) {
                return Async.await(second);
            }
        });
        coro.send();
        IllegalStateException e = assertThrows(IllegalStateException.class, coro::close);
        assertTrue(e.getMessage().contains("ignored close()"), e.getMessage());
        second.setResult("let go");
        assertEquals("let go", ((Coroutine.Step.Return<String>) coro.send()).value());
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineThatBlocksStillCompletes(CoroutineMechanism mechanism) {
        // Blocking inside a coroutine blocks the loop (as in asyncio) but must not deadlock it.
        Task<String> task = loop.createTask(coroutine(mechanism, () -> {
            Thread.sleep(5);
            return "woke";
        }));
        assertEquals("woke", loop.runUntilComplete(task));
    }

    @Test
    void aLoopRunOnAVirtualThreadStillDrivesCoroutines() throws Exception {
        // Virtual threads cannot carry other virtual threads: inline coroutines fall back to the
        // hand-off when the loop itself runs on one.
        Object[] outcome = new Object[1];
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                outcome[0] = loop.runUntilComplete(Coroutines.of(() -> {
                    Async.await(sleep(loop, Duration.ofMillis(1)));
                    return "ran on " + (Thread.currentThread().isVirtual() ? "a virtual thread" : "?");
                }));
            } catch (Throwable t) {
                outcome[0] = t;
            }
        });
        assertTrue(runner.join(WAIT), "the loop on a virtual thread hung");
        assertEquals("ran on a virtual thread", outcome[0]);
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineAwaitsAVirtualThreadExecutor(CoroutineMechanism mechanism) throws Exception {
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            assertEquals("on a virtual thread", runBounded(coroutine(mechanism, () -> Async.await(
                    loop.runInExecutor(virtualThreads, () -> Thread.currentThread().isVirtual()
                            ? "on a virtual thread" : "elsewhere")))));
        }
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineStartsAndJoinsVirtualThreadsOfItsOwn(CoroutineMechanism mechanism) throws Exception {
        // The JDK gives a virtual thread the scheduler of the virtual thread that starts it, and
        // an inline coroutine's scheduler is the loop thread, which waits for the coroutine.
        String[] seen = new String[2];
        runBounded(coroutine(mechanism, () -> {
            Thread child = Thread.ofVirtual().start(() -> {
                Thread grandchild = Thread.ofVirtual().start(() -> seen[1] = "grandchild ran");
                seen[0] = "child ran";
                joinQuietly(grandchild);
            });
            child.join();
            return null;
        }));
        assertArrayEquals(new String[] {"child ran", "grandchild ran"}, seen);
    }

    @ParameterizedTest
    @EnumSource(CoroutineMechanism.class)
    void aCoroutineMakesABlockingConnection(CoroutineMechanism mechanism) throws Exception {
        // A blocking connect on a virtual thread may start the JDK's poller threads, from the caller.
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertEquals(Boolean.TRUE, runBounded(coroutine(mechanism, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(listener.getLocalSocketAddress());
                    return socket.isConnected();
                }
            })));
        }
    }

    /** Runs {@code coroutine} as a task on a thread of its own, failing if it does not end in time. */
    private <T> T runBounded(Coroutine<T> coroutine) throws InterruptedException {
        Object[] outcome = new Object[1];
        Thread runner = Thread.ofPlatform().daemon().start(() -> {
            try {
                outcome[0] = loop.runUntilComplete(loop.createTask(coroutine));
            } catch (Throwable t) {
                outcome[0] = t;
            }
        });
        if (!runner.join(WAIT)) {
            loop.callSoonThreadsafe(loop::stop);
            fail("the coroutine did not finish within " + WAIT);
        }
        if (outcome[0] instanceof Throwable t) {
            throw new AssertionError("the coroutine failed", t);
        }
        @SuppressWarnings("unchecked")
        T result = (T) outcome[0];
        return result;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Coroutine<T> coroutine(CoroutineMechanism mechanism, CoroutineBody<T> body) {
        return new ThreadCoroutine<>(body, mechanism);
    }

    private static void spin() {
        for (int i = 0; i < 100; i++) {
            Thread.onSpinWait();
        }
    }
}
