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
import dev.loopkit.api.ExceptionHandler;
import dev.loopkit.api.Handle;
import dev.loopkit.spi.CallbackFailures;
import dev.loopkit.testsupport.ForwardingLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loops whose one defect shows only in what they log. */
final class LogDefects {

    private static final Logger LOG = LoggerFactory.getLogger(LogDefects.class);

    private LogDefects() {
    }

    /** The default handler logs the message, the exception and the extras, but not the future or handle. */
    static final class DefaultHandlerOmitsFuture extends ForwardingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
            if (getExceptionHandler() == null) {
                defaultExceptionHandler(context);
            } else {
                delegate().callExceptionHandler(context);
            }
        }

        @Override
        public void defaultExceptionHandler(ExceptionContext context) {
            StringBuilder text = new StringBuilder(context.message());
            context.extra().forEach((key, value) -> text.append('\n').append(key).append(": ").append(value));
            LOG.error("{}", text, context.exception());
        }
    }

    /** What a custom handler throws is dropped instead of logged. */
    static final class HandlerFailureSwallowed extends ForwardingLoop {
        @Override
        public void callExceptionHandler(ExceptionContext context) {
            ExceptionHandler handler = getExceptionHandler();
            if (handler == null) {
                delegate().callExceptionHandler(context);
                return;
            }
            try {
                handler.handle(this, context);
            } catch (Throwable ignored) {
                CallbackFailures.rethrowIfFatal(ignored);
                // the defect: "a broken handler must not make more noise"
            }
        }
    }

    /** Times every callback and warns about slow ones in debug mode and outside it alike. */
    static final class WarnsOutsideDebug extends ForwardingLoop {
        @Override
        public Handle callSoon(Runnable callback, Context context) {
            return delegate().callSoon(new Runnable() {
                @Override
                public void run() {
                    long start = System.nanoTime();
                    callback.run();
                    long took = System.nanoTime() - start;
                    if (!getDebug() && took >= getSlowCallbackDuration().toNanos()) {
                        LOG.warn("Executing {} took {} seconds", callback, String.format("%.3f", took / 1e9));
                    }
                }

                @Override
                public String toString() {
                    return callback.toString();
                }
            }, context);
        }
    }
}
