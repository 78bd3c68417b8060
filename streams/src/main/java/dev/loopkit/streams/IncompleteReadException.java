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

import dev.loopkit.api.Async;
import java.io.EOFException;
import java.io.UncheckedIOException;
import org.apiguardian.api.API;

/**
 * The stream ended before a read got all it needed (asyncio's {@code IncompleteReadError}).
 * Unchecked, so that it reaches a coroutine's {@code catch} through {@link Async#await} as it is.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class IncompleteReadException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    private final transient byte[] partial;
    /** How many bytes were needed, or -1 when reading up to a separator. */
    private final int expected;

    /**
     * Creates the exception.
     *
     * @param partial the bytes read before the end; never null
     * @param expected how many bytes were needed, or -1 when reading up to a separator
     */
    public IncompleteReadException(byte[] partial, int expected) {
        this(partial.length + " bytes read on a total of "
                + (expected < 0 ? "undefined" : Integer.toString(expected)) + " expected bytes", partial, expected);
    }

    private IncompleteReadException(String message, byte[] partial, int expected) {
        super(message, new EOFException(message));
        this.partial = partial.clone();
        this.expected = expected;
    }

    /** {@return the bytes read before the end of the stream} */
    public byte[] partial() {
        return partial.clone();
    }

    /** {@return how many bytes were needed, or -1 when reading up to a separator} */
    public int expected() {
        return expected;
    }
}
