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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.spi.BuiltinFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A built-in future with one defect: {@link Defect#INLINE_CALLBACKS} runs done callbacks inline
 * instead of scheduling them; {@link Defect#COMPLETES_TWICE} silently accepts a second result;
 * {@link Defect#FORGETS_RETRIEVAL} answers result() and exception() from a copy of its own, so the
 * loop never learns that the exception was read; {@link Defect#OPAQUE_TO_STRING} prints no state;
 * {@link Defect#CALLBACKS_IN_COMPLETERS_CONTEXT} schedules its callbacks when it completes, so they
 * run in the completer's context instead of the one each was added in.
 */
final class DefectiveFuture<T> extends BuiltinFuture<T> {

    /** The defect. */
    enum Defect { INLINE_CALLBACKS, COMPLETES_TWICE, FORGETS_RETRIEVAL, OPAQUE_TO_STRING, CALLBACKS_IN_COMPLETERS_CONTEXT }

    private final Defect defect;
    /** Whether it keeps its callbacks itself, to run them inline or schedule them at completion. */
    private final boolean ownCallbacks;
    private Throwable failure;
    private final List<Consumer<? super Future<T>>> callbacks = new ArrayList<>();

    DefectiveFuture(EventLoop loop, Defect defect) {
        super(loop);
        this.defect = defect;
        this.ownCallbacks = defect == Defect.INLINE_CALLBACKS || defect == Defect.CALLBACKS_IN_COMPLETERS_CONTEXT;
    }

    @Override
    public void addDoneCallback(Consumer<? super Future<T>> callback) {
        if (!ownCallbacks) {
            super.addDoneCallback(callback);
        } else if (done()) {
            runOwn(callback);
        } else {
            callbacks.add(callback);
        }
    }

    @Override
    public int removeDoneCallback(Consumer<? super Future<T>> callback) {
        int before = callbacks.size();
        callbacks.removeIf(callback::equals);
        return before - callbacks.size() + super.removeDoneCallback(callback);
    }

    @Override
    public void setResult(T value) {
        if (done() && defect == Defect.COMPLETES_TWICE) {
            return;
        }
        super.setResult(value);
        runInline();
    }

    @Override
    public void setException(Throwable failure) {
        if (done() && defect == Defect.COMPLETES_TWICE) {
            return;
        }
        super.setException(failure);
        this.failure = failure;
        runInline();
    }

    @Override
    public T result() {
        if (defect == Defect.FORGETS_RETRIEVAL && failure != null) {
            throw failure instanceof RuntimeException e ? e : new CompletionException(failure);
        }
        return super.result();
    }

    @Override
    public Throwable exception() {
        return defect == Defect.FORGETS_RETRIEVAL && failure != null ? failure : super.exception();
    }

    @Override
    public String toString() {
        return defect == Defect.OPAQUE_TO_STRING ? "DefectiveFuture@" + Integer.toHexString(hashCode())
                : super.toString();
    }

    @Override
    public boolean cancel(String message) {
        boolean cancelled = super.cancel(message);
        runInline();
        return cancelled;
    }

    private void runInline() {
        List<Consumer<? super Future<T>>> toRun = List.copyOf(callbacks);
        callbacks.clear();
        toRun.forEach(this::runOwn);
    }

    private void runOwn(Consumer<? super Future<T>> callback) {
        if (defect == Defect.INLINE_CALLBACKS) {
            callback.accept(this);
        } else {
            getLoop().callSoon(new Runnable() {
                @Override
                public void run() {
                    callback.accept(DefectiveFuture.this);
                }

                @Override
                public String toString() {
                    return callback.toString();
                }
            });
        }
    }
}
