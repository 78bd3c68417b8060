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

import dev.loopkit.api.Context;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Handle;
import dev.loopkit.api.internal.CurrentContexts;
import java.util.List;

/**
 * A callback in a {@link BaseEventLoop}'s ready queue. Running it never throws: an exception of
 * the callback goes to the loop's exception handler.
 */
class CallbackHandle implements Handle {

    final BaseEventLoop loop;
    /**
     * Null once cancelled: a cancelled handle lets go of the callback and all it captures
     * (asyncio's). Not volatile, to keep callSoon free of a fence: cancel() clears it before its
     * volatile write of {@link #cancelled}, which the loop reads before it runs the handle.
     */
    private Runnable callback;
    private volatile boolean cancelled;

    /**
     * @param context the context to run the callback in, or null for a copy of the current one
     */
    CallbackHandle(BaseEventLoop loop, Runnable callback, Context context) {
        this.loop = loop;
        // The context and, in debug mode, where the callback was scheduled ride on wrappers of the
        // callback: fields of the handle's own would make every handle a third bigger (24 to 32
        // bytes) for what most callbacks do not carry.
        Context runIn = context != null ? context : CurrentContexts.captureForCallback();
        Runnable target = runIn == null ? callback : new InContext(callback, runIn);
        this.callback = loop.getDebug() ? new Traced(target, SourceTraceback.capture()) : target;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            callback = null;
            cancelled = true;
            onCancelled();
        }
    }

    @Override
    public boolean cancelled() {
        return cancelled;
    }

    /** Called once, by the first {@link #cancel()}. */
    void onCancelled() {
    }

    final void run() {
        Runnable target = callback;
        if (target == null) {
            return; // cancelled since it was queued
        }
        try {
            target.run();
        } catch (Throwable t) {
            CallbackFailures.rethrowIfFatal(t);
            loop.outerLoop().callExceptionHandler(ExceptionContext.ofHandle("Exception in callback "
                    + CallbackFailures.describe(target), t, this));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + describeCallback() + "]";
    }

    /** The callback for toString() (with where it was scheduled, in debug mode), or "cancelled" once let go. */
    final String describeCallback() {
        Runnable target = callback;
        return target == null ? "cancelled" : CallbackFailures.describe(target);
    }

    /** Where it was scheduled, most recent frame first, in debug mode; null otherwise or once cancelled. */
    final List<StackTraceElement> sourceTraceback() {
        return callback instanceof Traced traced ? traced.sourceTraceback() : null;
    }

    /** A callback and the context it runs in. */
    private record InContext(Runnable callback, Context context) implements Runnable {
        @Override
        public void run() {
            context.run(callback);
        }

        @Override
        public String toString() {
            return CallbackFailures.describe(callback);
        }
    }

    /** A callback scheduled in debug mode, and where. */
    private record Traced(Runnable callback, List<StackTraceElement> sourceTraceback) implements Runnable {
        @Override
        public void run() {
            callback.run();
        }

        @Override
        public String toString() {
            return CallbackFailures.describe(callback) + SourceTraceback.createdAt(sourceTraceback);
        }
    }
}
