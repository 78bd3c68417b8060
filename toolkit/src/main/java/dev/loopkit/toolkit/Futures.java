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
import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/**
 * Bridges between loopkit futures and {@code java.util.concurrent} (asyncio's
 * {@code wrap_future}, {@code run_coroutine_threadsafe} and {@code to_thread}), with cancellation
 * carried both ways.
 *
 * <p>Thread-safety: each method says from where it may be called; the returned
 * {@link CompletableFuture}s are as thread-safe as always.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Futures {

    private Futures() {
    }

    /**
     * A {@link CompletableFuture} that follows {@code future}: its result, its failure, its
     * cancellation. Cancelling the returned future cancels {@code future} on its loop. Callable
     * from any thread.
     *
     * @param future the loop future or task; never null
     * @param <T> its result type
     * @return the follower
     */
    public static <T> CompletableFuture<T> toCompletableFuture(Future<T> future) {
        Objects.requireNonNull(future, "future");
        CompletableFuture<T> follower = new CompletableFuture<>();
        EventLoop loop = future.getLoop();
        onLoop(loop, () -> future.addDoneCallback(done -> copyTo(done, follower)));
        follower.whenComplete((result, failure) -> {
            if (follower.isCancelled()) {
                onLoop(loop, future::cancel);
            }
        });
        return follower;
    }

    /**
     * A loop future that follows {@code future} (asyncio's {@code wrap_future}): its outcome
     * arrives on {@code loop}'s thread, from the future's own completion when it is a
     * {@link CompletionStage} (a {@link CompletableFuture}), else from a wait for it on the loop's
     * default executor. Cancelling the loop future cancels {@code future}. Call it on
     * {@code loop}'s thread.
     *
     * @param future what to follow; never null ({@code java.util.concurrent}'s, named in full
     *     beside loopkit's)
     * @param loop the loop of the returned future; never null
     * @param <T> the result type
     * @return the loop future
     */
    public static <T> Future<T> wrapFuture(java.util.concurrent.Future<? extends T> future, EventLoop loop) {
        Objects.requireNonNull(future, "future");
        Future<T> follower;
        if (future instanceof CompletionStage<?>) {
            @SuppressWarnings("unchecked")
            CompletionStage<? extends T> stage = (CompletionStage<? extends T>) future;
            follower = loop.createFuture();
            stage.whenComplete((result, failure) -> deliver(loop, follower, result, failure));
        } else {
            follower = loop.runInExecutor(null, () -> {
                try {
                    return future.get();
                } catch (ExecutionException failed) {
                    throw failed.getCause() instanceof Exception e ? e : failed;
                }
            });
        }
        follower.addDoneCallback(done -> {
            if (done.cancelled()) {
                future.cancel(true);
            }
        });
        return follower;
    }

    /** Hands a stage's outcome to {@code follower} on its loop, unless it is done already. */
    private static <T> void deliver(EventLoop loop, Future<T> follower, T result, Throwable failure) {
        try {
            loop.callSoonThreadsafe(() -> {
                if (follower.done()) {
                    return;
                }
                Throwable cause = unwrap(failure);
                if (cause instanceof CancellationException cancelled) {
                    follower.cancel(cancelled.getMessage());
                } else if (cause != null) {
                    follower.setException(cause);
                } else {
                    follower.setResult(result);
                }
            });
        } catch (IllegalStateException closed) {
            // The loop closed before the future completed: there is nobody left to tell.
        }
    }

    /**
     * Runs {@code coroutine} as a task on {@code loop} from any other thread (asyncio's
     * {@code run_coroutine_threadsafe}) and returns its outcome as a {@link CompletableFuture};
     * cancelling that cancels the task. The task runs in a copy of the calling thread's
     * {@link Context}.
     *
     * @param coroutine what to run; never null
     * @param loop a running loop; never null
     * @param <T> the result type
     * @return the task's outcome
     * @throws IllegalStateException if the loop is closed (the coroutine is closed, never run)
     */
    public static <T> CompletableFuture<T> runCoroutineThreadsafe(Coroutine<T> coroutine, EventLoop loop) {
        Objects.requireNonNull(coroutine, "coroutine");
        CompletableFuture<T> outcome = new CompletableFuture<>();
        try {
            loop.callSoonThreadsafe(() -> {
                if (outcome.isDone()) {
                    coroutine.close(); // cancelled before it could start
                    return;
                }
                Task<T> task = loop.createTask(coroutine);
                task.addDoneCallback(done -> copyTo(done, outcome));
                outcome.whenComplete((result, failure) -> {
                    if (outcome.isCancelled()) {
                        onLoop(loop, task::cancel);
                    }
                });
            });
        } catch (IllegalStateException closed) {
            coroutine.close();
            throw closed;
        }
        return outcome;
    }

    /**
     * Waits on a thread that is not the loop's for {@code future} to be done and returns its
     * result, for code outside the loop (a {@code main}, a servlet thread).
     *
     * @param future the loop future or task; never null
     * @param <T> its result type
     * @return its result
     * @throws IllegalStateException on the loop's own thread or in one of its coroutines, where the
     *     wait would block the loop that must complete it
     * @throws CancelledException if it was cancelled
     */
    public static <T> T block(Future<T> future) {
        Objects.requireNonNull(future, "future");
        if (EventLoops.findRunningLoop().orElse(null) == future.getLoop()) {
            throw new IllegalStateException("block() on the thread of the loop that must complete the future would"
                    + " wait for ever: use Async.await(future) in a coroutine instead");
        }
        try {
            return toCompletableFuture(future).join();
        } catch (CancellationException cancelled) {
            throw new CancelledException(cancelled.getMessage());
        } catch (CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException e ? e : failed;
        }
    }

    /**
     * Runs a blocking {@code call} on the loop's default executor, in a copy of the current
     * {@link Context}, and suspends the calling coroutine until it returns (asyncio 3.9's
     * {@code to_thread}).
     *
     * @param call the blocking work; never null
     * @param <T> its result type
     * @return its result
     */
    public static <T> T toThread(Callable<T> call) {
        Objects.requireNonNull(call, "call");
        Context context = Context.copyCurrent();
        return Async.await(EventLoops.getRunningLoop().runInExecutor(null, () -> context.call(call)));
    }

    /**
     * The loop as an {@link Executor}: each command runs on the loop's thread, submitted with
     * {@link EventLoop#callSoonThreadsafe}. Usable from any thread, for example as the executor
     * of a {@link CompletableFuture}'s {@code thenApplyAsync}.
     *
     * @param loop the loop; never null
     * @return the executor
     */
    public static Executor asExecutor(EventLoop loop) {
        Objects.requireNonNull(loop, "loop");
        return command -> loop.callSoonThreadsafe(command);
    }

    /** Runs {@code action} on {@code loop}'s thread: now if this is it, else soon. */
    private static void onLoop(EventLoop loop, Runnable action) {
        if (EventLoops.findRunningLoop().orElse(null) == loop) {
            action.run();
        } else {
            loop.callSoonThreadsafe(action);
        }
    }

    private static <T> void copyTo(Future<T> done, CompletableFuture<T> follower) {
        if (done.cancelled()) {
            follower.cancel(false);
            return;
        }
        Throwable failure = done.exception();
        if (failure != null) {
            follower.completeExceptionally(failure);
        } else {
            follower.complete(done.result());
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return (failure instanceof CompletionException || failure instanceof ExecutionException)
                && failure.getCause() != null ? failure.getCause() : failure;
    }
}
