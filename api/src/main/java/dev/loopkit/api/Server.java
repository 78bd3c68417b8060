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

import java.net.SocketAddress;
import java.util.List;
import org.apiguardian.api.API;

/** A listening server made by {@link EventLoop#createServer} (asyncio's {@code Server}). Loop thread only. */
@API(status = STABLE, since = "0.1")
public interface Server {

    /** Stops accepting connections and closes the listening sockets; open connections stay. */
    void close();

    /** {@return a future of the server's loop that is done once the server is closed} */
    Future<Void> waitClosed();

    /** {@return the addresses the server listens on (with the real port when 0 was asked for)} */
    List<SocketAddress> sockets();

    /** {@return true while the server accepts connections} */
    boolean isServing();

    /**
     * Returns a future to await while the server serves (asyncio's {@code serve_forever}): it
     * completes when the server is closed, and cancelling it closes the server.
     *
     * @return a future of the server's loop
     */
    Future<Void> serveForever();
}
