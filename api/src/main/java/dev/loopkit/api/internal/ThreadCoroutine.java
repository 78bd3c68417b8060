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

import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.CoroutineBody;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import org.apiguardian.api.API;

/**
 * A {@link Coroutine} whose body runs on its own virtual thread, handing control back and forth
 * with the thread that resumes it (the loop thread) so that exactly one of the two runs at any
 * moment. {@code Async.await} parks the coroutine thread; {@link #send}/{@link #throwInto} unpark
 * it and wait until it awaits again or finishes.
 *
 * <p>Invariant: {@code state} is RUNNING exactly while the resumer waits inside
 * {@link #resume}; the hand-over fields ({@code toThrow}, {@code awaiting}, {@code result},
 * {@code failure}) are written by one side before it publishes a new {@code state} (volatile) and
 * read by the other after it sees it.
 *
 * @param <T> the type of the result
 */
@API(status = INTERNAL, since = "0.1")
public final class ThreadCoroutine<T> implements Coroutine<T> {

    private static final ThreadLocal<ThreadCoroutine<?>> CURRENT = new ThreadLocal<>();
    private static final VarHandle PENDING;

    static {
        try {
            PENDING = MethodHandles.lookup().findVarHandle(ThreadCoroutine.class, "pendingRun", Runnable.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int CREATED = 0;
    private static final int RUNNING = 1;
    private static final int SUSPENDED = 2;
    private static final int FINISHED = 3;

    private final CoroutineBody<T> body;
    private final CoroutineMechanism mechanism;
    private volatile int state = CREATED;
    private volatile Thread resumer;
    private volatile Runnable pendingRun;
    /** The continuation of this coroutine's own virtual thread, once it has started (inline only). */
    private volatile Runnable ownContinuation;
    private boolean inline;
    private Thread thread;
    private EventLoop loop;
    /** The resumer's current context, made current on this coroutine's thread for the step. */
    private Context context;
    private boolean closing;
    private Throwable toThrow;
    private Future<?> awaiting;
    private T result;
    private Throwable failure;

    /**
     * Creates a coroutine that has not started.
     *
     * @param body the sequential code; never null
     * @param mechanism how its thread is scheduled; never null
     */
    public ThreadCoroutine(CoroutineBody<T> body, CoroutineMechanism mechanism) {
        this.body = Objects.requireNonNull(body, "body");
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
    }

    /**
     * Suspends the calling coroutine until {@code future} is done.
     *
     * @param <V> the value type
     * @param future the future to wait for; never null
     * @return the future's result
     * @throws IllegalStateException if the caller is not a coroutine's thread
     */
    public static <V> V await(Future<V> future) {
        Objects.requireNonNull(future, "future");
        ThreadCoroutine<?> self = CURRENT.get();
        if (self == null) {
            throw new IllegalStateException("Async.await() called outside a coroutine (on thread "
                    + Thread.currentThread().getName() + "): await only inside Coroutines.of(...) run by a task,"
                    + " or drive the future with loop.runUntilComplete(future). A thread a coroutine starts (a"
                    + " StructuredTaskScope fork, an executor's) is not that coroutine: let it return its result"
                    + " and await in the coroutine, or, from a plain thread, wait with Futures.block(future) or"
                    + " Futures.runCoroutineThreadsafe (loopkit-toolkit)");
        }
        if (future.done()) {
            return future.result();
        }
        return self.suspend(future);
    }

    /** {@return true if the calling thread is a coroutine's thread} */
    public static boolean inCoroutine() {
        return CURRENT.get() != null;
    }

    @Override
    public Step<T> send() throws Exception {
        return resume(null);
    }

    @Override
    public Step<T> throwInto(Throwable error) throws Exception {
        Objects.requireNonNull(error, "error");
        if (state == CREATED) {
            state = FINISHED;
            throw asException(error);
        }
        return resume(error);
    }

    @Override
    public void close() {
        int s = state;
        if (s == CREATED) {
            state = FINISHED;
            return;
        }
        if (s != SUSPENDED) {
            if (s == RUNNING) {
                throw new IllegalStateException("Cannot close a running coroutine");
            }
            return;
        }
        closing = true;
        Step<T> step;
        try {
            step = resume(null);
        } catch (CoroutineClosed expected) {
            return;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CompletionException(e);
        }
        if (step instanceof Step.Await<T>) {
            throw new IllegalStateException("coroutine ignored close() and suspended again");
        }
    }

    @Override
    public String toString() {
        String[] names = {"created", "running", "suspended", "finished"};
        return "ThreadCoroutine[" + names[state] + ", " + body + "]";
    }

    private Step<T> resume(Throwable error) throws Exception {
        int s = state;
        if (s == RUNNING) {
            throw new IllegalStateException("coroutine is already running");
        }
        if (s == FINISHED) {
            throw new IllegalStateException("cannot resume a finished coroutine");
        }
        Thread current = Thread.currentThread();
        toThrow = error;
        loop = RunningLoops.get();
        context = CurrentContexts.get();
        resumer = current;
        if (s == CREATED) {
            inline = mechanism == CoroutineMechanism.INLINE && !current.isVirtual();
            thread = newThread();
            state = RUNNING;
            thread.start();
        } else {
            if (inline && current.isVirtual()) {
                throw new IllegalStateException("coroutine started inline on a platform thread cannot be resumed"
                        + " from virtual thread " + current + "; run the loop on one thread");
            }
            state = RUNNING;
            LockSupport.unpark(thread);
        }
        waitWhileRunning();
        resumer = null;
        if (state == SUSPENDED) {
            return new Step.Await<>(awaiting);
        }
        Throwable t = failure;
        T r = result;
        failure = null;
        result = null;
        if (t != null) {
            throw asException(t);
        }
        return new Step.Return<>(r);
    }

    private void waitWhileRunning() {
        boolean interrupted = Thread.interrupted();
        while (state == RUNNING) {
            Runnable run = inline ? (Runnable) PENDING.getAndSet(this, null) : null;
            if (run != null) {
                run.run();
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Thread newThread() {
        return inline ? InlineVirtualThreads.unstarted(this::schedule, this::runBody)
                : Thread.ofVirtual().unstarted(this::runBody);
    }

    /**
     * The inline scheduler: the resumer runs the continuation in {@link #waitWhileRunning()}. The
     * JDK hands a virtual thread's scheduler on to the virtual threads it starts, so this also
     * receives theirs: anything but this coroutine's own continuation (the first one scheduled, by
     * {@code start()}) goes to the JDK's scheduler, where it can run while the coroutine waits for
     * it instead of deadlocking.
     */
    private void schedule(Runnable continuation) {
        Runnable own = ownContinuation;
        if (own == null) {
            ownContinuation = continuation;
        } else if (continuation != own) {
            InlineVirtualThreads.defaultScheduler().execute(continuation);
            return;
        }
        pendingRun = continuation;
        Thread waiting = resumer;
        if (waiting != null && waiting != Thread.currentThread()) {
            LockSupport.unpark(waiting);
        }
    }

    private void runBody() {
        CURRENT.set(this);
        RunningLoops.set(loop);
        CurrentContexts.set(context);
        try {
            result = body.run();
        } catch (Throwable t) {
            failure = t;
        }
        Thread waiting = resumer;
        state = FINISHED;
        if (!inline) {
            LockSupport.unpark(waiting);
        }
    }

    private <V> V suspend(Future<V> future) {
        awaiting = future;
        Thread waiting = resumer;
        state = SUSPENDED;
        if (!inline) {
            LockSupport.unpark(waiting);
        }
        boolean interrupted = false;
        while (state != RUNNING) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        awaiting = null;
        RunningLoops.set(loop);
        CurrentContexts.set(context);
        if (closing) {
            closing = false;
            throw new CoroutineClosed();
        }
        Throwable t = toThrow;
        if (t != null) {
            toThrow = null;
            throw Failures.unchecked(t);
        }
        return future.result();
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : Failures.unchecked(t);
    }

    /** Unwinds a suspended coroutine on {@link #close()} (Python's {@code GeneratorExit}). */
    private static final class CoroutineClosed extends Error {
        private static final long serialVersionUID = 1L;

        CoroutineClosed() {
            super("coroutine closed", null, false, false);
        }
    }
}
