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
package dev.loopkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

    private final ParkingEventLoop loop = new ParkingEventLoop();

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void theConstructorRegistersAndCompletionUnregisters() {
        Task<Integer> task = new BuiltinTask<>(Coroutines.of(() -> 1), loop, "t", null);
        assertEquals(Set.of(task), Tasks.allTasks(loop));
        assertEquals(Set.of(task), Tasks.allTasks(loop));
        loop.runUntilComplete(task);
        assertEquals(Set.of(), Tasks.allTasks(loop));
    }

    @Test
    void enteringWhileAnotherTaskIsCurrentFails() {
        Task<Integer> first = new BuiltinTask<>(Coroutines.of(() -> 1), loop, "first", null);
        Task<Integer> second = new BuiltinTask<>(Coroutines.of(() -> 2), loop, "second", null);
        TaskRegistry.enterTask(loop, first);
        try {
            assertSame(first, Tasks.currentTask(loop).orElseThrow());
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> TaskRegistry.enterTask(loop, second));
            assertEquals("Cannot enter into task " + second + " while another task " + first + " is being executed.",
                    e.getMessage());
            IllegalStateException leave =
                    assertThrows(IllegalStateException.class, () -> TaskRegistry.leaveTask(loop, second));
            assertEquals("Leaving task " + second + " does not match the current task " + first + ".",
                    leave.getMessage());
        } finally {
            TaskRegistry.leaveTask(loop, first);
        }
        assertTrue(Tasks.currentTask(loop).isEmpty());
        assertTrue(Tasks.currentTask(loop).isEmpty());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> TaskRegistry.leaveTask(loop, first));
        assertEquals("Leaving task " + first + " does not match the current task null.", none.getMessage());
        first.cancel();
        second.cancel();
        loop.stop();
        loop.runForever();
    }

    @Test
    void eachLoopHasItsOwnCurrentTask() {
        try (ParkingEventLoop other = new ParkingEventLoop()) {
            Task<Integer> here = new BuiltinTask<>(Coroutines.of(() -> 1), loop, null, null);
            Task<Integer> there = new BuiltinTask<>(Coroutines.of(() -> 2), other, null, null);
            TaskRegistry.enterTask(loop, here);
            TaskRegistry.enterTask(other, there);
            assertSame(here, Tasks.currentTask(loop).orElseThrow());
            assertSame(there, Tasks.currentTask(other).orElseThrow());
            TaskRegistry.leaveTask(other, there);
            TaskRegistry.leaveTask(loop, here);
            assertEquals(Set.of(there), Tasks.allTasks(other));
        }
    }
}
