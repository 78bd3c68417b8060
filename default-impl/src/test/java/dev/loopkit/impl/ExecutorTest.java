package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorTest extends LoopTestSupport {

    @Test
    void closeLeavesNoExecutorThreadBehind() throws Exception {
        Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
        assertTrue(worker.isAlive(), "the pool keeps its worker between calls");
        loop.close();
        assertTrue(worker.join(WAIT), "the default executor's thread outlived close()");
    }

    @Test
    void cancellingTheFutureCancelsWorkNotStarted() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try {
            loop.runInExecutor(single, () -> release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            Future<Boolean> queued = loop.runInExecutor(single, () -> secondRan.getAndSet(true));
            queued.cancel();
            runOnce(loop);
            release.countDown();
        } finally {
            single.shutdown();
            assertTrue(single.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(!secondRan.get(), "cancelled work ran");
    }

}
