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
package dev.loopkit.benchmarks;

import dev.loopkit.api.Async;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;

/**
 * {@code n} tasks, each parked awaiting a future of its own (asyncio's idle connection handler,
 * in miniature), then resumed and finished.
 */
final class ParkedTasks {

    private final EventLoop loop;
    private final Future<?>[] futures;
    private final Task<?>[] tasks;

    private ParkedTasks(EventLoop loop, int n) {
        this.loop = loop;
        this.futures = new Future<?>[n];
        this.tasks = new Task<?>[n];
    }

    /** Spawns {@code n} tasks on {@code loop} and runs it until every one is parked on its future. */
    static ParkedTasks spawn(EventLoop loop, int n) {
        ParkedTasks parked = new ParkedTasks(loop, n);
        for (int i = 0; i < n; i++) {
            Future<Void> future = loop.createFuture();
            parked.futures[i] = future;
            parked.tasks[i] = loop.createTask(new ThreadCoroutine<>(() -> Async.await(future),
                    CoroutineMechanism.INLINE));
        }
        // The tasks' first steps were queued before this callback: once it has run, all are parked.
        Future<Void> started = loop.createFuture();
        loop.callSoon(() -> started.setResult(null));
        loop.runUntilComplete(started);
        for (Task<?> task : parked.tasks) {
            if (task.done()) {
                throw new IllegalStateException(task + " finished before its future was resolved");
            }
        }
        return parked;
    }

    /** Resolves every future and runs the loop until every task has finished. */
    void resumeAndFinish() {
        for (Future<?> future : futures) {
            future.setResult(null);
        }
        // The tasks wake in the order their futures were resolved: the last one finishes last.
        loop.runUntilComplete(tasks[tasks.length - 1]);
        for (Task<?> task : tasks) {
            if (!task.done()) {
                throw new IllegalStateException(task + " is still parked after every future was resolved");
            }
        }
    }
}
