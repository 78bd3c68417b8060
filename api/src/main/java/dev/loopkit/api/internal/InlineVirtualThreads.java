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

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.concurrent.Executor;
import org.apiguardian.api.API;

/**
 * The one place loopkit reaches into the JDK's private classes: virtual threads whose scheduler is
 * an {@link Executor} of loopkit's own (the thread that resumes the coroutine), which is what makes
 * the {@link CoroutineMechanism#INLINE} mechanism run a coroutine step on the loop thread itself.
 *
 * <p>What it uses, and where it exists: the constructor
 * {@code java.lang.ThreadBuilders$VirtualThreadBuilder(Executor)} and the field
 * {@code java.lang.VirtualThread.DEFAULT_SCHEDULER}, both private to {@code java.base} in JDK 21
 * to 25 (built and tested on 25), opened with {@code --add-opens java.base/java.lang=ALL-UNNAMED}
 * (or {@code =dev.loopkit.api} on the module path). It is used only from JDK 24 on, where
 * {@code synchronized} no longer pins a virtual thread to its carrier (JEP 491): before that, a
 * coroutine blocking in a {@code synchronized} block would block the loop thread.
 *
 * <p>The fallback, when anything here is missing: {@link #problem()} says why, and
 * {@link CoroutineMechanism} chooses {@link CoroutineMechanism#HANDOFF}, plain virtual threads on
 * the JDK's own scheduler, which needs nothing private.
 */
@API(status = INTERNAL, since = "0.1")
public final class InlineVirtualThreads {

    private static final Constructor<?> BUILDER;
    private static final Executor DEFAULT_SCHEDULER;
    private static final String PROBLEM;

    static {
        Constructor<?> builder = null;
        Executor defaultScheduler = null;
        String problem;
        if (Runtime.version().feature() < 24) {
            problem = "JDK " + Runtime.version().feature() + " < 24 pins virtual threads in synchronized blocks";
        } else {
            try {
                Class<?> type = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
                Constructor<?> constructor = type.getDeclaredConstructor(Executor.class);
                constructor.setAccessible(true);
                Field scheduler = Class.forName("java.lang.VirtualThread").getDeclaredField("DEFAULT_SCHEDULER");
                scheduler.setAccessible(true);
                defaultScheduler = (Executor) scheduler.get(null);
                builder = constructor;
                problem = null;
            } catch (ReflectiveOperationException | RuntimeException e) {
                problem = "the JDK's virtual thread builder is not accessible (" + e.getClass().getSimpleName()
                        + "); add --add-opens java.base/java.lang=ALL-UNNAMED (class path) or "
                        + "=dev.loopkit.api (module path)";
            }
        }
        BUILDER = builder;
        DEFAULT_SCHEDULER = defaultScheduler;
        PROBLEM = problem;
    }

    private InlineVirtualThreads() {
    }

    /** Returns null if inline virtual threads can be made here, otherwise why not. */
    static String problem() {
        return PROBLEM;
    }

    /**
     * {@return an unstarted virtual thread that runs {@code body} with {@code scheduler} as its
     * scheduler} Public for the benchmarks' floor (two such threads on a bare queue), which must
     * use the same mechanism as the inline coroutines it is the floor of.
     *
     * @param scheduler runs the thread's continuation each time it is ready
     * @param body what the thread runs
     * @throws IllegalStateException if {@link #problem()} is not null
     */
    public static Thread unstarted(Executor scheduler, Runnable body) {
        if (BUILDER == null) {
            throw new IllegalStateException("inline coroutine threads are unavailable: " + PROBLEM);
        }
        try {
            return ((Thread.Builder.OfVirtual) BUILDER.newInstance(scheduler)).unstarted(body);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create an inline coroutine thread", e);
        }
    }

    /**
     * Returns the JDK's own scheduler of virtual threads, where the virtual threads an inline
     * coroutine starts go (the JDK would otherwise give them the coroutine's scheduler).
     */
    static Executor defaultScheduler() {
        return DEFAULT_SCHEDULER;
    }
}
