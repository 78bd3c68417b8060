package dev.loopkit.tck.broken;

import dev.loopkit.api.Context;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import dev.loopkit.spi.BuiltinFuture;
import dev.loopkit.testsupport.ForwardingLoop;
import dev.loopkit.testsupport.RecordingLoop;
import java.util.function.Consumer;

/** Loops whose one defect is in what they do with a failure: which are fatal, how they are named. */
final class FailureDefects {

    private FailureDefects() {
    }

    /** Treats every VirtualMachineError as fatal, a StackOverflowError too. */
    static final class EveryVirtualMachineErrorFatal extends ForwardingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
            if (context.exception() instanceof VirtualMachineError fatal) {
                throw fatal;
            }
            delegate().callExceptionHandler(context);
        }
    }

    /** runUntilComplete stops the loop when the future is done, whatever ended it. */
    static final class StopsForFatalFailures extends ForwardingLoop {
        @Override
        public <T> T runUntilComplete(Future<T> future) {
            Consumer<Future<T>> alsoStop = f -> stop();
            future.addDoneCallback(alsoStop);
            try {
                return delegate().runUntilComplete(future);
            } finally {
                future.removeDoneCallback(alsoStop);
            }
        }
    }

    /**
     * Makes its own futures, whose toString() leaves out where they were created in debug mode
     * (the built-in future's {@code createdAt()}).
     */
    static final class FuturesWithoutCreationSite extends RecordingLoop {
        @Override
        public <T> Future<T> createFuture() {
            return new BuiltinFuture<>(this) {
                @Override
                public String toString() {
                    return "VendorFuture[" + describeState() + "]";
                }
            };
        }
    }

    /** Reports a failing callback with a message that calls its toString() unguarded. */
    static final class NamesCallbacksUnguarded extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            Handle[] handle = new Handle[1];
            handle[0] = delegate().callSoon(new Runnable() {
                @Override
                public void run() {
                    try {
                        callback.run();
                    } catch (RuntimeException e) {
                        callExceptionHandler(ExceptionContext.ofHandle("Exception in callback " + callback, e,
                                handle[0]));
                    }
                }

                @Override
                public String toString() {
                    return callback.toString();
                }
            }, context);
            return handle[0];
        }
    }
}
