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
package dev.loopkit.toolkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridges to java.util.concurrent, driven from a plain thread beside a running loop. */
class FuturesTest {

    private static final long BOUND_SECONDS = 30;

    private EventLoop loop;
    private Thread loopThread;

    @BeforeEach
    void startLoop() {
        loop = Loops.newEventLoop();
        loopThread = Thread.ofPlatform().name("futures-test-loop").start(loop::runForever);
    }

    @AfterEach
    void stopLoop() throws InterruptedException {
        loop.callSoonThreadsafe(loop::stop);
        assertTrue(loopThread.join(Duration.ofSeconds(BOUND_SECONDS)), "the loop did not stop");
        loop.close();
    }

    @Test
    void aPlainThreadRunsACoroutineOnTheLoopAndGetsItsResult() throws Exception {
        CompletableFuture<String> outcome = Futures.runCoroutineThreadsafe(Coroutines.of(
                () -> Asyncio.sleep(Duration.ofMillis(5), "from the loop on " + Thread.currentThread().isVirtual())),
                loop);
        assertTrue(outcome.get(BOUND_SECONDS, TimeUnit.SECONDS).startsWith("from the loop"));
    }

    @Test
    void aCompletableFutureRoundTripThroughACoroutine() throws Exception {
        CompletableFuture<Integer> input = new CompletableFuture<>();
        CompletableFuture<Integer> doubled = Futures.runCoroutineThreadsafe(Coroutines.of(
                () -> 2 * Async.await(Futures.wrapFuture(input, EventLoops.getRunningLoop()))), loop);
        input.complete(21);
        assertEquals(42, doubled.get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void cancellingTheCompletableFutureCancelsTheTask() throws Exception {
        CompletableFuture<String> seen = new CompletableFuture<>();
        CompletableFuture<String> started = new CompletableFuture<>();
        CompletableFuture<String> outcome = Futures.runCoroutineThreadsafe(Coroutines.of(() -> {
            try {
                started.complete("started");
                return Asyncio.sleep(Duration.ofDays(1), "never");
            } catch (CancelledException cancelled) {
                seen.complete("cancelled");
                throw cancelled;
            }
        }), loop);
        started.get(BOUND_SECONDS, TimeUnit.SECONDS);
        outcome.cancel(true);
        assertEquals("cancelled", seen.get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aCancelledLoopFutureCancelsItsFollowerAndBack() throws Exception {
        Future<String> first = onLoop(() -> loop.createFuture());
        CompletableFuture<String> follower = Futures.toCompletableFuture(first);
        loop.callSoonThreadsafe(first::cancel);
        assertThrows(CancellationException.class, () -> follower.get(BOUND_SECONDS, TimeUnit.SECONDS));

        Future<String> second = onLoop(() -> loop.createFuture());
        Futures.toCompletableFuture(second).cancel(true);
        // The cancel went to the loop through callSoonThreadsafe, so this check runs after it.
        assertTrue(onLoop(second::cancelled), "the loop future was not cancelled with its follower");
    }

    @Test
    void blockWaitsOnAPlainThreadAndRefusesOnTheLoopsOwn() throws Exception {
        Future<String> future = onLoop(() -> loop.createFuture());
        loop.callSoonThreadsafe(() -> future.setResult("ready"));
        assertEquals("ready", Futures.block(future));
        IllegalStateException refused = onLoop(() -> assertThrows(IllegalStateException.class,
                () -> Futures.block(loop.createFuture())));
        assertTrue(refused.getMessage().contains("use Async.await"), refused.getMessage());
    }

    @Test
    void aPlainJavaFutureIsWaitedForOffTheLoop() throws Exception {
        FutureTask<String> plain = new FutureTask<>(() -> "plain");
        CompletableFuture<String> outcome = Futures.runCoroutineThreadsafe(Coroutines.of(
                () -> Async.await(Futures.wrapFuture(plain, EventLoops.getRunningLoop()))), loop);
        Thread.ofPlatform().start(plain);
        assertEquals("plain", outcome.get(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void toThreadRunsTheBlockingCallElsewhereAndTheLoopIsAnExecutor() throws Exception {
        Thread[] threads = Futures.runCoroutineThreadsafe(Coroutines.of(() -> {
            Thread caller = Thread.currentThread();
            return new Thread[] {caller, Futures.toThread(Thread::currentThread)};
        }), loop).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertNotSame(threads[0], threads[1], "toThread ran the call on the coroutine's own thread");
        Thread ranOn = CompletableFuture.supplyAsync(Thread::currentThread, Futures.asExecutor(loop))
                .get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertSame(loopThread, ranOn);
    }

    /** Runs {@code action} on the loop's thread and returns its result. */
    private <T> T onLoop(ThrowingSupplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(BOUND_SECONDS, TimeUnit.SECONDS);
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
