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

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import org.apiguardian.api.API;

/** A datagram endpoint's sending side (asyncio's {@code DatagramTransport}). Loop thread only. */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DatagramTransport {

    /**
     * Sends one datagram of the remaining bytes of {@code data}.
     *
     * @param data the datagram; never null
     * @param target where to send it, or null for the endpoint's remote address
     * @throws IllegalStateException if the transport is closing
     * @throws IllegalArgumentException if {@code target} is null and the endpoint has no remote
     *     address
     */
    void sendTo(ByteBuffer data, SocketAddress target);

    /** Closes the endpoint once queued datagrams are sent. */
    void close();

    /** Closes the endpoint at once, dropping queued datagrams. */
    void abort();

    /** {@return true once the endpoint is closing} */
    boolean isClosing();

    /** {@return the protocol this transport calls} */
    DatagramProtocol getProtocol();

    /**
     * Returns optional information: {@code "sockname"}, {@code "peername"} (connected endpoints)
     * and {@code "socket"}, or null.
     *
     * @param name the information's name; never null
     * @return the value, or null
     */
    Object getExtraInfo(String name);
}
