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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import dev.loopkit.policy.Loops;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** TaskGroup against asyncio 3.11's: who gets cancelled, which failures arrive, what stays a cancellation. */
class TaskGroupTest {

    @Test
    void theGroupWaitsForEveryTaskAndReturnsTheBodysResult() {
        List<String> log = Loops.run(() -> {
            List<String> seen = new ArrayList<>();
            String body = TaskGroup.run(group -> {
                group.createTask(Coroutines.of(() -> seen.add(Asyncio.sleep(Duration.ofMillis(10), "slow"))));
                group.createTask(Coroutines.of(() -> seen.add(Asyncio.sleep(Duration.ZERO, "fast"))));
                return "body";
            });
            seen.add(body);
            return seen;
        });
        assertEquals(List.of("fast", "slow", "body"), log);
    }

    @Test
    void theFirstFailureCancelsTheSiblingsAndTheBodyAndArrivesInTheGroup() {
        List<String> log = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> Loops.run(() -> {
            try {
                return TaskGroup.run(group -> {
                    group.createTask(Coroutines.of(() -> {
                        Asyncio.sleep(Duration.ZERO);
                        throw boom;
                    }));
                    group.createTask(cancellable("sibling", log));
                    return null;
                });
            } finally {
                log.add("cancelling after the group: " + Tasks.currentTask().orElseThrow().cancelling());
            }
        }));
        assertEquals(List.of(boom), e.exceptions());
        assertSame(boom, e.getSuppressed()[0]);
        assertEquals(List.of("sibling cancelled", "cancelling after the group: 0"), log);
    }

    @Test
    void theBodyIsCancelledWhereItAwaits() {
        List<String> log = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("boom");
        assertThrows(TaskGroupException.class, () -> Loops.run(() -> TaskGroup.run(group -> {
            group.createTask(Coroutines.of(() -> {
                throw boom;
            }));
            try {
                return Asyncio.sleep(Duration.ofDays(1), "never");
            } catch (CancelledException cancelled) {
                log.add("body cancelled");
                throw cancelled;
            }
        })));
        assertEquals(List.of("body cancelled"), log);
    }

    @Test
    void everyFailureIsKeptTheCleanupsToo() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalArgumentException cleanup = new IllegalArgumentException("cleanup");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> Loops.run(() -> TaskGroup.run(group -> {
            group.createTask(Coroutines.of(() -> {
                try {
                    return Asyncio.sleep(Duration.ofDays(1), "never");
                } catch (CancelledException cancelled) {
                    throw cleanup;
                }
            }));
            group.createTask(Coroutines.of(() -> {
                Asyncio.sleep(Duration.ZERO);
                throw first;
            }));
            return null;
        })));
        assertEquals(List.of(first, cleanup), e.exceptions());
    }

    @Test
    void aFailingBodyCancelsTheTasksAndIsInTheGroup() {
        List<String> log = new ArrayList<>();
        IllegalStateException boom = new IllegalStateException("body failed");
        TaskGroupException e = assertThrows(TaskGroupException.class, () -> Loops.run(() -> TaskGroup.run(group -> {
            group.createTask(cancellable("task", log));
            Asyncio.sleep(Duration.ZERO);
            throw boom;
        })));
        assertEquals(List.of(boom), e.exceptions());
        assertEquals(List.of("task cancelled"), log);
    }

    @Test
    void aCancellationFromOutsideCancelsTheTasksAndStaysACancellation() {
        List<String> log = new ArrayList<>();
        String outcome = Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Task<Object> runner = loop.createTask(Coroutines.of(() -> TaskGroup.run(group -> {
                group.createTask(cancellable("task", log));
                return Asyncio.sleep(Duration.ofDays(1), "never");
            })));
            Asyncio.sleep(Duration.ZERO);
            runner.cancel("from outside");
            CancelledException e = assertThrows(CancelledException.class, () -> Async.await(runner));
            return e.getMessage();
        });
        assertEquals("from outside", outcome);
        assertEquals(List.of("task cancelled"), log);
    }

    @Test
    void aFinishedGroupRefusesNewTasksAndClosesTheirCoroutines() {
        List<String> log = new ArrayList<>();
        AtomicReference<TaskGroup> finished = new AtomicReference<>();
        IllegalStateException e = Loops.run(() -> {
            TaskGroup.run(group -> {
                finished.set(group);
                return null;
            });
            Coroutine<Object> late = Coroutines.of(() -> log.add("ran"));
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> finished.get().createTask(late));
            assertThrows(IllegalStateException.class, () -> late.send(), "the refused coroutine was not closed");
            return refused;
        });
        assertTrue(e.getMessage().contains("is finished"), e.getMessage());
        assertEquals(List.of(), log);
    }

    /** A coroutine that waits for ever and logs "NAME cancelled" when cancelled. */
    private static Coroutine<String> cancellable(String name, List<String> log) {
        return Coroutines.of(() -> {
            try {
                return Asyncio.sleep(Duration.ofDays(1), "never");
            } catch (CancelledException cancelled) {
                log.add(name + " cancelled");
                throw cancelled;
            }
        });
    }
}
