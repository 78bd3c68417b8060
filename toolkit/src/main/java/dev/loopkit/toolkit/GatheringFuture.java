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

import dev.loopkit.api.CancelledException;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link Asyncio#gather} returns (asyncio's {@code _GatheringFuture}): done when its children
 * are, and cancelling it cancels them. It keeps a loop future for its state and its own list of
 * done callbacks, so that they receive this future and not the one inside.
 *
 * <p>Thread-safety: loop thread only.
 */
final class GatheringFuture implements Future<List<Object>> {

    private final Future<List<Object>> state;
    private final List<? extends Future<?>> children;
    private final boolean returnExceptions;
    private int finished;
    private boolean cancelRequested;

    GatheringFuture(EventLoop loop, List<? extends Future<?>> children, boolean returnExceptions) {
        this.state = loop.createFuture();
        this.children = List.copyOf(children);
        this.returnExceptions = returnExceptions;
        if (this.children.isEmpty()) {
            state.setResult(List.of());
        }
        for (Future<?> child : this.children) {
            child.addDoneCallback(this::childDone);
        }
    }

    private void childDone(Future<?> child) {
        finished++;
        if (state.done()) {
            if (!child.cancelled()) {
                child.exception(); // retrieved: gather already reported a failure, this one is not lost
            }
            return;
        }
        if (!returnExceptions) {
            if (child.cancelled()) {
                state.setException(cancellationOf(child));
                return;
            }
            Throwable failure = child.exception();
            if (failure != null) {
                state.setException(failure);
                return;
            }
        }
        if (finished == children.size()) {
            if (cancelRequested) {
                state.setException(cancellationOf(child));
                return;
            }
            List<Object> results = new ArrayList<>(children.size());
            for (Future<?> each : children) {
                results.add(outcome(each));
            }
            state.setResult(results);
        }
    }

    /** A child's result, or (with returnExceptions) its exception or cancellation. */
    private static Object outcome(Future<?> child) {
        if (child.cancelled()) {
            return cancellationOf(child);
        }
        Throwable failure = child.exception();
        return failure != null ? failure : child.result();
    }

    private static CancelledException cancellationOf(Future<?> cancelled) {
        try {
            cancelled.result();
        } catch (CancelledException e) {
            return e;
        }
        throw new IllegalStateException("not cancelled: " + cancelled);
    }

    /** Each callback in a callback of its own, as a loop future's: the loop reports what one throws. */
    /**
     * Cancels every child not yet done (asyncio's {@code _GatheringFuture.cancel}): the gathering
     * future then fails with a {@link CancelledException} once they all are.
     *
     * @return true if any child was cancelled
     */
    @Override
    public boolean cancel(String message) {
        if (done()) {
            return false;
        }
        boolean any = false;
        for (Future<?> child : children) {
            any |= child.cancel(message);
        }
        if (any) {
            cancelRequested = true;
        }
        return any;
    }

    @Override
    public List<Object> result() {
        return state.result();
    }

    @Override
    public Throwable exception() {
        return state.exception();
    }

    @Override
    public void addDoneCallback(Consumer<? super Future<List<Object>>> callback) {
        state.addDoneCallback(new Relay(Objects.requireNonNull(callback, "callback"), this));
    }

    @Override
    public int removeDoneCallback(Consumer<? super Future<List<Object>>> callback) {
        return state.removeDoneCallback(new Relay(Objects.requireNonNull(callback, "callback"), this));
    }

    @Override
    public boolean cancelled() {
        return state.cancelled();
    }

    @Override
    public boolean done() {
        return state.done();
    }

    @Override
    public EventLoop getLoop() {
        return state.getLoop();
    }

    @Override
    public void setResult(List<Object> result) {
        throw new IllegalStateException("a gathering future gets its result from its children, not setResult()");
    }

    @Override
    public void setException(Throwable exception) {
        throw new IllegalStateException("a gathering future gets its failure from its children, not setException()");
    }

    @Override
    public String toString() {
        return "GatheringFuture[" + children.size() + " children, " + state + "]";
    }

    /**
     * A callback registered on the inner future that hands the gathering future on, so the loop's
     * own future keeps the callbacks (their order, their contexts); equal for the same callback and
     * gathering future, so that {@link #removeDoneCallback} finds it.
     */
    private record Relay(Consumer<? super Future<List<Object>>> callback, GatheringFuture gathering)
            implements Consumer<Future<List<Object>>> {
        @Override
        public void accept(Future<List<Object>> done) {
            callback.accept(gathering);
        }

        @Override
        public String toString() {
            return callback.toString();
        }
    }
}
