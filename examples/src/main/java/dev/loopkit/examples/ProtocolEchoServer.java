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

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.Loops;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The README's echo server written with protocols, and a client protocol talking to it. */
public final class ProtocolEchoServer {

    private ProtocolEchoServer() {
    }

    /**
     * Echoes every byte back. While the peer does not read the echoes fast enough (the transport
     * pauses writing), it stops reading, so what it buffers stays bounded.
     */
    public static final class Echo implements Protocol {
        private Transport transport;

        @Override
        public void connectionMade(Transport made) {
            transport = made;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            transport.write(data);
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

    /** Prints what comes back and completes {@code done} after {@code expected} bytes. */
    static final class Client implements Protocol {
        final Future<Void> done;
        private final int expected;
        private int received;

        Client(EventLoop loop, int expected) {
            this.done = loop.createFuture();
            this.expected = expected;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            received += data.remaining();
            System.out.print("echoed: " + StandardCharsets.UTF_8.decode(data));
            if (received >= expected && !done.done()) {
                done.setResult(null);
            }
        }
    }

    public static void main(String[] args) {
        Loops.run(() -> {
            EventLoop loop = EventLoops.getRunningLoop();
            Server server = Async.await(loop.createServer(Echo::new, "127.0.0.1", 0));
            int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
            System.out.println("protocol echo server on port " + port);

            byte[] message = "hello, protocols\n".getBytes(StandardCharsets.UTF_8);
            Connection<Client> client = Async.await(loop.createConnection(() -> new Client(loop, message.length),
                    "127.0.0.1", port));
            client.transport().write(ByteBuffer.wrap(message));
            Async.await(client.protocol().done);
            client.transport().close();
            server.close();
            return null;
        });
    }
}
