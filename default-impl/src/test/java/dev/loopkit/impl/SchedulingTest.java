package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Handle;
import dev.loopkit.api.TimerHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SchedulingTest extends LoopTestSupport {

    @Test
    void callSoonRunsInFifoOrder() {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int n = i;
            loop.callSoon(() -> ran.add(n));
        }
        runOnce(loop);
        assertEquals(IntStream.range(0, 1000).boxed().toList(), ran);
    }

    @Test
    void timersRunByTimeThenBySchedulingOrder() {
        List<String> ran = new ArrayList<>();
        long base = loop.time() + Duration.ofMillis(20).toNanos();
        loop.callAt(base + 2_000_000, () -> ran.add("third"));
        loop.callAt(base, () -> ran.add("first-a"));
        loop.callAt(base + 1_000_000, () -> ran.add("second"));
        loop.callAt(base, () -> ran.add("first-b"));
        loop.callAt(base + 2_000_000, () -> {
            ran.add("fourth");
            loop.stop();
        });
        loop.runForever();
        assertEquals(List.of("first-a", "first-b", "second", "third", "fourth"), ran);
    }

    @Test
    void callLaterNeverRunsEarly() {
        long[] ranAt = new long[1];
        TimerHandle handle = loop.callLater(Duration.ofMillis(15), () -> {
            ranAt[0] = loop.time();
            loop.stop();
        });
        loop.runForever();
        assertTrue(ranAt[0] >= handle.when(), "ran at " + ranAt[0] + " before " + handle.when());
    }

    @Test
    void cancelledHandlesNeverRun() {
        List<String> ran = new ArrayList<>();
        Handle soon = loop.callSoon(() -> ran.add("soon"));
        TimerHandle later = loop.callLater(Duration.ofMillis(1), () -> ran.add("later"));
        soon.cancel();
        later.cancel();
        loop.callLater(Duration.ofMillis(5), loop::stop);
        loop.runForever();
        assertEquals(List.of(), ran);
        assertTrue(soon.cancelled());
        assertTrue(later.cancelled());
    }

    @Test
    void aCallbackCanCancelOneLaterInTheSameBatch() {
        List<String> ran = new ArrayList<>();
        Handle[] victim = new Handle[1];
        loop.callSoon(() -> victim[0].cancel());
        victim[0] = loop.callSoon(() -> ran.add("victim"));
        runOnce(loop);
        assertEquals(List.of(), ran);
    }

    @Test
    void timeIsMonotonic() {
        long previous = loop.time();
        for (int i = 0; i < 10_000; i++) {
            long now = loop.time();
            assertTrue(now >= previous);
            previous = now;
        }
    }

    @Test
    void callSoonThreadsafeFromEightThreadsLosesNothing() throws Exception {
        int threads = 8;
        int perThread = 100_000;
        byte[] runs = new byte[threads * perThread];
        int[] total = {0};
        ExecutorService producers = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch loopRunning = new CountDownLatch(1);
            loop.callSoon(loopRunning::countDown);
            for (int t = 0; t < threads; t++) {
                int offset = t * perThread;
                producers.execute(() -> {
                    awaitLatch(loopRunning);
                    for (int i = 0; i < perThread; i++) {
                        int slot = offset + i;
                        loop.callSoonThreadsafe(() -> {
                            runs[slot]++;
                            if (++total[0] == runs.length) {
                                loop.stop();
                            }
                        });
                    }
                });
            }
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> loop.runForever());
        } finally {
            producers.shutdown();
            assertTrue(producers.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        for (int i = 0; i < runs.length; i++) {
            assertEquals(1, runs[i], "callback " + i + " ran " + runs[i] + " times");
        }
    }

    @Test
    void callSoonThreadsafeWakesASleepingLoop() {
        // With no timer and nothing ready the loop waits without a timeout: only wakeup() can end
        // each of these rounds, so a missing wakeup hangs the test until the bound below.
        int rounds = 200;
        Semaphore turns = new Semaphore(0);
        int[] seen = {0};
        Thread producer = Thread.ofPlatform().name("producer").start(() -> {
            for (int i = 0; i < rounds; i++) {
                turns.acquireUninterruptibly();
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
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> loop.runForever());
        assertEquals(rounds, seen[0]);
        assertTimeoutPreemptively(WAIT, () -> producer.join());
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("loop did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
