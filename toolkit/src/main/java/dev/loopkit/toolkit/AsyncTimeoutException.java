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

import dev.loopkit.api.CancelledException;
import org.apiguardian.api.API;

/**
 * A deadline passed (asyncio's {@code TimeoutError}): thrown by {@link Asyncio#waitFor} and by a
 * {@link Timeout} scope whose deadline cancelled its body. Its cause is the
 * {@link CancelledException} the deadline raised in the body, as asyncio's {@code raise
 * TimeoutError from exc}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class AsyncTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a deadline that cancelled {@code cause}'s await.
     *
     * @param cause the cancellation the deadline raised; may be null
     */
    public AsyncTimeoutException(CancelledException cause) {
        super("the deadline passed", cause);
    }
}
