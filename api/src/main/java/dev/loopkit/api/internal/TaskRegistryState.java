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
package dev.loopkit.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Task;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * The task registry of the whole process (asyncio's {@code _scheduled_tasks} and
 * {@code _current_tasks}). Written through the SPI's {@code TaskRegistry}; read by
 * {@code Tasks.allTasks} and {@code Tasks.currentTask}.
 *
 * <p>Thread-safe: tasks of different loops on different threads register concurrently. Tasks
 * are compared by identity (tasks do not override {@code equals}).
 */
@API(status = INTERNAL, since = "0.1")
public final class TaskRegistryState {

    /**
     * Weak, as asyncio's {@code WeakSet}: a task that nothing else references any more (its loop
     * was closed while it waited, say) must not be kept alive by the registry. Guarded by itself.
     */
    private static final Set<Task<?>> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());
    private static final Map<EventLoop, Task<?>> CURRENT = new ConcurrentHashMap<>();

    private TaskRegistryState() {
    }

    /**
     * Adds {@code task} to the registered tasks.
     *
     * @param task the task; never null
     */
    public static void register(Task<?> task) {
        Objects.requireNonNull(task, "task");
        synchronized (REGISTERED) {
            REGISTERED.add(task);
        }
    }

    /**
     * Removes {@code task} from the registered tasks; unknown tasks are ignored.
     *
     * @param task the task; never null
     */
    public static void unregister(Task<?> task) {
        Objects.requireNonNull(task, "task");
        synchronized (REGISTERED) {
            REGISTERED.remove(task);
        }
    }

    /**
     * {@return true if {@code task} is registered, done or not}
     *
     * @param task the task
     */
    public static boolean isRegistered(Task<?> task) {
        synchronized (REGISTERED) {
            return REGISTERED.contains(task);
        }
    }

    /**
     * Makes {@code task} the current task of {@code loop}.
     *
     * @param loop the loop; never null
     * @param task the task; never null
     * @throws IllegalStateException if another task is current on that loop
     */
    public static void enter(EventLoop loop, Task<?> task) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(task, "task");
        Task<?> current = CURRENT.putIfAbsent(loop, task);
        if (current != null) {
            throw new IllegalStateException("Cannot enter into task " + task
                    + " while another task " + current + " is being executed.");
        }
    }

    /**
     * Clears {@code task} as the current task of {@code loop}.
     *
     * @param loop the loop; never null
     * @param task the task; never null
     * @throws IllegalStateException if {@code task} is not the current task of that loop
     */
    public static void leave(EventLoop loop, Task<?> task) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(task, "task");
        if (!CURRENT.remove(loop, task)) {
            throw new IllegalStateException("Leaving task " + task
                    + " does not match the current task " + CURRENT.get(loop) + ".");
        }
    }

    /**
     * Makes {@code task} (or, with null, no task) the current task of {@code loop}, whatever was
     * current.
     *
     * @param loop the loop; never null
     * @param task the new current task, or null for none
     * @return the task that was current, or null
     */
    public static Task<?> swap(EventLoop loop, Task<?> task) {
        Objects.requireNonNull(loop, "loop");
        return task == null ? CURRENT.remove(loop) : CURRENT.put(loop, task);
    }

    /**
     * {@return the current task of {@code loop}, or null}
     *
     * @param loop the loop; never null
     */
    public static Task<?> current(EventLoop loop) {
        return CURRENT.get(Objects.requireNonNull(loop, "loop"));
    }

    /**
     * {@return a snapshot of the registered tasks of {@code loop} that are not done}
     *
     * @param loop the loop; never null
     */
    public static Set<Task<?>> pending(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        Set<Task<?>> result = new LinkedHashSet<>();
        synchronized (REGISTERED) {
            for (Task<?> task : REGISTERED) {
                if (task.getLoop() == loop) {
                    result.add(task);
                }
            }
        }
        // done() is read outside the lock: it is the task's own (loop-thread) state.
        result.removeIf(Task::done);
        return result;
    }
}
