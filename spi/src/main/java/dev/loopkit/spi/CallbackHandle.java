package dev.loopkit.spi;

import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Handle;

/**
 * A callback in a {@link BaseEventLoop}'s ready queue. Running it never throws: an exception of
 * the callback goes to the loop's exception handler.
 */
class CallbackHandle implements Handle {

    final BaseEventLoop loop;
    final Runnable callback;
    private volatile boolean cancelled;

    CallbackHandle(BaseEventLoop loop, Runnable callback) {
        this.loop = loop;
        this.callback = callback;
    }

    @Override
    public void cancel() {
        if (!cancelled) {
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
        try {
            callback.run();
        } catch (Throwable t) {
            CallbackFailures.rethrowIfFatal(t);
            loop.callExceptionHandler(ExceptionContext.ofHandle("Exception in callback "
                    + CallbackFailures.describe(callback), t, this));
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (cancelled ? "cancelled, " : "") + CallbackFailures.describe(callback)
                + "]";
    }
}
