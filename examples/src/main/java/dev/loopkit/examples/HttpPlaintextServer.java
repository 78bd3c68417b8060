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
package dev.loopkit.examples;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.SslOptions;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.Loops;
import dev.loopkit.toolkit.GroupServer;
import dev.loopkit.toolkit.LoopGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 keep-alive "plaintext" server (the TechEmpower test) on the protocol API: every
 * request, pipelined or not, gets {@code Hello, World!}. Enough HTTP for a benchmark, no more:
 * requests without a body, read up to the blank line.
 *
 * <p>Run: {@code java ... dev.loopkit.examples.HttpPlaintextServer [PORT [LOOPS]]} (default 8080, one
 * loop per core): a {@link LoopGroup} serves the port on all its loops.
 */
public final class HttpPlaintextServer {

    static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n"
            + "Server: loopkit\r\n\r\nHello, World!").getBytes(StandardCharsets.US_ASCII);

    private HttpPlaintextServer() {
    }

    /** Starts the server on {@code loop}; port 0 picks a free one. */
    public static Future<Server> start(EventLoop loop, String host, int port) {
        return loop.createServer(Connection::new, host, port);
    }

    /** Starts the server for HTTPS on {@code loop}: the same connections, behind TLS with {@code ssl}. */
    public static Future<Server> start(EventLoop loop, String host, int port, SslOptions ssl) {
        return loop.createServer(Connection::new, host, port, ssl);
    }

    /**
     * One keep-alive connection: answers each complete request head it finds. A client that
     * pipelines requests and does not read the answers makes the transport pause writing; the
     * connection then stops reading requests until the answers drain, so what it buffers stays
     * bounded.
     */
    static final class Connection implements Protocol {
        private final RequestHeads heads = new RequestHeads();
        private Transport transport;

        @Override
        public void connectionMade(Transport made) {
            transport = made;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            int answers = 0;
            while (data.hasRemaining()) {
                if (heads.next(data.get())) {
                    answers++;
                }
            }
            if (answers > 0) {
                ByteBuffer out = ByteBuffer.allocate(RESPONSE.length * answers);
                for (int i = 0; i < answers; i++) {
                    out.put(RESPONSE);
                }
                transport.write(out.flip());
            }
        }

        @Override
        public void pauseWriting() {
            transport.pauseReading();
        }

        @Override
        public void resumeWriting() {
            transport.resumeReading();
        }
    }

    /**
     * Starts the server on every loop of {@code group}; port 0 picks a free one.
     *
     * @throws IOException if the address cannot be bound
     */
    public static GroupServer start(LoopGroup group, String host, int port) throws IOException {
        return group.createServer(Connection::new, host, port);
    }

    private static int argument(String given, String name, int min, int max) {
        try {
            int value = Integer.parseInt(given);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("usage: HttpPlaintextServer [PORT [LOOPS]]: " + name + " must be a number"
                + " from " + min + " to " + max + ", got '" + given + "'");
    }

    /**
     * Serves on a group of loops, one per core unless {@code LOOPS} says otherwise, until the
     * process is stopped.
     *
     * @param args {@code [PORT [LOOPS]]}
     * @throws IOException if the port cannot be bound
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? argument(args[0], "PORT", 0, 65535) : 8080;
        int loops = args.length > 1 ? argument(args[1], "LOOPS", 1, 1024) : Runtime.getRuntime().availableProcessors();
        LoopGroup group = LoopGroup.start(loops, Loops::newEventLoop);
        try {
            GroupServer server = start(group, "127.0.0.1", port);
            Runtime.getRuntime().addShutdownHook(new Thread(group::close));
            System.out.println(loops + (loops == 1 ? " loop" : " loops") + ", connections shared by "
                    + server.distribution());
            System.out.println("HTTP plaintext server on http://127.0.0.1:" + server.address().getPort() + "/");
        } catch (IOException | RuntimeException e) {
            group.close();
            throw e;
        }
    }
}
