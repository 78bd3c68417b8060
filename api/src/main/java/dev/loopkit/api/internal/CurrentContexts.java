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
package dev.loopkit.api.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.loopkit.api.Context;
import org.apiguardian.api.API;

/**
 * The {@link Context} current on each thread (the thread state's context in CPython). Set by
 * {@code Context.run}, by a task around each step and by a coroutine's own thread while it runs a
 * step, so that {@code ContextVar.get()} answers the same on the loop thread and in the coroutine.
 *
 * <p>{@link #inUse()} stays false until the first {@code ContextVar} is created: until then no
 * context can hold a value, and the loop skips capturing one for every callback it schedules.
 */
@API(status = INTERNAL, since = "0.1")
public final class CurrentContexts {

    private static final ThreadLocal<Context> CURRENT = new ThreadLocal<>();
    /**
     * Plain, not volatile: read for every callback scheduled, so it must cost no more than a field
     * read. A thread that reads a stale false holds no context with a value in it: it would have
     * had to set one itself ({@code ContextVar.set} marks it again, in the thread's own program
     * order) or be handed one (through whatever hand-off made the value visible, which makes this
     * flag visible too).
     */
    private static boolean inUse;

    private CurrentContexts() {
    }

    /** {@return the context current on this thread, or null if this thread never entered or set one} */
    public static Context get() {
        return CURRENT.get();
    }

    /**
     * Makes {@code context} current on this thread, or with null, none.
     *
     * @param context the context, or null
     */
    public static void set(Context context) {
        if (context == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(context);
        }
    }

    /** {@return whether any context variable exists in this process} */
    public static boolean inUse() {
        return inUse;
    }

    /** Records that a context variable exists, so contexts are captured from now on. */
    public static void markInUse() {
        if (!inUse) {
            inUse = true;
        }
    }

    /**
     * {@return what a scheduled callback captures (asyncio's {@code copy_context()} in
     * {@code call_soon}): a copy of this thread's context, or null while no context variable
     * exists (nothing could be in it, and the callback then runs as it is)}
     */
    public static Context captureForCallback() {
        return inUse ? Context.copyCurrent() : null;
    }
}
