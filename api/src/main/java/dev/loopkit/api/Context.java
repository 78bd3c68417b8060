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
package dev.loopkit.api;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.internal.CurrentContexts;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A mapping of {@link ContextVar}s to values (asyncio's {@code contextvars.Context}): what
 * {@code ThreadLocal} is to a thread, a context is to a task and to each callback.
 *
 * <p>Every task runs each of its steps in its own context, copied from the creator's when the
 * task is created ({@link EventLoop#createTask}); every callback scheduled with
 * {@link EventLoop#callSoon}, {@link EventLoop#callLater} and the like runs in a copy of the
 * context current when it was scheduled, unless it is given one explicitly. A child task
 * therefore sees what its creator had set, and what it sets itself stays its own.
 *
 * <p>Copies are cheap: a context is a holder of an immutable table, and {@link ContextVar#set}
 * replaces the table of the current context (copy-on-write), so {@link #copy()} shares it. The
 * table is meant for the handful of variables an application keeps per request (a request id,
 * a deadline, a tracing span); setting is linear in their number.
 *
 * <p>Thread-safety: a context is entered by one thread at a time, as in asyncio; the loop and a
 * task's coroutine hand it over with the step. {@link #copyCurrent()} may be called on any thread.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Context {

    private static final Object[] EMPTY = {};

    /** Variable, value, variable, value, ...; never modified, only replaced. */
    private Object[] entries;
    private boolean entered;

    /** Creates an empty context (asyncio's {@code Context()}). */
    public Context() {
        this(EMPTY);
    }

    private Context(Object[] entries) {
        this.entries = entries;
    }

    /**
     * Returns a copy of the context current on this thread (asyncio's {@code copy_context()}), or
     * an empty context if this thread never entered or set one.
     *
     * @return a new context
     */
    public static Context copyCurrent() {
        Context current = CurrentContexts.get();
        return current == null ? new Context() : current.copy();
    }

    /**
     * Returns a shallow copy: the same values, and what is set in either later stays there.
     *
     * @return a new context
     */
    public Context copy() {
        return new Context(entries);
    }

    /**
     * Runs {@code action} with this context current on this thread, then makes the previous one
     * current again (asyncio's {@code Context.run}).
     *
     * @param action what to run; never null
     * @throws IllegalStateException if this context is already entered
     */
    public void run(Runnable action) {
        Objects.requireNonNull(action, "action");
        Context previous = enter();
        try {
            action.run();
        } finally {
            exit(previous);
        }
    }

    /**
     * Calls {@code action} with this context current on this thread, then makes the previous one
     * current again, and returns what it returned.
     *
     * @param action what to call; never null
     * @param <T> the type of its result
     * @return the result of {@code action}
     * @throws IllegalStateException if this context is already entered
     */
    public <T> T run(Supplier<T> action) {
        Objects.requireNonNull(action, "action");
        Context previous = enter();
        try {
            return action.get();
        } finally {
            exit(previous);
        }
    }

    /**
     * Like {@link #run(Supplier)}, for work that throws checked exceptions (a blocking call handed
     * to another thread, say).
     *
     * @param action what to call; never null
     * @param <T> the type of its result
     * @return the result of {@code action}
     * @throws Exception what {@code action} threw
     * @throws IllegalStateException if this context is already entered
     */
    public <T> T call(Callable<T> action) throws Exception {
        Objects.requireNonNull(action, "action");
        Context previous = enter();
        try {
            return action.call();
        } finally {
            exit(previous);
        }
    }

    /**
     * Returns whether {@code variable} has a value in this context (asyncio's {@code var in ctx}).
     *
     * @param variable the variable; never null
     * @return true if it was set here or in the context this one was copied from
     */
    public boolean contains(ContextVar<?> variable) {
        return indexOf(Objects.requireNonNull(variable, "variable")) >= 0;
    }

    /**
     * Returns the value of {@code variable} in this context, or {@code fallback} if it has none
     * here (asyncio's {@code ctx.get(var, default)}; the variable's own default is not used).
     *
     * @param variable the variable; never null
     * @param fallback what to return when it has no value here; may be null
     * @param <T> the type of its values
     * @return its value, or {@code fallback}
     */
    public <T> T get(ContextVar<T> variable, T fallback) {
        return variable.cast(valueOr(Objects.requireNonNull(variable, "variable"), fallback));
    }

    /**
     * Returns the number of variables that have a value in this context.
     *
     * @return the count
     */
    public int size() {
        return entries.length / 2;
    }

    /** Lists the variables' names and values, for debugging. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "Context[", "]");
        Object[] table = entries;
        for (int i = 0; i < table.length; i += 2) {
            text.add(((ContextVar<?>) table[i]).name() + "=" + table[i + 1]);
        }
        return text.toString();
    }

    /** Returns the value of {@code variable} here, or {@code absent} if it has none: one scan. */
    Object valueOr(ContextVar<?> variable, Object absent) {
        int index = indexOf(variable);
        return index < 0 ? absent : entries[index + 1];
    }

    /** Returns where {@code variable} sits in the table, or -1 if it has no value here. */
    int indexOf(ContextVar<?> variable) {
        Object[] table = entries;
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] == variable) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces this context's table with one where {@code variable} is {@code value}. */
    void put(ContextVar<?> variable, Object value) {
        Object[] table = entries;
        int index = indexOf(variable);
        Object[] next;
        if (index >= 0) {
            next = table.clone();
        } else {
            index = table.length;
            next = new Object[table.length + 2];
            System.arraycopy(table, 0, next, 0, table.length);
            next[index] = variable;
        }
        next[index + 1] = value;
        entries = next;
    }

    /** Replaces this context's table with one where {@code variable} has no value. */
    void remove(ContextVar<?> variable) {
        Object[] table = entries;
        int index = indexOf(variable);
        if (index < 0) {
            return;
        }
        Object[] next = new Object[table.length - 2];
        System.arraycopy(table, 0, next, 0, index);
        System.arraycopy(table, index + 2, next, index, table.length - index - 2);
        entries = next;
    }

    private Context enter() {
        if (entered) {
            throw new IllegalStateException("cannot enter context: " + this + " is already entered");
        }
        entered = true;
        Context previous = CurrentContexts.get();
        CurrentContexts.set(this);
        return previous;
    }

    private void exit(Context previous) {
        CurrentContexts.set(previous);
        entered = false;
    }
}
