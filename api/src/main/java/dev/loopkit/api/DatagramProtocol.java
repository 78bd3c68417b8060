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

/**
 * Callbacks of a datagram endpoint (asyncio's {@code DatagramProtocol}), called on the loop's
 * thread. Every method has an empty default.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public interface DatagramProtocol {

    /**
     * The endpoint is ready.
     *
     * @param transport the endpoint's transport; never null
     */
    default void connectionMade(DatagramTransport transport) {
    }

    /**
     * A datagram arrived. The buffer belongs to the loop and is reused after this call returns.
     *
     * @param data the datagram, between position and limit; never null
     * @param sender where it came from; never null
     */
    default void datagramReceived(ByteBuffer data, SocketAddress sender) {
    }

    /**
     * A send or receive failed (an ICMP port unreachable on a connected endpoint, say); the
     * endpoint stays open.
     *
     * @param error what failed; never null
     */
    default void errorReceived(Exception error) {
    }

    /**
     * The endpoint is closed.
     *
     * @param cause why, or null for a regular close
     */
    default void connectionLost(Throwable cause) {
    }
}
