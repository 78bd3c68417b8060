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
package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpTest extends LoopTestSupport {

    /** Sends every datagram back to its sender. */
    static final class Echo implements DatagramProtocol {
        DatagramTransport transport;

        @Override
        public void connectionMade(DatagramTransport made) {
            transport = made;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress sender) {
            transport.sendTo(data, sender);
        }
    }

    /** Collects datagrams as strings; completes {@code got} after {@code expected} of them. */
    static final class Collector implements DatagramProtocol {
        final List<String> received = new ArrayList<>();
        final Future<List<String>> got;
        final Future<Throwable> lost;
        private final int expected;

        Collector(EventLoop loop, int expected) {
            this.got = loop.createFuture();
            this.lost = loop.createFuture();
            this.expected = expected;
        }

        @Override
        public void datagramReceived(ByteBuffer data, SocketAddress sender) {
            received.add(StandardCharsets.UTF_8.decode(data).toString());
            if (received.size() == expected) {
                got.setResult(List.copyOf(received));
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            lost.setResult(cause);
        }
    }

    @Test
    void datagramsMakeARoundTripThroughAnEcho() {
        List<String> replies = loop.runUntilComplete(Coroutines.of(() -> {
            DatagramEndpoint<Echo> server = Async.await(loop.createDatagramEndpoint(Echo::new,
                    new InetSocketAddress("127.0.0.1", 0), null));
            InetSocketAddress serverAddress = (InetSocketAddress) server.transport().getExtraInfo("sockname");
            DatagramEndpoint<Collector> client = Async.await(loop.createDatagramEndpoint(() -> new Collector(loop, 3),
                    null, serverAddress));
            assertEquals(serverAddress, client.transport().getExtraInfo("peername"));
            for (String text : new String[] {"one", "two", "three"}) {
                client.transport().sendTo(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), null);
            }
            List<String> got = Async.await(client.protocol().got);
            client.transport().close();
            assertNull(Async.await(client.protocol().lost));
            server.transport().close();
            return got;
        }));
        assertEquals(3, replies.size());
        assertTrue(replies.containsAll(List.of("one", "two", "three")), replies.toString());
    }

    @Test
    void badArgumentsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> loop.createDatagramEndpoint(Echo::new, null, null));
        IllegalArgumentException unresolved = assertThrows(IllegalArgumentException.class,
                () -> loop.createDatagramEndpoint(Echo::new, InetSocketAddress.createUnresolved("localhost", 9), null));
        assertTrue(unresolved.getMessage().startsWith("unresolved address"), unresolved.getMessage());
        loop.runUntilComplete(Coroutines.of(() -> {
            DatagramEndpoint<Echo> unconnected = Async.await(loop.createDatagramEndpoint(Echo::new,
                    new InetSocketAddress("127.0.0.1", 0), null));
            assertThrows(IllegalArgumentException.class,
                    () -> unconnected.transport().sendTo(ByteBuffer.allocate(1), null));
            unconnected.transport().close();
            assertThrows(IllegalStateException.class,
                    () -> unconnected.transport().sendTo(ByteBuffer.allocate(1), new InetSocketAddress("127.0.0.1", 9)));
            return null;
        }));
    }

    @Test
    void closingTheLoopClosesItsEndpoints() {
        java.nio.channels.DatagramChannel[] socket = new java.nio.channels.DatagramChannel[1];
        loop.runUntilComplete(Coroutines.of(() -> {
            DatagramEndpoint<Echo> endpoint = Async.await(loop.createDatagramEndpoint(Echo::new,
                    new InetSocketAddress("127.0.0.1", 0), null));
            socket[0] = (java.nio.channels.DatagramChannel) endpoint.transport().getExtraInfo("socket");
            return null;
        }));
        loop.close();
        assertTrue(!socket[0].isOpen());
    }
}
