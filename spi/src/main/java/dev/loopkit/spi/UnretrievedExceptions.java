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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.RunningLoops;
import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the exceptions of built-in futures that were garbage-collected before anybody read
 * them (asyncio's "Future exception was never retrieved", done there in {@code __del__}).
 *
 * <p>A failed future gets a phantom reference; reading its exception clears it. Running loops
 * poll the queue once per iteration (no thread of its own) and hand each report to the failed
 * future's loop's exception handler, on that loop's thread. Thread-safe.
 */
final class UnretrievedExceptions {

    private static final Logger LOG = LoggerFactory.getLogger(UnretrievedExceptions.class);
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    /** Keeps the references themselves reachable until they are enqueued or cleared. */
    private static final Set<Report> LIVE = ConcurrentHashMap.newKeySet();

    private UnretrievedExceptions() {
    }

    /** Starts watching {@code future}, which just failed with {@code exception}. */
    static Report watch(BuiltinFuture<?> future, EventLoop loop, Throwable exception) {
        Report report = new Report(future, loop, exception,
                (future instanceof Task<?> ? "Task" : "Future") + " exception was never retrieved",
                future.toString(), future.sourceTraceback());
        LIVE.add(report);
        return report;
    }

    /** The exception was read: never report it. */
    static void retrieved(Report report) {
        LIVE.remove(report);
        report.clear();
    }

    /** Delivers the reports of collected futures. Called by running loops on their thread. */
    static void deliverCollected() {
        Reference<?> reference;
        while ((reference = QUEUE.poll()) != null) {
            Report report = (Report) reference;
            if (LIVE.remove(report)) {
                deliver(report);
            }
        }
    }

    private static void deliver(Report report) {
        EventLoop loop = report.loop;
        ExceptionContext context = report.context();
        if (RunningLoops.get() == loop) {
            loop.callExceptionHandler(context);
            return;
        }
        try {
            loop.callSoonThreadsafe(() -> loop.callExceptionHandler(context));
        } catch (IllegalStateException closed) {
            LOG.error("{} (loop {} is closed): {}", report.message, loop, report.description, report.exception);
        }
    }

    static final class Report extends PhantomReference<Object> {
        final EventLoop loop;
        final Throwable exception;
        final String message;
        final String description;
        final List<StackTraceElement> sourceTraceback;

        Report(Object future, EventLoop loop, Throwable exception, String message, String description,
                List<StackTraceElement> sourceTraceback) {
            super(future, QUEUE);
            this.loop = loop;
            this.exception = exception;
            this.message = message;
            this.description = description;
            this.sourceTraceback = sourceTraceback;
        }

        /** What the loop's exception handler gets: the future is gone, so its description and stack stand in. */
        ExceptionContext context() {
            ExceptionContext.Builder context = ExceptionContext.builder(message).exception(exception)
                    .extra("future", description);
            if (sourceTraceback != null) {
                context.extra(SourceTraceback.KEY, sourceTraceback);
            }
            return context.build();
        }
    }
}
