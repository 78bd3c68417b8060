package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.spi.BuiltinTask;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorTest extends LoopTestSupport {

    @Test
    void runInExecutorCompletesOnTheLoopThread() {
        Thread loopThread = Thread.currentThread();
        Future<String> future = loop.runInExecutor(null, () -> Thread.currentThread().getName());
        Thread[] completedOn = new Thread[1];
        future.addDoneCallback(f -> completedOn[0] = Thread.currentThread());
        String workerName = loop.runUntilComplete(future);
        runOnce(loop);
        assertTrue(workerName.startsWith("loopkit-executor-"), workerName);
        assertSame(loopThread, completedOn[0]);
    }

    @Test
    void failuresArriveUnwrapped() {
        Future<String> future = loop.runInExecutor(null, () -> {
            throw new IOException("disk");
        });
        Throwable failure = assertThrows(Throwable.class, () -> loop.runUntilComplete(future));
        assertInstanceOf(IOException.class, failure.getCause());
        assertInstanceOf(IOException.class, future.exception());
        assertEquals("disk", future.exception().getMessage());
    }

    @Test
    void aCustomDefaultExecutorIsUsedAndShutDownOnClose() {
        ExecutorService custom = Executors.newSingleThreadExecutor(r -> new Thread(r, "custom-worker"));
        loop.setDefaultExecutor(custom);
        assertEquals("custom-worker", loop.runUntilComplete(
                loop.runInExecutor(null, () -> Thread.currentThread().getName())));
        loop.close();
        assertTrue(custom.isShutdown());
    }

    @Test
    void anExplicitExecutorIsUsedAndLeftAlone() throws Exception {
        ExecutorService mine = Executors.newSingleThreadExecutor(r -> new Thread(r, "mine"));
        try {
            assertEquals("mine", loop.runUntilComplete(loop.runInExecutor(mine, () -> Thread.currentThread().getName())));
            loop.close();
            assertTrue(!mine.isShutdown());
        } finally {
            mine.shutdown();
            assertTrue(mine.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
    }

    @Test
    void shutdownDefaultExecutorWaitsThenRefusesTheDefaultExecutor() {
        ExecutorService custom = Executors.newSingleThreadExecutor();
        loop.setDefaultExecutor(custom);
        loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
        loop.runUntilComplete(loop.shutdownDefaultExecutor());
        assertTrue(custom.isTerminated());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
        assertTrue(e.getMessage().startsWith("Executor shutdown has been called"), e.getMessage());
    }

    @Test
    void closeLeavesNoExecutorThreadBehind() throws Exception {
        Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
        assertTrue(worker.isAlive(), "the pool keeps its worker between calls");
        loop.close();
        assertTrue(worker.join(WAIT), "the default executor's thread outlived close()");
    }

    @Test
    void shutdownWithoutADefaultExecutorIsDoneAtOnce() {
        assertTrue(loop.shutdownDefaultExecutor().done());
    }

    @Test
    void afterCloseTheDefaultExecutorIsGone() {
        loop.runUntilComplete(loop.runInExecutor(null, () -> 1));
        loop.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runInExecutor(null, () -> 1));
        assertEquals("Event loop is closed", e.getMessage());
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

    @Test
    void theTaskFactoryCreatesTasks() {
        class NamedTask<T> extends BuiltinTask<T> {
            NamedTask(dev.loopkit.api.Coroutine<T> coro, dev.loopkit.api.EventLoop loop, String name) {
                super(coro, loop, "custom-" + name, null);
            }
        }
        loop.setTaskFactory((l, coro, name, context) -> new NamedTask<>(coro, l, name));
        Task<Integer> task = loop.createTask(Coroutines.of(() -> 42), "x", null);
        assertInstanceOf(NamedTask.class, task);
        assertEquals("custom-x", task.getName());
        assertEquals(42, loop.runUntilComplete(task));
        loop.setTaskFactory(null);
        assertInstanceOf(BuiltinTask.class, loop.createTask(Coroutines.of(() -> 1)));
        runOnce(loop);
    }
}
