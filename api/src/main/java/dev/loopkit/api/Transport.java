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
import static org.apiguardian.api.API.Status.STABLE;

import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/**
 * A stream connection's sending side and controls (asyncio's {@code Transport}). Loop thread only.
 *
 * <p>Writes never block: what the socket cannot take at once is copied into the transport's write
 * buffer and sent when it can; the protocol is told to pause when the buffer passes the high water
 * mark (default 64 KiB) and to resume below the low one (default 16 KiB).
 */
@API(status = STABLE, since = "0.1")
public interface Transport {

    /**
     * Sends the remaining bytes of {@code data} (the buffer is consumed; its bytes are copied if
     * they cannot be sent at once).
     *
     * @param data the bytes to send; never null
     * @throws IllegalStateException if the transport is closing or {@link #writeEof()} was called
     */
    void write(ByteBuffer data);

    /** Closes the sending side after the buffered data is sent (half-close). */
    void writeEof();

    /** {@return whether {@link #writeEof()} is supported} */
    boolean canWriteEof();

    /** Closes the transport once buffered data is sent; the protocol then gets {@code connectionLost(null)}. */
    void close();

    /** Closes the transport at once, dropping buffered data. */
    void abort();

    /** {@return true once {@link #close()} or {@link #abort()} was called or the connection was lost} */
    boolean isClosing();

    /** Stops delivering received data until {@link #resumeReading()}. */
    void pauseReading();

    /** Resumes delivering received data. */
    void resumeReading();

    /** {@return whether received data is being delivered} */
    boolean isReading();

    /**
     * Sets the write buffer's water marks.
     *
     * @param high pause the protocol above this many buffered bytes; positive
     * @param low resume it at or below this many; between 0 and {@code high}
     */
    void setWriteBufferLimits(int high, int low);

    /** {@return how many bytes wait in the write buffer} */
    int getWriteBufferSize();

    /** {@return the protocol this transport calls} */
    Protocol getProtocol();

    /**
     * Makes the transport call {@code protocol} from now on (asyncio's {@code set_protocol}), as
     * {@link EventLoop#startTls} does; the new protocol's {@code connectionMade} is not called.
     * The default implementation refuses.
     *
     * @param protocol the protocol to call; never null
     * @throws UnsupportedOperationException if this transport cannot change its protocol
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    default void setProtocol(Protocol protocol) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot change its protocol");
    }

    /**
     * Returns optional information about the transport (asyncio's {@code get_extra_info}):
     * {@code "peername"} and {@code "sockname"} (socket addresses) and {@code "socket"} (the
     * channel); on a TLS transport also {@code "peercert"}, {@code "cipher"}, {@code "ssl_version"},
     * {@code "alpn_protocol"}, {@code "ssl_object"} (the {@code SSLEngine}) and {@code "sslcontext"};
     * null when unknown.
     *
     * @param name the information's name; never null
     * @return the value, or null
     */
    Object getExtraInfo(String name);
}
