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
