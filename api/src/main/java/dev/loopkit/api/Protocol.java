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

import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/**
 * Callbacks of a stream connection (asyncio's {@code Protocol}), called on the loop's thread. Every
 * method has an empty default, so a protocol overrides only what it needs.
 *
 * <p>Order: {@link #connectionMade} once; then any number of {@link #dataReceived}; at most one
 * {@link #eofReceived}; then {@link #connectionLost} once. {@link #pauseWriting} and
 * {@link #resumeWriting} alternate, starting with pause, whenever the transport's write buffer
 * crosses its high and low water marks.
 */
@API(status = STABLE, since = "0.1")
public interface Protocol {

    /**
     * The connection is up.
     *
     * @param transport the connection's transport; never null
     */
    default void connectionMade(Transport transport) {
    }

    /**
     * Bytes arrived. The buffer belongs to the loop and is reused after this call returns: read it
     * (or copy what you keep) before returning, and do not write to it.
     *
     * @param data the bytes, between position and limit; never null
     */
    default void dataReceived(ByteBuffer data) {
    }

    /**
     * The peer closed its writing side (half-close).
     *
     * @return true to keep the transport open for writing; false (the default) closes it
     */
    default boolean eofReceived() {
        return false;
    }

    /**
     * The connection is closed.
     *
     * @param cause why it was lost (a reset, say), or null for a regular close or EOF
     */
    default void connectionLost(Throwable cause) {
    }

    /** The transport's write buffer went over its high water mark: stop writing until resumed. */
    default void pauseWriting() {
    }

    /** The transport's write buffer drained below its low water mark: writing may go on. */
    default void resumeWriting() {
    }
}
