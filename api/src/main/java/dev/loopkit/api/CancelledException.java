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

import static org.apiguardian.api.API.Status.STABLE;

import java.util.concurrent.CancellationException;
import org.apiguardian.api.API;

/**
 * Thrown by {@link Future#result()} and {@link Future#exception()} of a cancelled future, and into
 * a task's coroutine when the task is cancelled (asyncio's {@code CancelledError}).
 *
 * <p>It extends the JDK's {@link CancellationException}, so code that already handles that keeps
 * working; its message is the one passed to {@link Future#cancel(String)}, or {@code null}.
 */
@API(status = STABLE, since = "0.1")
public class CancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the cancellation message given to {@link Future#cancel(String)}; may be null
     */
    public CancelledException(String message) {
        super(message);
    }
}
