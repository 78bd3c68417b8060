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
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * asyncio's high-level functions, in Java casing, for code running in a coroutine (a task's): they
 * use only the {@code api} contracts, so they work on every vendor's loop.
 *
 * <ul>
 *   <li>{@link #sleep(Duration)}: suspend the coroutine for a while (zero yields once);
 *   <li>{@link #gather(List, boolean)}: one future for several;
 *   <li>{@link #shield(Future)}: await something without letting a cancellation reach it;
 *   <li>{@link #wait(Collection, Duration, ReturnWhen)} and {@link #asCompleted}: several futures,
 *       as they finish;
 *   <li>{@link #waitFor(Future, Duration)}, {@link #timeout(Duration, Timeout.Body)} and
 *       {@link #timeoutAt(Long, Timeout.Body)}: deadlines (asyncio 3.11's semantics).
 * </ul>
 *
 * <p>Thread-safety: as the loop: call them on the loop's thread, from a coroutine for those that
 * suspend ({@code sleep}, {@code waitFor}, {@code timeout}, {@code timeoutAt}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Asyncio {

    private Asyncio() {
    }

    /**
     * Suspends the calling coroutine for {@code delay} (asyncio's {@code sleep}); zero or less lets
     * the callbacks already ready run first, then resumes. A cancellation of the task ends the
     * sleep at once with a {@link CancelledException}, and the timer goes with it.
     *
     * @param delay how long; never null
     * @throws IllegalStateException outside a coroutine run by a loop
     */
    public static void sleep(Duration delay) {
        sleep(delay, null);
    }

    /**
     * As {@link #sleep(Duration)}, then returns {@code result}.
     *
     * @param delay how long; never null
     * @param result what to return; may be null
     * @param <T> its type
     * @return {@code result}
     */
    public static <T> T sleep(Duration delay, T result) {
        Objects.requireNonNull(delay, "delay");
        EventLoop loop = EventLoops.getRunningLoop();
        Future<T> woken = loop.createFuture();
        Runnable wake = () -> {
            if (!woken.done()) {
                woken.setResult(result);
            }
        };
        Handle timer = delay.isNegative() || delay.isZero() ? loop.callSoon(wake) : loop.callLater(delay, wake);
        try {
            return Async.await(woken);
        } finally {
            timer.cancel();
        }
    }

    /**
     * One future for the results of {@code children}, in their order (asyncio's {@code gather}).
     * Without {@code returnExceptions} the first failure or cancellation of a child fails it at
     * once (the other children run on); with it, each failure or {@link CancelledException} takes
     * its child's place in the list. Cancelling the returned future cancels every child still
     * running, and it then fails with a {@link CancelledException}. No children: a list that is
     * already there.
     *
     * @param children futures or tasks, all of the running loop's; never null
     * @param returnExceptions whether failures are results rather than the gathering's failure
     * @return the gathering future, of the loop of the first child (or the running loop)
     */
    public static Future<List<Object>> gather(List<? extends Future<?>> children, boolean returnExceptions) {
        Objects.requireNonNull(children, "children");
        children.forEach(child -> Objects.requireNonNull(child, "a child of gather() is null"));
        EventLoop loop = children.isEmpty() ? EventLoops.getRunningLoop() : children.get(0).getLoop();
        for (Future<?> child : children) {
            if (child.getLoop() != loop) {
                throw new IllegalArgumentException("gather() children must share one loop: " + child + " is bound to "
                        + child.getLoop() + ", the first to " + loop);
            }
        }
        return new GatheringFuture(loop, children, returnExceptions);
    }

    /**
     * {@link #gather(List, boolean)} without {@code returnExceptions}.
     *
     * @param children futures or tasks of one loop; never null
     * @return the gathering future
     */
    public static Future<List<Object>> gather(Future<?>... children) {
        return gather(Arrays.asList(children), false);
    }

    /**
     * A future that follows {@code inner} but whose cancellation does not reach it (asyncio's
     * {@code shield}): cancelling the awaiting task cancels the returned future only, and
     * {@code inner} runs on. An {@code inner} already done is returned as it is.
     *
     * @param inner what to protect; never null
     * @param <T> its result type
     * @return the shield
     */
    public static <T> Future<T> shield(Future<T> inner) {
        Objects.requireNonNull(inner, "inner");
        if (inner.done()) {
            return inner;
        }
        Future<T> outer = inner.getLoop().createFuture();
        Consumer<Future<T>> innerDone = done -> {
            if (outer.cancelled()) {
                if (!done.cancelled()) {
                    done.exception(); // retrieved: nobody awaits it any more
                }
                return;
            }
            copyOutcome(done, outer);
        };
        inner.addDoneCallback(innerDone);
        outer.addDoneCallback(done -> {
            if (!inner.done()) {
                inner.removeDoneCallback(innerDone);
            }
        });
        return outer;
    }

    /**
     * Awaits {@code future} for at most {@code timeout} (asyncio 3.12's {@code wait_for}): past it,
     * {@code future} is cancelled, and once it is done an {@link AsyncTimeoutException} is thrown.
     * Zero or less: the result if it is already done, else a cancel and the timeout. A null timeout
     * waits as long as it takes.
     *
     * @param future what to await; never null
     * @param timeout the bound, or null for none
     * @param <T> its result type
     * @return its result
     * @throws AsyncTimeoutException if the bound passed first
     */
    public static <T> T waitFor(Future<T> future, Duration timeout) {
        Objects.requireNonNull(future, "future");
        if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
            if (future.done()) {
                return future.result();
            }
            future.cancel();
            awaitDone(future);
            try {
                return future.result();
            } catch (CancelledException cancelled) {
                throw new AsyncTimeoutException(cancelled);
            }
        }
        try {
            return timeout(timeout, scope -> Async.await(future));
        } catch (RuntimeException | Error unchecked) {
            throw unchecked;
        } catch (Exception impossible) {
            throw new IllegalStateException("await threw a checked exception", impossible);
        }
    }

    /**
     * Runs {@code body} with a deadline {@code delay} from now (asyncio 3.11's {@code timeout}).
     *
     * @param delay how long the body may take, or null for no deadline (it can be set later with
     *     {@link Timeout#reschedule})
     * @param body the block; never null
     * @param <T> what it returns
     * @return what it returned
     * @throws AsyncTimeoutException if the deadline cancelled it
     * @throws Exception what the body threw
     */
    public static <T> T timeout(Duration delay, Timeout.Body<T> body) throws Exception {
        EventLoop loop = EventLoops.getRunningLoop();
        return timeoutAt(delay == null ? null : deadline(loop.time(), delay), body);
    }

    /**
     * Runs {@code body} with a deadline at {@code when} (asyncio 3.11's {@code timeout_at}).
     *
     * @param when the deadline in the loop's {@link EventLoop#time()} nanoseconds, or null for none
     * @param body the block; never null
     * @param <T> what it returns
     * @return what it returned
     * @throws AsyncTimeoutException if the deadline cancelled it
     * @throws Exception what the body threw
     */
    public static <T> T timeoutAt(Long when, Timeout.Body<T> body) throws Exception {
        Objects.requireNonNull(body, "body");
        Timeout scope = new Timeout(EventLoops.getRunningLoop(), when);
        scope.enter();
        T result = null;
        Throwable failure = null;
        try {
            result = body.run(scope);
        } catch (Throwable t) {
            failure = t;
        }
        Throwable outcome = scope.exit(failure);
        if (outcome instanceof Exception e) {
            throw e;
        }
        if (outcome instanceof Error e) {
            throw e;
        }
        return result;
    }

    /**
     * Waits until {@code returnWhen} says, or {@code timeout} passes, and tells which futures are
     * done (asyncio's {@code wait}). Unlike {@link #waitFor}, it neither cancels nor throws on the
     * timeout: what is still pending is simply in {@link Waited#pending()}.
     *
     * @param futures the futures or tasks, at least one, of the running loop; never null
     * @param timeout the bound, or null for none
     * @param returnWhen when to return; never null
     * @param <F> the type of the futures
     * @return the done and the pending ones
     * @throws IllegalArgumentException if {@code futures} is empty
     */
    public static <F extends Future<?>> Waited<F> wait(Collection<F> futures, Duration timeout,
            ReturnWhen returnWhen) {
        Objects.requireNonNull(returnWhen, "returnWhen");
        Set<F> all = new LinkedHashSet<>(Objects.requireNonNull(futures, "futures"));
        if (all.isEmpty()) {
            throw new IllegalArgumentException("wait() needs at least one future");
        }
        EventLoop loop = EventLoops.getRunningLoop();
        Future<Void> waiter = loop.createFuture();
        Runnable release = () -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        };
        Handle timer = timeout == null ? null : loop.callLater(timeout, release);
        int[] left = {all.size()};
        Consumer<Future<?>> onCompletion = done -> {
            left[0]--;
            if (left[0] <= 0 || returnWhen == ReturnWhen.FIRST_COMPLETED
                    || (returnWhen == ReturnWhen.FIRST_EXCEPTION && !done.cancelled() && done.exception() != null)) {
                release.run();
            }
        };
        all.forEach(f -> ((Future<?>) f).addDoneCallback(onCompletion));
        try {
            Async.await(waiter);
        } finally {
            if (timer != null) {
                timer.cancel();
            }
            all.forEach(f -> ((Future<?>) f).removeDoneCallback(onCompletion));
        }
        Set<F> done = new LinkedHashSet<>();
        Set<F> pending = new LinkedHashSet<>();
        all.forEach(f -> (f.done() ? done : pending).add(f));
        return new Waited<>(done, pending);
    }

    /**
     * One future per given future, done in the order they finish (asyncio's {@code as_completed}):
     * the first returned completes like the first of {@code futures} to finish, and so on. Once
     * {@code timeout} passes, the ones not yet completed fail with {@link AsyncTimeoutException}.
     *
     * @param futures the futures or tasks of one loop; never null
     * @param timeout the bound, or null for none
     * @param <T> their result type
     * @return as many futures, to await in order
     */
    public static <T> List<Future<T>> asCompleted(Collection<? extends Future<T>> futures, Duration timeout) {
        List<Future<T>> given = List.copyOf(Objects.requireNonNull(futures, "futures"));
        if (given.isEmpty()) {
            return List.of();
        }
        EventLoop loop = given.get(0).getLoop();
        List<Future<T>> inOrder = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            inOrder.add(loop.createFuture());
        }
        int[] next = {0};
        Handle timer = timeout == null ? null : loop.callLater(timeout, () -> {
            for (Future<T> slot : inOrder.subList(next[0], inOrder.size())) {
                slot.setException(new AsyncTimeoutException(null));
            }
            next[0] = inOrder.size();
        });
        for (Future<T> future : given) {
            future.addDoneCallback(done -> {
                if (next[0] == inOrder.size()) {
                    return; // timed out
                }
                copyOutcome(done, inOrder.get(next[0]++));
                if (next[0] == inOrder.size() && timer != null) {
                    timer.cancel();
                }
            });
        }
        return List.copyOf(inOrder);
    }

    /** now + delay in nanoseconds, saturating: a delay meaning "never" stays in the future. */
    static long deadline(long now, Duration delay) {
        long nanos;
        try {
            nanos = delay.toNanos();
        } catch (ArithmeticException tooLong) {
            nanos = delay.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        try {
            return Math.addExact(now, nanos);
        } catch (ArithmeticException overflow) {
            return nanos > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
    }

    /** Suspends until {@code future} is done, whatever its outcome, without reading it. */
    private static void awaitDone(Future<?> future) {
        if (future.done()) {
            return;
        }
        Future<Void> waiter = future.getLoop().createFuture();
        future.addDoneCallback(done -> {
            if (!waiter.done()) {
                waiter.setResult(null);
            }
        });
        Async.await(waiter);
    }

    private static <T> void copyOutcome(Future<T> from, Future<T> to) {
        if (from.cancelled()) {
            to.cancel();
            return;
        }
        Throwable failure = from.exception();
        if (failure != null) {
            to.setException(failure);
        } else {
            to.setResult(from.result());
        }
    }
}
