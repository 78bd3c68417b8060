package dev.loopkit.spi;

import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Handle;
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

    CallbackHandle(BaseEventLoop loop, Runnable callback) {
        this.loop = loop;
        // In debug mode the callback carries where it was scheduled: a field of the handle's own
        // would make every handle a third bigger (24 to 32 bytes) for a debugging aid.
        this.callback = loop.getDebug() ? new Traced(callback, SourceTraceback.capture()) : callback;
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
            loop.callExceptionHandler(ExceptionContext.ofHandle("Exception in callback "
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
