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
import dev.loopkit.api.Connection;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Stream connections on top of the protocol API (asyncio's {@code open_connection} and
 * {@code start_server}), for coroutines of the running loop:
 *
 * <pre>{@code
 * StreamConnection c = Async.await(Streams.openConnection("127.0.0.1", 8888));
 * c.writer().write("hello\n".getBytes());
 * String reply = new String(Async.await(c.reader().readLine()));
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Streams {

    private Streams() {
    }

    /**
     * Connects to {@code host}:{@code port} on the running loop.
     *
     * @param host a host name or address; never null
     * @param port 1 to 65535
     * @return a future of the loop with the reader and writer
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<StreamConnection> openConnection(String host, int port) {
        return openConnection(host, port, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Like {@link #openConnection(String, int)} with the reader's buffer limit.
     *
     * @param host a host name or address; never null
     * @param port 1 to 65535
     * @param limit the reader's buffer limit in bytes; positive
     * @return a future of the loop with the reader and writer
     */
    public static Future<StreamConnection> openConnection(String host, int port, int limit) {
        requirePositive(limit);
        EventLoop loop = EventLoops.getRunningLoop();
        return connected(loop, loop.createConnection(() -> new StreamProtocol(loop, limit, null), host, port));
    }

    /**
     * Connects to {@code host}:{@code port} on the running loop over TLS (asyncio's
     * {@code open_connection(ssl=...)}); the future completes after the handshake.
     *
     * @param host a host name or address; never null
     * @param port 1 to 65535
     * @param ssl client options; never null
     * @return a future of the loop with the reader and writer
     * @throws IllegalStateException if no loop is running on this thread
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static Future<StreamConnection> openConnection(String host, int port, SslOptions ssl) {
        EventLoop loop = EventLoops.getRunningLoop();
        return connected(loop, loop.createConnection(() -> new StreamProtocol(loop, StreamReader.DEFAULT_LIMIT, null),
                host, port, ssl));
    }

    private static Future<StreamConnection> connected(EventLoop loop, Future<Connection<StreamProtocol>> connecting) {
        Future<StreamConnection> result = loop.createFuture();
        connecting.addDoneCallback(done -> {
            if (done.cancelled()) {
                result.cancel();
            } else if (done.exception() != null) {
                result.setException(done.exception());
            } else {
                result.setResult(done.result().protocol().connection());
            }
        });
        return result;
    }

    /**
     * Starts a server on the running loop; each connection is served by {@code handler} in a task
     * of its own, and closed when the handler returns.
     *
     * @param handler serves one connection; never null
     * @param host the address to listen on; never null
     * @param port 0 to 65535 (0 picks a free port)
     * @return a future of the loop with the server
     * @throws IllegalStateException if no loop is running on this thread
     */
    public static Future<Server> startServer(StreamHandler handler, String host, int port) {
        return startServer(handler, host, port, StreamReader.DEFAULT_LIMIT);
    }

    /**
     * Like {@link #startServer(StreamHandler, String, int)} with the readers' buffer limit.
     *
     * @param handler serves one connection; never null
     * @param host the address to listen on; never null
     * @param port 0 to 65535
     * @param limit each reader's buffer limit in bytes; positive
     * @return a future of the loop with the server
     */
    public static Future<Server> startServer(StreamHandler handler, String host, int port, int limit) {
        Objects.requireNonNull(handler, "handler");
        requirePositive(limit);
        EventLoop loop = EventLoops.getRunningLoop();
        return loop.createServer(() -> new StreamProtocol(loop, limit, handler), host, port);
    }

    /**
     * Starts a TLS server on the running loop (asyncio's {@code start_server(ssl=...)}); each
     * connection's handler runs after its handshake.
     *
     * @param handler serves one connection; never null
     * @param host the address to listen on; never null
     * @param port 0 to 65535
     * @param ssl server options; never null
     * @return a future of the loop with the server
     * @throws IllegalStateException if no loop is running on this thread
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static Future<Server> startServer(StreamHandler handler, String host, int port, SslOptions ssl) {
        Objects.requireNonNull(handler, "handler");
        EventLoop loop = EventLoops.getRunningLoop();
        return loop.createServer(() -> new StreamProtocol(loop, StreamReader.DEFAULT_LIMIT, handler), host, port, ssl);
    }

    private static void requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
