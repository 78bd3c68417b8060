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

import java.util.concurrent.CompletionException;
import org.apiguardian.api.API;

/**
 * How loopkit rethrows a stored failure, in one place so that {@code Future.result()} and
 * {@code Async.await} agree: unchecked exceptions and errors as they are (as asyncio re-raises
 * them), checked exceptions wrapped in a {@link CompletionException} whose cause they are.
 */
@API(status = INTERNAL, since = "0.1")
public final class Failures {

    private Failures() {
    }

    /**
     * Returns {@code failure} as an unchecked exception to throw, or throws it if it is an
     * {@link Error}.
     *
     * @param failure the stored failure; never null
     * @return the exception to throw
     */
    public static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException e) {
            return e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return new CompletionException(failure);
    }
}
