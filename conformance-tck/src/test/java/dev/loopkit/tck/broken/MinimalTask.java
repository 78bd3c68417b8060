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
package dev.loopkit.tck.broken;

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.Context;
import dev.loopkit.api.Coroutine;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.spi.BuiltinFuture;
import dev.loopkit.spi.CallbackFailures;
import dev.loopkit.spi.TaskRegistry;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A vendor's own, deliberately simple task implementation whose registry calls can be left out
 * one at a time, to prove that the RG rules notice. Supports what the rules exercise: steps,
 * awaits, cancellation of the awaited future.
 */
final class MinimalTask<T> extends BuiltinFuture<T> implements Task<T> {

    /** Which of the seed's task lifetime calls the task makes. */
    record Registry(boolean register, boolean unregister, boolean enter, boolean leave) {
        static final Registry COMPLETE = new Registry(true, true, true, true);
    }

    /** A mistake in the task itself, or none. */
    enum Defect {
        NONE,
        /** cancel() after the awaited future completed, before the next step, is lost. */
        LOSES_CANCEL_AFTER_WAKEUP,
        /** A task that cancels itself is cancelled only when the future it then awaits completes. */
        DEFERS_SELF_CANCEL,
        /** The first step is a zero-delay timer, so callbacks queued after createTask overtake it. */
        FIRST_STEP_AS_TIMER,
        /** The task reads its own exception when it fails (to log it), so nobody is told it was lost. */
        READS_OWN_EXCEPTION
    }

    private static int counter;

    private final Coroutine<T> coro;
    private final Context context;
    private final Registry registry;
    private final Defect defect;
    private String name;
    private Future<?> waiter;
    private Throwable toThrow;
    private int cancelRequests;
    /** The step as a callback that names this task, as slow-callback warnings show it. */
    private final Runnable stepCallback = new Runnable() {
        @Override
        public void run() {
            step();
        }

        @Override
        public String toString() {
            return "step of " + MinimalTask.this;
        }
    };

    MinimalTask(Coroutine<T> coro, EventLoop loop, String name, Context context, Registry registry, Defect defect) {
        super(loop);
        this.coro = coro;
        this.context = context != null ? context : Context.copyCurrent();
        this.registry = registry;
        this.defect = defect;
        this.name = name != null ? name : "Task-" + (1_000_000 + ++counter);
        if (defect == Defect.FIRST_STEP_AS_TIMER) {
            loop.callLater(Duration.ZERO, stepCallback);
        } else {
            loop.callSoon(stepCallback);
        }
        if (registry.register()) {
            TaskRegistry.registerTask(this);
        }
    }

    /** Sends or throws into the coroutine, unchecked, so that it can run in the task's context. */
    private Coroutine.Step<T> resume(Throwable error) {
        try {
            return error == null ? coro.send() : coro.throwInto(error);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** Carries a checked exception of the coroutine out of {@link Context#run}. */
    private static final class CheckedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckedFailure(Exception cause) {
            super(cause);
        }
    }

    private void step() {
        Throwable error = toThrow;
        toThrow = null;
        waiter = null;
        if (registry.enter()) {
            TaskRegistry.enterTask(getLoop(), this);
        }
        try {
            Coroutine.Step<T> step = context.run(() -> resume(error));
            if (step instanceof Coroutine.Step.Await<T> await && await.future() == this) {
                toThrow = new IllegalStateException("Task cannot await on itself: " + this);
                getLoop().callSoon(stepCallback);
            } else if (step instanceof Coroutine.Step.Await<T> await && await.future().getLoop() != getLoop()) {
                toThrow = new IllegalStateException("Task got a future attached to a different loop");
                getLoop().callSoon(stepCallback);
            } else if (step instanceof Coroutine.Step.Await<T> await) {
                waiter = await.future();
                if (toThrow instanceof CancelledException cancelled && defect != Defect.DEFERS_SELF_CANCEL
                        && waiter.cancel(cancelled.getMessage())) {
                    // It cancelled itself during the step: the future it now awaits carries the cancellation.
                    toThrow = null;
                }
                waiter.addDoneCallback(new Consumer<Future<?>>() {
                    @Override
                    public void accept(Future<?> f) {
                        if (!(toThrow instanceof CancelledException)) {
                            try {
                                f.result();
                            } catch (RuntimeException | Error e) {
                                CallbackFailures.rethrowIfFatal(e);
                                toThrow = e;
                            }
                        }
                        step();
                    }

                    @Override
                    public String toString() {
                        return "wake-up of " + MinimalTask.this;
                    }
                });
            } else if (step instanceof Coroutine.Step.Return<T> done) {
                super.setResult(done.value());
            }
        } catch (CancelledException e) {
            super.cancel(e.getMessage());
        } catch (Throwable thrown) {
            Throwable e = thrown instanceof CheckedFailure checked ? checked.getCause() : thrown;
            super.setException(e);
            CallbackFailures.rethrowIfFatal(e);
            if (defect == Defect.READS_OWN_EXCEPTION) {
                exception();
            }
        } finally {
            if (registry.leave()) {
                TaskRegistry.leaveTask(getLoop(), this);
            }
        }
    }

    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        cancelRequests++;
        if (waiter != null && (waiter.cancel(message) || defect == Defect.LOSES_CANCEL_AFTER_WAKEUP)) {
            return true;
        }
        toThrow = new CancelledException(message);
        return true;
    }

    @Override
    protected void onDone() {
        if (registry.unregister()) {
            TaskRegistry.unregisterTask(this);
        }
    }

    @Override
    public void setResult(T value) {
        throw new UnsupportedOperationException("Task does not support setResult()");
    }

    @Override
    public void setException(Throwable failure) {
        throw new UnsupportedOperationException("Task does not support setException()");
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setName(String newName) {
        name = newName;
    }

    @Override
    public Coroutine<T> getCoro() {
        return coro;
    }

    @Override
    public Context getContext() {
        return context;
    }

    @Override
    public int cancelling() {
        return cancelRequests;
    }

    @Override
    public int uncancel() {
        if (cancelRequests > 0 && --cancelRequests == 0 && toThrow instanceof CancelledException) {
            toThrow = null;
        }
        return cancelRequests;
    }

    @Override
    public String toString() {
        return "MinimalTask[" + name + createdAt() + "]";
    }
}
