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
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A variable whose value belongs to the current {@link Context} (asyncio's
 * {@code contextvars.ContextVar}): set in a task, it is seen by that task's later steps, by the
 * callbacks and tasks the task schedules after setting it, and by no other task.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");
 *
 * REQUEST_ID.set(id);                       // in the task that serves the request
 * loop.createTask(Coroutines.of(() -> {     // a child task: it sees the id
 *     log.info("{} fetching", REQUEST_ID.get());
 *     ...
 * }));
 * }</pre>
 *
 * <p>Create variables once, as constants: a variable is compared by identity, and a context keeps
 * what it maps.
 *
 * <p>Thread-safety: thread-safe; it reads and writes the context current on the calling thread.
 *
 * @param <T> the type of its values
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class ContextVar<T> {

    private static final Object NO_DEFAULT = new Object();

    private final String name;
    private final Object defaultValue;

    /**
     * Creates a variable without a default: {@link #get()} throws until it is set.
     *
     * @param name its name, for debugging; never null
     */
    public ContextVar(String name) {
        this(NO_DEFAULT, name);
    }

    /**
     * Creates a variable whose {@link #get()} returns {@code defaultValue} where it is not set.
     *
     * @param name its name, for debugging; never null
     * @param defaultValue its default; may be null
     */
    public ContextVar(String name, T defaultValue) {
        this((Object) defaultValue, name);
    }

    private ContextVar(Object defaultValue, String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
        CurrentContexts.markInUse();
    }

    /**
     * Returns the variable's name.
     *
     * @return the name it was created with
     */
    public String name() {
        return name;
    }

    /**
     * Returns the variable's value in the current context, or its default.
     *
     * @return the value
     * @throws NoSuchElementException if it is not set here and has no default
     */
    public T get() {
        Context current = CurrentContexts.get();
        Object value = current == null ? NO_DEFAULT : current.valueOr(this, NO_DEFAULT);
        if (value != NO_DEFAULT) {
            return cast(value);
        }
        if (defaultValue == NO_DEFAULT) {
            throw new NoSuchElementException(this + " has no value in the current context and no default:"
                    + " set() it first, or create it with a default");
        }
        return cast(defaultValue);
    }

    /**
     * Returns the variable's value in the current context, or {@code fallback} if it is not set
     * here (asyncio's {@code var.get(default)}: the fallback wins over the variable's default).
     *
     * @param fallback what to return when it is not set; may be null
     * @return the value, or {@code fallback}
     */
    public T get(T fallback) {
        Context current = CurrentContexts.get();
        return current == null ? fallback : current.get(this, fallback);
    }

    /**
     * Sets the variable's value in the current context (a thread that never entered one gets its
     * own, as in asyncio), and returns a token that {@link #reset} undoes it with.
     *
     * @param value the new value; may be null
     * @return the token that restores the previous value
     */
    public Token<T> set(T value) {
        CurrentContexts.markInUse(); // again on this thread, which may not have seen the constructor's
        Context current = CurrentContexts.get();
        if (current == null) {
            current = new Context();
            CurrentContexts.set(current);
        }
        Object old = current.valueOr(this, NO_DEFAULT);
        Token<T> token = new Token<>(this, current, old != NO_DEFAULT, old != NO_DEFAULT ? cast(old) : null);
        current.put(this, value);
        return token;
    }

    /**
     * Restores the value the variable had before the {@link #set} that returned {@code token}
     * (or removes it, if it had none).
     *
     * @param token a token of this variable's, from the current context; never null
     * @throws IllegalStateException if the token was already used
     * @throws IllegalArgumentException if it belongs to another variable or another context
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.variable != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        if (token.context != CurrentContexts.get()) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        token.used = true;
        if (token.hadValue) {
            token.context.put(this, token.oldValue);
        } else {
            token.context.remove(this);
        }
    }

    @Override
    public String toString() {
        return "ContextVar[name='" + name + "']";
    }

    @SuppressWarnings("unchecked") // the context's table only maps this variable to values of T
    T cast(Object value) {
        return (T) value;
    }

    /**
     * What {@link ContextVar#set} returns: the way back to the previous value (asyncio's
     * {@code contextvars.Token}). Usable once.
     *
     * @param <T> the type of the variable's values
     */
    public static final class Token<T> {

        private final ContextVar<T> variable;
        private final Context context;
        private final boolean hadValue;
        private final T oldValue;
        private boolean used;

        private Token(ContextVar<T> variable, Context context, boolean hadValue, T oldValue) {
            this.variable = variable;
            this.context = context;
            this.hadValue = hadValue;
            this.oldValue = oldValue;
        }

        /**
         * Returns the variable this token was created by.
         *
         * @return the variable
         */
        public ContextVar<T> variable() {
            return variable;
        }

        @Override
        public String toString() {
            return "Token[" + (used ? "used, " : "") + "var=" + variable + "]";
        }
    }
}
