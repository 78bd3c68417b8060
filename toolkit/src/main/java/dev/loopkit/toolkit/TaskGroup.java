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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.Async;
import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.Tasks;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Tasks that live and die together (asyncio 3.11's {@code TaskGroup}, step by step as
 * {@code taskgroups.py}). {@link #run} runs a body that starts tasks with {@link #createTask}, then
 * waits for all of them. The first task to fail cancels the others and the body; once everything
 * has ended, every failure (the body's included) is thrown in one {@link TaskGroupException}. A
 * cancellation of the task running the group from outside cancels the group's tasks and goes on
 * as a {@link CancelledException}; the group's own cancellation of that task is taken back
 * ({@code uncancel}), so the two are told apart as asyncio does.
 *
 * <p>Thread-safety: loop thread only, inside the task that runs the group.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class TaskGroup {

    /**
     * The body a group runs.
     *
     * @param <T> what it returns
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Starts the group's tasks (and may await anything).
         *
         * @param group the group, to start tasks in
         * @return the body's result
         * @throws Exception whatever the body throws
         */
        T run(TaskGroup group) throws Exception;
    }

    private final EventLoop loop;
    private final Task<?> parent;
    private final Set<Task<?>> tasks = new LinkedHashSet<>();
    private final List<Throwable> errors = new ArrayList<>();
    private boolean exiting;
    private boolean aborting;
    private boolean parentCancelRequested;
    private Future<Void> onCompleted;

    private TaskGroup(EventLoop loop, Task<?> parent) {
        this.loop = loop;
        this.parent = parent;
    }

    /**
     * Runs {@code body} in a new group, then waits until every task it started has ended.
     *
     * @param body starts the tasks; never null
     * @param <T> what it returns
     * @return what the body returned, once every task ended
     * @throws TaskGroupException if the body or any task failed: all their failures
     * @throws CancelledException if the task running the group was cancelled from outside
     * @throws IllegalStateException outside a task
     * @throws Exception never otherwise: a checked failure of the body arrives in the group
     */
    public static <T> T run(Body<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        EventLoop loop = EventLoops.getRunningLoop();
        Task<?> parent = Tasks.currentTask(loop).orElseThrow(() -> new IllegalStateException(
                "TaskGroup should be used inside a task: run it in a coroutine driven by a task"));
        TaskGroup group = new TaskGroup(loop, parent);
        T result = null;
        Throwable failure = null;
        try {
            result = body.run(group);
        } catch (Throwable t) {
            failure = t;
        }
        group.exit(failure);
        return result;
    }

    /**
     * Starts a task in the group.
     *
     * @param coroutine what the task runs; never null
     * @param <R> its result type
     * @return the task
     * @throws IllegalStateException once the group has finished or is shutting down after a
     *     failure (the coroutine is closed, so it never runs)
     */
    public <R> Task<R> createTask(Coroutine<R> coroutine) {
        return createTask(coroutine, null);
    }

    /**
     * Starts a named task in the group.
     *
     * @param coroutine what the task runs; never null
     * @param name the task's name, or null for the loop's default
     * @param <R> its result type
     * @return the task
     * @throws IllegalStateException once the group has finished or is shutting down after a failure
     */
    public <R> Task<R> createTask(Coroutine<R> coroutine, String name) {
        Objects.requireNonNull(coroutine, "coroutine");
        if ((exiting && tasks.isEmpty()) || aborting) {
            coroutine.close();
            throw new IllegalStateException(this + " is " + (aborting ? "shutting down" : "finished")
                    + ": start tasks while its body runs");
        }
        Task<R> task = loop.createTask(coroutine, name, null);
        if (task.done()) {
            onTaskDone(task);
        } else {
            tasks.add(task);
            task.addDoneCallback(this::onTaskDone);
        }
        return task;
    }

    @Override
    public String toString() {
        return "TaskGroup[tasks=" + tasks.size() + (errors.isEmpty() ? "" : ", errors=" + errors.size())
                + (aborting ? ", cancelling" : "") + (exiting ? ", exiting" : "") + "]";
    }

    private void exit(Throwable failure) throws Exception {
        exiting = true;
        Throwable propagateCancellation = failure instanceof CancelledException ? failure : null;
        if (failure != null && !aborting) {
            abort();
        }
        // A loop: the wait can be cancelled again and again while the parent is being cancelled.
        while (!tasks.isEmpty()) {
            if (onCompleted == null) {
                onCompleted = loop.createFuture();
            }
            try {
                Async.await(onCompleted);
            } catch (CancelledException cancelled) {
                if (!aborting) {
                    propagateCancellation = cancelled; // the parent is being cancelled from outside
                    abort();
                }
            }
            onCompleted = null;
        }
        if (parentCancelRequested && parent.uncancel() == 0) {
            propagateCancellation = null; // only our own cancellation was pending: it is handled
        }
        if (propagateCancellation != null && errors.isEmpty()) {
            throw (CancelledException) propagateCancellation;
        }
        if (failure != null && !(failure instanceof CancelledException)) {
            errors.add(failure);
        }
        if (!errors.isEmpty()) {
            throw new TaskGroupException(errors);
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
    }

    private void abort() {
        aborting = true;
        for (Task<?> task : tasks) {
            if (!task.done()) {
                task.cancel();
            }
        }
    }

    private void onTaskDone(Future<?> task) {
        tasks.remove(task);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.done()) {
            onCompleted.setResult(null);
        }
        if (task.cancelled()) {
            return;
        }
        Throwable failure = task.exception();
        if (failure == null) {
            return;
        }
        errors.add(failure);
        if (parent.done()) {
            loop.callExceptionHandler(ExceptionContext.ofFuture("a task of a TaskGroup failed after the task that"
                    + " ran the group had finished", failure, task));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            // Cancel the body too, wherever it awaits, so that the group ends.
            abort();
            parentCancelRequested = true;
            parent.cancel();
        }
    }
}
