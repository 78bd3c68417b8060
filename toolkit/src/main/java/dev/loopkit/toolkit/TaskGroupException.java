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
package dev.loopkit.toolkit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Every failure of a {@link TaskGroup}, its body's and its tasks', in the order they happened
 * (Java's answer to asyncio's {@code ExceptionGroup}): none is swallowed. Each is also attached as
 * a suppressed exception, so a printed stack trace shows them all.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class TaskGroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The failures, in order; serialised with the exception. */
    private final List<Throwable> exceptions;

    /**
     * Creates the exception for {@code exceptions}.
     *
     * @param exceptions the failures, at least one; never null
     */
    public TaskGroupException(List<Throwable> exceptions) {
        super("unhandled errors in a TaskGroup (" + exceptions.size() + " sub-exception"
                + (exceptions.size() == 1 ? "" : "s") + ")", null, true, true);
        if (exceptions.isEmpty()) {
            throw new IllegalArgumentException("a TaskGroupException needs at least one exception");
        }
        this.exceptions = List.copyOf(exceptions);
        this.exceptions.forEach(this::addSuppressed);
    }

    /**
     * Returns the failures, in the order they happened.
     *
     * @return an unmodifiable list, never empty
     */
    public List<Throwable> exceptions() {
        return exceptions;
    }
}
