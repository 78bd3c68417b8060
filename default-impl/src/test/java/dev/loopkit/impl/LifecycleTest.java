package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LifecycleTest extends LoopTestSupport {

    @Test
    void runningAClosedLoopFails() {
        loop.close();
        assertMessage("Event loop is closed", () -> loop.runForever());
        assertMessage("Event loop is closed", () -> loop.runUntilComplete(Coroutines.of(() -> 1)));
    }

    @Test
    void reentrantRunFailsInsideTheRunningLoop() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        loop.callSoon(() -> failure.set(catching(() -> loop.runForever())));
        runOnce(loop);
        assertEquals("This event loop is already running", failure.get().getMessage());
    }

    @Test
    void aSecondLoopCannotRunOnTheSameThread() {
        try (SelectorEventLoop other = new SelectorEventLoop()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            loop.callSoon(() -> failure.set(catching(() -> other.runForever())));
            runOnce(loop);
            assertEquals("Cannot run the event loop while another loop is running", failure.get().getMessage());
            assertFalse(other.isRunning());
        }
    }

    @Test
    void stopBeforeRunRunsOneIterationThenStops() {
        List<String> ran = new ArrayList<>();
        loop.stop();
        loop.callSoon(() -> {
            ran.add("first");
            loop.callSoon(() -> ran.add("next iteration"));
        });
        loop.runForever();
        assertEquals(List.of("first"), ran);
        assertFalse(loop.isRunning());
        runOnce(loop);
        assertEquals(List.of("first", "next iteration"), ran);
    }

    @Test
    void stopFromACallbackFinishesTheCurrentBatch() {
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            ran.add("a");
            loop.stop();
            loop.callSoon(() -> ran.add("scheduled during the batch"));
        });
        loop.callSoon(() -> ran.add("b"));
        loop.runForever();
        assertEquals(List.of("a", "b"), ran);
    }

    @Test
    void closeWhileRunningFails() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        loop.callSoon(() -> failure.set(catching(() -> loop.close())));
        runOnce(loop);
        assertEquals("Cannot close a running event loop", failure.get().getMessage());
        assertFalse(loop.isClosed());
    }

    @Test
    void closeTwiceIsANoOpAndReleasesTheSelector() {
        assertTrue(loop.selectorOpen());
        loop.close();
        loop.close();
        assertTrue(loop.isClosed());
        assertFalse(loop.selectorOpen());
    }

    @Test
    void everySchedulingCallOnAClosedLoopFails() {
        Future<Object> future = loop.createFuture();
        loop.close();
        Runnable noop = () -> { };
        assertMessage("Event loop is closed", () -> loop.callSoon(noop));
        assertMessage("Event loop is closed", () -> loop.callSoonThreadsafe(noop));
        assertMessage("Event loop is closed", () -> loop.callLater(Duration.ofMillis(1), noop));
        assertMessage("Event loop is closed", () -> loop.callAt(loop.time(), noop));
        assertMessage("Event loop is closed", () -> loop.createTask(Coroutines.of(() -> 1)));
        assertMessage("Event loop is closed", () -> loop.runInExecutor(null, () -> 1));
        assertMessage("Event loop is closed", () -> loop.runUntilComplete(future));
    }

    @Test
    void runningLoopIsVisibleOnlyWhileItRuns() {
        assertMessage("no running event loop", EventLoops::getRunningLoop);
        AtomicReference<EventLoop> seen = new AtomicReference<>();
        AtomicReference<Boolean> running = new AtomicReference<>();
        loop.callSoon(() -> {
            seen.set(EventLoops.getRunningLoop());
            running.set(loop.isRunning());
        });
        runOnce(loop);
        assertSame(loop, seen.get());
        assertTrue(running.get());
        assertFalse(loop.isRunning());
        assertTrue(EventLoops.findRunningLoop().isEmpty());
    }

    @Test
    void runUntilCompleteReturnsTheResultAndStops() {
        Future<String> future = loop.createFuture();
        loop.callLater(Duration.ofMillis(5), () -> future.setResult("done"));
        assertEquals("done", loop.runUntilComplete(future));
        assertFalse(loop.isRunning());
    }

    @Test
    void runUntilCompleteFailsWhenStoppedEarly() {
        Future<String> never = loop.createFuture();
        loop.callSoon(loop::stop);
        assertMessage("Event loop stopped before Future completed.", () -> loop.runUntilComplete(never));
    }

    @Test
    void runUntilCompleteRejectsAFutureOfAnotherLoop() {
        try (SelectorEventLoop other = new SelectorEventLoop()) {
            Future<String> foreign = other.createFuture();
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> loop.runUntilComplete(foreign));
            assertTrue(e.getMessage().contains("different loop"), e.getMessage());
        }
    }

    @Test
    void runUntilCompleteRemovesItsStopCallback() {
        Future<String> never = loop.createFuture();
        loop.callSoon(loop::stop);
        assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(never));
        // A stale stop callback would fire when the future completes and cut the next run short.
        never.setResult("late");
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> loop.callSoon(() -> loop.callSoon(() -> {
            ran.add("third iteration");
            loop.stop();
        })));
        loop.runForever();
        assertEquals(List.of("third iteration"), ran);
    }

    @Test
    void anInterruptStopsTheLoopAndStaysSet() {
        List<String> ran = new ArrayList<>();
        loop.callSoon(() -> {
            ran.add("interrupting");
            Thread.currentThread().interrupt();
        });
        loop.callLater(Duration.ofHours(1), () -> ran.add("never"));
        loop.runForever();
        assertTrue(Thread.interrupted(), "the interrupt status was swallowed");
        assertEquals(List.of("interrupting"), ran);
        assertFalse(loop.isRunning());
    }

    static Throwable catching(Executable call) {
        try {
            call.execute();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    static void assertMessage(String message, Executable call) {
        IllegalStateException e = assertThrows(IllegalStateException.class, call);
        assertEquals(message, e.getMessage());
    }
}
