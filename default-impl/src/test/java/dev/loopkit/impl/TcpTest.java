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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.Future;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.testsupport.CollectingProtocol;
import dev.loopkit.testsupport.EchoProtocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TcpTest extends LoopTestSupport {

    private Server listen() {
        return Async.await(loop.createServer(EchoProtocol::new, "127.0.0.1", 0));
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    @Test
    void anEchoServerEchoes() {
        String echoed = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            client.transport().write(ByteBuffer.wrap("hello, loop".getBytes(StandardCharsets.UTF_8)));
            Async.await(client.protocol().receivedAtLeast(11));
            assertEquals(client.transport(), client.protocol().transport);
            assertInstanceOf(InetSocketAddress.class, client.transport().getExtraInfo("peername"));
            client.transport().close();
            assertNull(Async.await(client.protocol().lost), "a regular close reports no cause");
            server.close();
            Async.await(server.waitClosed());
            assertFalse(server.isServing());
            return client.protocol().text.toString();
        }));
        assertEquals("hello, loop", echoed);
    }

    @Test
    void sixtyFourMebibytesArriveIntactThroughAnEcho() {
        long size = 64L * 1024 * 1024;
        byte[] chunk = new byte[64 * 1024];
        new Random(42).nextBytes(chunk);
        MessageDigest sent = CollectingProtocol.sha256();
        for (long written = 0; written < size; written += chunk.length) {
            sent.update(chunk);
        }
        byte[] expected = sent.digest();
        byte[] actual = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            Transport transport = client.transport();
            Future<Long> done = client.protocol().receivedAtLeast(size);
            long written = 0;
            int maxBuffered = 0;
            while (written < size) {
                // Honour backpressure: write while under the high water mark, else let the loop drain.
                while (written < size && transport.getWriteBufferSize() <= 64 * 1024) {
                    transport.write(ByteBuffer.wrap(chunk));
                    written += chunk.length;
                    maxBuffered = Math.max(maxBuffered, transport.getWriteBufferSize());
                }
                Async.await(sleep(loop, java.time.Duration.ofMillis(1)));
            }
            Async.await(done);
            assertTrue(maxBuffered <= 64 * 1024 + chunk.length, "buffered " + maxBuffered);
            transport.close();
            server.close();
            return client.protocol().digest.digest();
        }));
        assertArrayEquals(expected, actual, "SHA-256 of what came back differs from what was sent");
    }

    @Test
    void aRefusedConnectionFailsWithConnectException() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Future<Connection<CollectingProtocol>> attempt = loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                closedPort);
        Exception e = assertThrows(Exception.class, () -> loop.runUntilComplete(attempt));
        assertInstanceOf(ConnectException.class, attempt.exception(), e.toString());
    }

    @Test
    void writingAfterCloseOrWriteEofIsAClearError() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<CollectingProtocol> first = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            first.transport().writeEof();
            IllegalStateException afterEof = assertThrows(IllegalStateException.class,
                    () -> first.transport().write(ByteBuffer.allocate(1)));
            assertEquals("Cannot call write() after writeEof()", afterEof.getMessage());
            Connection<CollectingProtocol> second = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            second.transport().close();
            assertTrue(second.transport().isClosing());
            IllegalStateException afterClose = assertThrows(IllegalStateException.class,
                    () -> second.transport().write(ByteBuffer.allocate(1)));
            assertTrue(afterClose.getMessage().startsWith("write() on a closing transport"), afterClose.getMessage());
            server.close();
            return null;
        }));
    }

    @Test
    void halfCloseLetsThePeerAnswerThenClose() {
        String answer = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            client.transport().write(ByteBuffer.wrap("question".getBytes(StandardCharsets.UTF_8)));
            client.transport().writeEof();
            assertNull(Async.await(client.protocol().lost), "the echo answered, then closed its side");
            assertTrue(client.protocol().eof);
            server.close();
            return client.protocol().text.toString();
        }));
        assertEquals("question", answer);
    }

    @Test
    void aResetMidStreamReachesTheProtocolAsACause() {
        Throwable cause = loop.runUntilComplete(Coroutines.of(() -> {
            CollectingProtocol[] serverSide = new CollectingProtocol[1];
            Server server = Async.await(loop.createServer(() -> serverSide[0] = new CollectingProtocol(loop), "127.0.0.1", 0));
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            client.transport().write(ByteBuffer.wrap(new byte[1000]));
            while (serverSide[0] == null || serverSide[0].received < 1000) {
                Async.await(sleep(loop, java.time.Duration.ofMillis(1)));
            }
            SocketChannel socket = (SocketChannel) client.transport().getExtraInfo("socket");
            socket.setOption(StandardSocketOptions.SO_LINGER, 0);
            client.transport().abort();
            Throwable lost = Async.await(serverSide[0].lost);
            server.close();
            return lost;
        }));
        assertInstanceOf(IOException.class, cause, "a reset is reported as the cause of connectionLost");
    }

    @Test
    void closingTheLoopClosesEveryChannelItOwns() {
        SocketChannel[] socket = new SocketChannel[1];
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1",
                    port(server)));
            socket[0] = (SocketChannel) client.transport().getExtraInfo("socket");
            return null;
        }));
        assertTrue(anyChannelOpen(loop));
        loop.close();
        assertFalse(socket[0].isOpen());
        assertFalse(anyChannelOpen(loop));
        assertFalse(loop.selector().isOpen());
    }

    @Test
    void oneLoopServesAThousandConcurrentConnections() {
        int connections = 1000;
        long limit = ((com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        org.junit.jupiter.api.Assumptions.assumeTrue(limit >= 2 * connections + 200, () -> "the file-descriptor"
                + " limit is " + limit + "; " + (2 * connections + 200) + " are needed (raise it with ulimit -n)");
        int served = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            java.util.List<dev.loopkit.api.Task<String>> clients = new java.util.ArrayList<>();
            for (int i = 0; i < connections; i++) {
                String message = "client " + i;
                clients.add(loop.createTask(Coroutines.of(() -> {
                    Connection<CollectingProtocol> client = Async.await(loop.createConnection(() -> new CollectingProtocol(loop),
                            "127.0.0.1", port(server)));
                    client.transport().write(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
                    Async.await(client.protocol().receivedAtLeast(message.length()));
                    client.transport().close();
                    Async.await(client.protocol().lost);
                    return client.protocol().text.toString();
                })));
            }
            int ok = 0;
            for (int i = 0; i < connections; i++) {
                assertEquals("client " + i, Async.await(clients.get(i)));
                ok++;
            }
            server.close();
            return ok;
        }));
        assertEquals(connections, served);
        assertFalse(anyChannelOpen(loop));
    }

    @Test
    void aUnixDomainEchoWorksAndClosingTheServerRemovesItsSocketFile(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) {
        java.nio.file.Path socketFile = dir.resolve("echo.sock");
        String echoed = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = Async.await(loop.createUnixServer(EchoProtocol::new, socketFile));
            assertTrue(java.nio.file.Files.exists(socketFile));
            Connection<CollectingProtocol> client = Async.await(loop.createUnixConnection(() -> new CollectingProtocol(loop),
                    socketFile));
            client.transport().write(ByteBuffer.wrap("over a unix socket".getBytes(StandardCharsets.UTF_8)));
            Async.await(client.protocol().receivedAtLeast(18));
            client.transport().close();
            Async.await(client.protocol().lost);
            server.close();
            return client.protocol().text.toString();
        }));
        assertEquals("over a unix socket", echoed);
        assertFalse(java.nio.file.Files.exists(socketFile), "the socket file outlived the server");
    }

    @Test
    void anUnknownHostFailsWithUnknownHostExceptionNamingIt() {
        Future<Connection<CollectingProtocol>> attempt = loop.createConnection(() -> new CollectingProtocol(loop),
                "no-such-host.invalid", 80);
        assertThrows(Exception.class, () -> loop.runUntilComplete(attempt));
        java.net.UnknownHostException e = assertInstanceOf(java.net.UnknownHostException.class, attempt.exception());
        assertEquals("cannot resolve host 'no-such-host.invalid'", e.getMessage());
    }

    @Test
    void aBufferedProtocolReceivesIntoItsOwnBuffer() {
        byte[] payload = new byte[1024 * 1024];
        new Random(3).nextBytes(payload);
        final class Lender implements dev.loopkit.api.BufferedProtocol {
            final ByteBuffer into = ByteBuffer.allocate(payload.length);
            final Future<Void> full = loop.createFuture();
            int updates;

            @Override
            public ByteBuffer getBuffer(int sizeHint) {
                return into.slice(into.position(), Math.min(sizeHint, into.remaining()));
            }

            @Override
            public void bufferUpdated(int count) {
                updates++;
                into.position(into.position() + count);
                if (!into.hasRemaining()) {
                    full.setResult(null);
                }
            }

            @Override
            public void dataReceived(ByteBuffer data) {
                throw new AssertionError("a buffered protocol must not get dataReceived");
            }
        }
        Lender lender = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Connection<Lender> client = Async.await(loop.createConnection(Lender::new, "127.0.0.1", port(server)));
            client.transport().write(ByteBuffer.wrap(payload));
            Async.await(client.protocol().full);
            client.transport().close();
            server.close();
            return client.protocol();
        }));
        assertArrayEquals(payload, lender.into.array());
        assertTrue(lender.updates > 0);
    }

    @Test
    void cancellingServeForeverClosesTheServer() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = listen();
            Future<Void> serving = server.serveForever();
            loop.callLater(java.time.Duration.ofMillis(5), () -> serving.cancel());
            assertThrows(dev.loopkit.api.CancelledException.class, () -> Async.await(serving));
            Async.await(server.waitClosed());
            assertFalse(server.isServing());
            Server other = listen();
            Future<Void> untilClosed = other.serveForever();
            other.close();
            Async.await(untilClosed);
            return null;
        }));
    }

    @Test
    void badPortsAreRejectedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loop.createConnection(() -> new CollectingProtocol(loop), "127.0.0.1", 0));
        assertEquals("port must be between 1 and 65535, got 0", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> loop.createServer(EchoProtocol::new, "127.0.0.1", 70_000));
    }
}
