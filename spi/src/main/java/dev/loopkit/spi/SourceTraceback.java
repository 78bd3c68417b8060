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
import dev.loopkit.api.Future;
import dev.loopkit.api.Handle;
import java.lang.StackWalker.StackFrame;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a future, task or handle was created, recorded in debug mode only (asyncio's
 * {@code _source_traceback}): the caller's stack, from the first frame outside the loop's own code
 * (loopkit's {@code api} and {@code spi}, and any class that is itself a loop, future or handle),
 * so that "created at" names the application's line and not the factory it called.
 */
final class SourceTraceback {

    /** The key of the creation stack in an {@link ExceptionContext}'s extras, as asyncio's. */
    static final String KEY = "source_traceback";
    /** Enough to see the path into the loop's code; a deep stack is not worth its memory per object. */
    private static final int MAX_FRAMES = 32;
    private static final Set<String> LOOP_PACKAGES = Set.of("dev.loopkit.api", "dev.loopkit.api.internal",
            "dev.loopkit.spi");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private SourceTraceback() {
    }

    /** The calling application's stack, most recent frame first; never empty unless the loop itself is the caller. */
    static List<StackTraceElement> capture() {
        return WALKER.walk(frames -> frames.dropWhile(SourceTraceback::isLoopCode).limit(MAX_FRAMES)
                .map(StackFrame::toStackTraceElement).toList());
    }

    /** " created at FRAME" for a toString(), or "" when nothing was recorded. */
    static String createdAt(List<StackTraceElement> traceback) {
        return traceback == null || traceback.isEmpty() ? "" : " created at " + traceback.get(0);
    }

    /** The lines of the default handler's "source_traceback" entry, as asyncio's "Object created at". */
    static String format(List<?> traceback) {
        return "Object created at (most recent call first):"
                + traceback.stream().map(frame -> "\n\tat " + frame).collect(Collectors.joining());
    }

    /**
     * {@code context} with the creation stack of its handle or future added under {@link #KEY},
     * unless it has one already or neither recorded one.
     */
    static ExceptionContext addTo(ExceptionContext context) {
        if (context.extra().containsKey(KEY)) {
            return context;
        }
        List<StackTraceElement> traceback = of(context.handle());
        if (traceback == null) {
            traceback = of(context.future());
        }
        if (traceback == null) {
            return context;
        }
        return context.toBuilder().extra(KEY, traceback).build();
    }

    private static List<StackTraceElement> of(Object source) {
        if (source instanceof CallbackHandle handle) {
            return handle.sourceTraceback();
        }
        return source instanceof BuiltinFuture<?> future ? future.sourceTraceback() : null;
    }

    private static boolean isLoopCode(StackFrame frame) {
        Class<?> type = frame.getDeclaringClass();
        return LOOP_PACKAGES.contains(type.getPackageName()) || EventLoop.class.isAssignableFrom(type)
                || Future.class.isAssignableFrom(type) || Handle.class.isAssignableFrom(type);
    }
}
