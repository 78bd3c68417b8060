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
    /** Where it was scheduled, in debug mode; null otherwise. */
    final List<StackTraceElement> sourceTraceback;

    CallbackHandle(BaseEventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
        this.sourceTraceback = loop.getDebug() ? SourceTraceback.capture() : null;
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
        return getClass().getSimpleName() + "[" + describeCallback() + SourceTraceback.createdAt(sourceTraceback) + "]";
    }

    /** The callback for toString(), or "cancelled" once it has been let go. */
    final String describeCallback() {
        Runnable target = callback;
        return target == null ? "cancelled" : CallbackFailures.describe(target);
    }
}
