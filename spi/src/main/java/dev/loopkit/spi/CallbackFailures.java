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

import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * The one rule for what a loop does with a {@link Throwable} that a callback, a task's coroutine, a
 * protocol or an exception handler throws, and a safe way to name the culprit in the report.
 *
 * <p>asyncio lets only {@code SystemExit} and {@code KeyboardInterrupt} out of its loop and hands
 * everything else, {@code RecursionError} and {@code MemoryError} included, to the exception
 * handler. loopkit's fatal throwables are the JVM's own {@link VirtualMachineError}s
 * ({@link OutOfMemoryError}, {@link InternalError}, ...): after one the JVM's state is in doubt,
 * so they escape {@code runForever} and end the run. A {@link StackOverflowError} is the
 * exception: the stack it overflowed is unwound by the time it is caught, so, like asyncio's
 * {@code RecursionError}, it goes to the exception handler (or fails its task) and the loop runs on.
 * Every other throwable is reported and the loop runs on.
 *
 * <p>Vendors apply the same rule wherever their loops catch:
 * <pre>{@code
 * try {
 *     callback.run();
 * } catch (Throwable t) {
 *     CallbackFailures.rethrowIfFatal(t);
 *     loop.callExceptionHandler(ExceptionContext.of("Exception in callback " + CallbackFailures.describe(callback), t));
 * }
 * }</pre>
 * Stateless and thread-safe.
 */
@API(status = STABLE, since = "0.1")
public final class CallbackFailures {

    private CallbackFailures() {
    }

    /**
     * Returns whether {@code failure} must escape the loop instead of being reported.
     *
     * @param failure what was thrown, or null (not fatal)
     * @return true for a {@link VirtualMachineError} other than {@link StackOverflowError}
     */
    public static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }

    /**
     * Throws {@code failure} if it {@linkplain #isFatal is fatal}; returns otherwise.
     *
     * @param failure what was caught; never null
     */
    public static void rethrowIfFatal(Throwable failure) {
        if (isFatal(failure)) {
            throw (VirtualMachineError) failure;
        }
    }

    /**
     * Returns {@code culprit.toString()} for a report, or, when that throws too, its class and
     * identity with what {@code toString()} threw: a report must never fail because of what it
     * reports.
     *
     * @param culprit the callback, handle, future or protocol to name; may be null
     * @return its description; never null
     */
    public static String describe(Object culprit) {
        try {
            return String.valueOf(culprit);
        } catch (Throwable broken) {
            rethrowIfFatal(broken);
            return culprit.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(culprit))
                    + " (its toString() threw " + broken.getClass().getName() + ")";
        }
    }
}
