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
package dev.loopkit.streams;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * A separator was not found within the stream's buffer limit (asyncio's {@code LimitOverrunError}).
 * The buffered data is left in place. Unchecked, like {@link IncompleteReadException}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class LimitOverrunException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    /** How many bytes would have to be consumed to get past the limit. */
    private final int consumed;

    /**
     * Creates the exception.
     *
     * @param message what overran; never null
     * @param consumed how many bytes would have to be consumed to get past the limit
     */
    public LimitOverrunException(String message, int consumed) {
        super(message, new IOException(message));
        this.consumed = consumed;
    }

    /** {@return how many bytes would have to be consumed to get past the limit} */
    public int consumed() {
        return consumed;
    }
}
