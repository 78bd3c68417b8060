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

import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;

/**
 * What {@link BaseEventLoop#close()} does with the tasks still pending on it. asyncio reports such
 * a task when the collector takes it ("Task was destroyed but it is pending!") and closes its
 * coroutine. A suspended loopkit coroutine is a parked virtual thread, which the JDK keeps
 * reachable (unless {@code -Djdk.trackAllThreads=false}), and its stack keeps the task: it would
 * never be collected, and every closed loop would leave its parked threads behind. So close() does
 * what the collector would: report each task, close its coroutine (a suspended one is unwound, its
 * {@code finally} blocks run; one that never started never runs) and take it out of the registry.
 */
final class AbandonedTasks {

    /** asyncio's message, which the TCK pins. */
    static final String MESSAGE = "Task was destroyed but it is pending!";

    private AbandonedTasks() {
    }

    /** Destroys the pending tasks of {@code loop}, which is closing and not running. */
    static void destroy(EventLoop loop) {
        for (Task<?> task : Tasks.allTasks(loop)) {
            loop.callExceptionHandler(ExceptionContext.ofFuture(MESSAGE, null, task));
            Coroutine<?> coroutine = task.getCoro();
            try {
                if (coroutine != null) {
                    coroutine.close();
                }
            } catch (Throwable failure) {
                CallbackFailures.rethrowIfFatal(failure);
                loop.callExceptionHandler(ExceptionContext.ofFuture("Exception in closing the coroutine of a destroyed"
                        + " task", failure, task));
            }
            TaskRegistry.unregisterTask(task);
        }
    }
}
