package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskTest extends LoopTestSupport {

    @Test
    void aTaskStartsOnTheNextIteration() {
        List<String> ran = new ArrayList<>();
        Task<Void> task = loop.createTask(Coroutines.of(() -> {
            ran.add("body");
            return null;
        }));
        assertEquals(List.of(), ran);
        assertFalse(task.done());
        loop.runUntilComplete(task);
        assertEquals(List.of("body"), ran);
    }

    @Test
    void cancelPropagatesIntoTheAwaitedFuture() {
        Future<String> awaited = loop.createFuture();
        AtomicReference<Throwable> inside = new AtomicReference<>();
        Task<String> task = loop.createTask(Coroutines.of(() -> {
            try {
                return Async.await(awaited);
            } catch (CancelledException e) {
                inside.set(e);
                throw e;
            }
        }));
        runOnce(loop);
        assertTrue(task.cancel("shutting down"));
        assertTrue(awaited.cancelled(), "the awaited future was not cancelled");
        assertEquals(1, task.cancelling());
        CancelledException outside = assertThrows(CancelledException.class, () -> loop.runUntilComplete(task));
        assertEquals("shutting down", outside.getMessage());
        assertEquals("shutting down", inside.get().getMessage());
        assertTrue(task.cancelled());
        assertFalse(task.cancel(), "a done task cannot be cancelled");
    }

    @Test
    void aCoroutineMayCatchCancellationAndGoOn() {
        Future<String> awaited = loop.createFuture();
        Task<String> task = loop.createTask(Coroutines.of(() -> {
            try {
                return Async.await(awaited);
            } catch (CancelledException e) {
                Task<?> self = Tasks.currentTask().orElseThrow();
                assertEquals(0, self.uncancel());
                return "recovered from " + e.getMessage();
            }
        }));
        runOnce(loop);
        task.cancel("stop");
        assertEquals("recovered from stop", loop.runUntilComplete(task));
        assertFalse(task.cancelled());
        assertEquals(0, task.cancelling());
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsBody() {
        List<String> ran = new ArrayList<>();
        Task<Void> task = loop.createTask(Coroutines.of(() -> {
            ran.add("body");
            return null;
        }));
        task.cancel("too early");
        assertEquals("too early", assertThrows(CancelledException.class, () -> loop.runUntilComplete(task)).getMessage());
        assertEquals(List.of(), ran);
    }

    @Test
    void uncancelWithdrawsAPendingCancellation() {
        Task<String> task = loop.createTask(Coroutines.of(() -> "ran"));
        task.cancel();
        task.cancel();
        assertEquals(2, task.cancelling());
        assertEquals(1, task.uncancel());
        assertEquals(0, task.uncancel());
        assertEquals(0, task.uncancel());
        assertEquals("ran", loop.runUntilComplete(task));
    }

    @Test
    void namesDefaultToTaskN() {
        Task<Integer> first = loop.createTask(Coroutines.of(() -> 1));
        Task<Integer> second = loop.createTask(Coroutines.of(() -> 2));
        assertTrue(first.getName().matches("Task-\\d+"), first.getName());
        long a = Long.parseLong(first.getName().substring(5));
        assertEquals("Task-" + (a + 1), second.getName());
        second.setName("renamed");
        assertEquals("renamed", second.getName());
        assertEquals("given", loop.createTask(Coroutines.of(() -> 3), "given", "ctx").getName());
        runOnce(loop);
    }

    @Test
    void aCoroutineThatAwaitsItsOwnTaskFailsClearly() {
        AtomicReference<Task<?>> self = new AtomicReference<>();
        Task<Object> task = loop.createTask(Coroutines.of(() -> Async.await(self.get())));
        self.set(task);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task));
        assertTrue(e.getMessage().startsWith("Task cannot await on itself"), e.getMessage());
    }

    @Test
    void awaitingAFutureOfAnotherLoopFailsClearly() {
        try (SelectorEventLoop other = new SelectorEventLoop()) {
            Future<String> foreign = other.createFuture();
            Task<String> task = loop.createTask(Coroutines.of(() -> Async.await(foreign)));
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(task));
            assertTrue(e.getMessage().endsWith("attached to a different loop"), e.getMessage());
        }
    }

    @Test
    void exceptionsOfTheCoroutineBecomeTheTasks() {
        Task<Object> task = loop.createTask(Coroutines.of(() -> {
            throw new java.io.IOException("read failed");
        }));
        assertThrows(Exception.class, () -> loop.runUntilComplete(task));
        assertInstanceOf(java.io.IOException.class, task.exception());
    }

    @Test
    void setResultAndSetExceptionAreNotForTasks() {
        Task<Integer> task = loop.createTask(Coroutines.of(() -> 1));
        assertThrows(UnsupportedOperationException.class, () -> task.setResult(2));
        assertThrows(UnsupportedOperationException.class, () -> task.setException(new RuntimeException()));
        loop.runUntilComplete(task);
    }

    @Test
    void allTasksListsPendingTasksUntilTheyAreDone() {
        Future<Void> gate = loop.createFuture();
        Task<Void> waiting = loop.createTask(Coroutines.of(() -> Async.await(gate)));
        Task<Void> quick = loop.createTask(Coroutines.of(() -> null));
        assertEquals(Set.of(waiting, quick), Tasks.allTasks(loop));
        runOnce(loop);
        assertTrue(quick.done());
        assertEquals(Set.of(waiting), Tasks.allTasks(loop));
        gate.setResult(null);
        loop.runUntilComplete(waiting);
        assertEquals(Set.of(), Tasks.allTasks(loop));
    }

    @Test
    void currentTaskIsSetDuringEachStepOnly() {
        List<Optional<Task<?>>> seen = new ArrayList<>();
        Future<Void> gate = loop.createFuture();
        Task<Void> task = loop.createTask(Coroutines.of(() -> {
            seen.add(Tasks.currentTask());
            Async.await(gate);
            seen.add(Tasks.currentTask(loop));
            return null;
        }));
        loop.callSoon(() -> seen.add(Tasks.currentTask()));
        loop.callLater(Duration.ofMillis(1), () -> gate.setResult(null));
        loop.runUntilComplete(task);
        assertEquals(List.of(Optional.of(task), Optional.empty(), Optional.of(task)), seen);
        assertEquals(Optional.empty(), Tasks.currentTask(loop));
    }

    @Test
    void tasksAwaitEachOtherAndTheirResults() {
        Task<Integer> inner = loop.createTask(Coroutines.of(() -> {
            Async.await(sleep(loop, Duration.ofMillis(2)));
            return 20;
        }));
        Task<Integer> outer = loop.createTask(Coroutines.of(() -> Async.await(inner) + 22));
        assertEquals(42, loop.runUntilComplete(outer));
        assertSame(loop, outer.getLoop());
    }
}
