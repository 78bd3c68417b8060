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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** asyncio's sock_* operations and add_reader/add_writer on the default loop. */
class SocketOperationsTest extends LoopTestSupport {

    @Test
    void sockOperationsConnectAcceptSendAndReceive() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open();
             SocketChannel client = SocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            client.configureBlocking(false);
            String got = loop.runUntilComplete(Coroutines.of(() -> {
                Future<SocketChannel> accepting = loop.sockAccept(listener);
                Async.await(loop.sockConnect(client, listener.getLocalAddress()));
                try (SocketChannel server = Async.await(accepting)) {
                    assertFalse(server.isBlocking());
                    byte[] payload = new byte[256 * 1024];
                    java.util.Arrays.fill(payload, (byte) 'x');
                    Future<Void> sent = loop.sockSendAll(client, ByteBuffer.wrap(payload));
                    ByteBuffer into = ByteBuffer.allocate(payload.length);
                    while (into.hasRemaining()) {
                        assertTrue(Async.await(loop.sockRecv(server, into)) > 0);
                    }
                    Async.await(sent);
                    client.shutdownOutput();
                    assertEquals(-1, Async.await(loop.sockRecv(server, ByteBuffer.allocate(1))));
                    return new String(into.array(), 0, 3, StandardCharsets.US_ASCII);
                }
            }));
            assertEquals("xxx", got);
        }
    }

    @Test
    void readersAndWritersCanBeAddedAndRemoved() throws Exception {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            int[] calls = {0};
            loop.addReader(listener, () -> {
                calls[0]++;
                assertTrue(loop.removeReader(listener));
                loop.stop();
            });
            try (SocketChannel peer = SocketChannel.open(listener.getLocalAddress())) {
                loop.runForever();
                assertEquals(1, calls[0]);
                assertFalse(loop.removeReader(listener));
                assertFalse(loop.removeWriter(listener));
                loop.addReader(listener, () -> calls[0]++);
                assertTrue(loop.removeReader(listener), "a channel can be added again after removal");
            }
        }
    }

    @Test
    void blockingChannelsAreRejectedClearly() throws Exception {
        try (SocketChannel blocking = SocketChannel.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> loop.sockRecv(blocking, ByteBuffer.allocate(1)));
            assertEquals("the channel must be non-blocking: call configureBlocking(false) first", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> loop.addReader(blocking, () -> { }));
        }
    }

    /** asyncio's _ensure_fd_no_transport: a transport's channel is not for readiness callbacks. */
    @Test
    void aTransportsChannelIsRefusedToReadinessCallbacksAndSockOperations() throws Exception {
        Server server = loop.runUntilComplete(loop.createServer(() -> new Protocol() { }, "127.0.0.1", 0));
        int port = ((InetSocketAddress) server.sockets().get(0)).getPort();
        Connection<Protocol> connection = loop.runUntilComplete(
                loop.createConnection(() -> new Protocol() { }, "127.0.0.1", port));
        SocketChannel used = (SocketChannel) connection.transport().getExtraInfo("socket");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> loop.addReader(used, () -> { }));
        assertEquals("the channel is used by " + connection.transport()
                + ": readiness callbacks and sock* operations need a channel of their own", refused.getMessage());
        assertThrows(IllegalStateException.class, () -> loop.removeWriter(used));
        assertThrows(IllegalStateException.class, () -> loop.sockRecv(used, ByteBuffer.allocate(1)));
        connection.transport().close();
        server.close();
        loop.runUntilComplete(server.waitClosed());
    }

    @Test
    void aReaderThatThrowsReachesTheExceptionHandlerAndTheLoopGoesOn() throws Exception {
        List<ExceptionContext> reported = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reported.add(context));
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress("127.0.0.1", 0));
            listener.configureBlocking(false);
            IllegalStateException failure = new IllegalStateException("reader failed");
            loop.addReader(listener, () -> {
                loop.removeReader(listener);
                loop.stop();
                throw failure;
            });
            try (SocketChannel peer = SocketChannel.open(listener.getLocalAddress())) {
                loop.runForever();
            }
            assertEquals(1, reported.size());
            assertTrue(reported.get(0).message().startsWith("Exception in readiness callback"),
                    reported.get(0).message());
            assertEquals(failure, reported.get(0).exception());
        }
    }
}
