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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.optional;
import static dev.loopkit.tck.rules.Expect.illegalState;
import static dev.loopkit.tck.rules.IoProtocols.echoServer;
import static dev.loopkit.tck.rules.IoProtocols.port;
import static org.apiguardian.api.API.Status.INTERNAL;
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
import dev.loopkit.api.DatagramEndpoint;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import dev.loopkit.tck.TckContext;
import dev.loopkit.tck.rules.IoProtocols.Recorder;
import dev.loopkit.tck.rules.IoProtocols.SocketPair;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.function.Executable;

/**
 * IO: stream transports and protocols (asyncio's create_connection, create_server, selector
 * transports). Optional: run only for providers declaring the capability each rule names
 * ({@code tcp}, {@code unix}, {@code udp} or {@code readiness}). The failure paths are in
 * {@link IoFailureRules}, sockets the caller hands to the loop in {@link IoHandoverRules}.
 */
@API(status = INTERNAL, since = "0.1")
public final class IoRules implements RuleGroup {

    private static final String TCP = Capabilities.TCP;

    @Override
    public String prefix() {
        return "IO";
    }

    @Override
    public String title() {
        return "Network I/O";
    }

    private static Connection<Recorder> connect(EventLoop loop, int port) {
        return Async.await(loop.createConnection(() -> new Recorder(loop), "127.0.0.1", port));
    }

    @Override
    public List<RuleCheck> rules() {
        return Stream.of(happyPaths(), IoFailureRules.rules(), IoHandoverRules.rules()).flatMap(List::stream).toList();
    }

    private static List<RuleCheck> happyPaths() {
        return List.of(
                optional("IO-01", TCP, "an echo server echoes what a client sends",
                        "create_server / create_connection",
                        "createServer/createConnection and the transport's write path",
                        tck -> {
                            EventLoop loop = tck.loop();
                            assertEquals(1024L, loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                client.transport().write(ByteBuffer.wrap(new byte[1024]));
                                long got = Async.await(client.protocol().receivedAtLeast(1024));
                                client.transport().close();
                                server.close();
                                return got;
                            })));
                        }),
                optional("IO-02", TCP, "8 MiB through an echo come back intact (SHA-256)",
                        "selector transports",
                        "partial writes and reads: every byte written must be sent once, in order",
                        tck -> {
                            EventLoop loop = tck.loop();
                            byte[] chunk = new byte[32 * 1024];
                            new Random(7).nextBytes(chunk);
                            int chunks = 256;
                            MessageDigest sent = MessageDigest.getInstance("SHA-256");
                            for (int i = 0; i < chunks; i++) {
                                sent.update(chunk);
                            }
                            byte[] actual = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                Future<Long> all = client.protocol().receivedAtLeast((long) chunk.length * chunks);
                                for (int i = 0; i < chunks; i++) {
                                    while (client.transport().getWriteBufferSize() > 64 * 1024) {
                                        Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                                    }
                                    client.transport().write(ByteBuffer.wrap(chunk));
                                }
                                Async.await(all);
                                client.transport().close();
                                server.close();
                                return client.protocol().digest.digest();
                            }));
                            assertArrayEquals(sent.digest(), actual);
                        }),
                optional("IO-03", TCP, "pauseWriting comes when a slow peer backs writes up, and a writer that"
                        + " honours it never buffers beyond the high water mark plus one write",
                        "Protocol.pause_writing / set_write_buffer_limits",
                        "that write() buffers beyond what the socket takes and calls pauseWriting above the "
                                + "high water mark",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Future<Recorder> accepted = loop.createFuture();
                                Server server = IoProtocols.recordingServer(loop, () -> new Recorder(loop) {
                                    @Override
                                    public void connectionMade(Transport made) {
                                        super.connectionMade(made);
                                        made.pauseReading();
                                    }
                                }, accepted);
                                Connection<Recorder> client = connect(loop, port(server));
                                // The server's end first: a connection still in the listen backlog
                                // when the server closes is dropped and never accepted.
                                Transport serverSide = Async.await(Async.await(accepted).made);
                                client.transport().setWriteBufferLimits(64 * 1024, 16 * 1024);
                                int chunk = 16 * 1024;
                                int maxBuffered = 0;
                                for (int i = 0; i < 4096 && client.protocol().pauses == 0; i++) {
                                    client.transport().write(ByteBuffer.wrap(new byte[chunk]));
                                    maxBuffered = Math.max(maxBuffered, client.transport().getWriteBufferSize());
                                    if (i % 16 == 15) {
                                        Async.await(TckContext.sleep(loop, Duration.ofMillis(1)));
                                    }
                                }
                                assertEquals(1, client.protocol().pauses, "pauseWriting was never called");
                                assertTrue(maxBuffered <= 64 * 1024 + chunk, "buffered " + maxBuffered + " bytes");
                                client.transport().abort();
                                server.close();
                                serverSide.abort();
                                return null;
                            }));
                        }),
                optional("IO-04", TCP, "pauseReading stops dataReceived until resumeReading",
                        "Transport.pause_reading",
                        "that pauseReading stops reading from the socket (or holds what was read) until "
                                + "resumeReading",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Future<Void> echoed = loop.createFuture();
                                Server server = Async.await(loop.createServer(() -> new IoProtocols.Echo() {
                                    @Override
                                    public void dataReceived(ByteBuffer data) {
                                        super.dataReceived(data);
                                        if (!echoed.done()) {
                                            echoed.setResult(null);
                                        }
                                    }
                                }, "127.0.0.1", 0));
                                Connection<Recorder> client = connect(loop, port(server));
                                client.transport().pauseReading();
                                assertFalse(client.transport().isReading());
                                client.transport().write(ByteBuffer.wrap(new byte[100]));
                                // Not a bare sleep: the echo is on its way back before a second
                                // connection makes a whole round trip, so a loop that reads anyway has
                                // had every chance to deliver it, however busy the machine.
                                Async.await(echoed);
                                Connection<Recorder> witness = connect(loop, port(server));
                                witness.transport().write(ByteBuffer.wrap(new byte[1]));
                                Async.await(witness.protocol().receivedAtLeast(1));
                                Async.await(TckContext.sleep(loop, Duration.ofMillis(20)));
                                assertEquals(0, client.protocol().received, "data arrived while reading was paused");
                                witness.transport().close();
                                client.transport().resumeReading();
                                assertEquals(100L, Async.await(client.protocol().receivedAtLeast(100)));
                                client.transport().close();
                                server.close();
                                return null;
                            }));
                        }),
                optional("IO-05", TCP, "writeEof reaches the peer's eofReceived, and the peer may still answer",
                        "Transport.write_eof / Protocol.eof_received",
                        "that writeEof shuts the output down after the buffered data and the peer sees eofReceived",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                assertTrue(client.transport().canWriteEof());
                                client.transport().write(ByteBuffer.wrap(new byte[10]));
                                client.transport().writeEof();
                                assertNull(Async.await(client.protocol().lost));
                                assertEquals(10, client.protocol().received);
                                assertEquals(List.of("made", "data", "eof", "lost"), client.protocol().events);
                                server.close();
                                return null;
                            }));
                        }),
                optional("IO-06", TCP, "connecting to a closed port fails with ConnectException",
                        "create_connection: ConnectionRefusedError",
                        "that a refused connect fails the future with ConnectException",
                        tck -> {
                            int closedPort;
                            try (ServerSocket probe = new ServerSocket(0)) {
                                closedPort = probe.getLocalPort();
                            }
                            EventLoop loop = tck.loop();
                            Future<Connection<Protocol>> attempt = loop.createConnection(() -> new Protocol() { },
                                    "127.0.0.1", closedPort);
                            assertThrows(Exception.class, () -> loop.runUntilComplete(attempt));
                            assertInstanceOf(ConnectException.class, attempt.exception());
                        }),
                optional("IO-07", TCP, "a peer's reset reaches connectionLost as an IOException",
                        "Protocol.connection_lost(exc)",
                        "that a reset (RST) reaches connectionLost with the IOException, not null",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Throwable cause = loop.runUntilComplete(Coroutines.of(() -> {
                                Future<Recorder> accepted = loop.createFuture();
                                Server server = IoProtocols.recordingServer(loop, () -> new Recorder(loop), accepted);
                                Future<Void> reset = loop.runInExecutor(null, () -> {
                                    try (Socket raw = new Socket("127.0.0.1", port(server))) {
                                        raw.getOutputStream().write(new byte[100]);
                                        raw.setSoLinger(true, 0);
                                    }
                                    return null;
                                });
                                Async.await(reset);
                                Throwable lost = Async.await(Async.await(accepted).lost);
                                server.close();
                                return lost;
                            }));
                            assertInstanceOf(IOException.class, cause, "a reset must be reported as a cause");
                        }),
                optional("IO-08", TCP, "write() on a closing transport throws IllegalStateException",
                        "transport write after close",
                        "that write() after close() or abort() throws IllegalStateException",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                client.transport().close();
                                assertTrue(client.transport().isClosing());
                                assertThrows(IllegalStateException.class,
                                        () -> client.transport().write(ByteBuffer.allocate(1)));
                                Async.await(client.protocol().lost);
                                server.close();
                                return null;
                            }));
                        }),
                optional("IO-09", TCP, "connectionMade comes first and connectionLost last, once",
                        "Protocol state machine",
                        "that connectionMade runs before any other callback and connectionLost exactly once, last",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                client.transport().write(ByteBuffer.wrap(new byte[5]));
                                Async.await(client.protocol().receivedAtLeast(5));
                                client.transport().close();
                                client.transport().close();
                                Async.await(client.protocol().lost);
                                Async.await(TckContext.sleep(loop, Duration.ofMillis(5)));
                                assertEquals(List.of("made", "data", "lost"), client.protocol().events);
                                server.close();
                                return null;
                            }));
                        }),
                optional("IO-10", TCP, "getExtraInfo gives the peer and local socket addresses",
                        "Transport.get_extra_info('peername'/'sockname')",
                        "that getExtraInfo answers \"peername\" and \"sockname\" and null for unknown names",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = connect(loop, port(server));
                                InetSocketAddress peer = assertInstanceOf(InetSocketAddress.class,
                                        client.transport().getExtraInfo("peername"));
                                assertEquals(port(server), peer.getPort());
                                assertInstanceOf(InetSocketAddress.class, client.transport().getExtraInfo("sockname"));
                                assertNull(client.transport().getExtraInfo("no-such-info"));
                                client.transport().close();
                                server.close();
                                return null;
                            }));
                        }),
                optional("IO-11", TCP, "a server reports its real port; once closed it stops serving and"
                        + " waitClosed completes", "Server.close / wait_closed / sockets",
                        "that Server.close stops accepting and completes waitClosed, and sockets() reports the "
                                + "bound port",
                        tck -> {
                            EventLoop loop = tck.loop();
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                assertTrue(server.isServing());
                                assertTrue(port(server) > 0, "port 0 must be replaced by the bound port");
                                server.close();
                                Async.await(server.waitClosed());
                                assertFalse(server.isServing());
                                Future<Connection<Recorder>> refused = loop.createConnection(() -> new Recorder(loop),
                                        "127.0.0.1", port(server));
                                assertThrows(Exception.class, () -> Async.await(refused));
                                return null;
                            }));
                        }),
                optional("IO-12", TCP, "close() of the loop closes its servers and connections",
                        "BaseEventLoop.close with open transports",
                        "that close() of the loop closes every channel it owns (closeBackend)",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            int port = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                connect(loop, port(server));
                                return port(server);
                            }));
                            loop.close();
                            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close(),
                                    "the server's port still accepts after close()");
                        }),
                optional("IO-13", TCP, "a protocol that throws reaches the exception handler and loses its"
                        + " connection with that cause", "'Fatal error: protocol.data_received() call failed.'",
                        "that a protocol callback's exception is reported and the connection is lost with it "
                                + "as the cause",
                        tck -> {
                            EventLoop loop = tck.loop();
                            List<ExceptionContext> reported = new ArrayList<>();
                            loop.setExceptionHandler((l, context) -> reported.add(context));
                            Throwable cause = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = Async.await(loop.createConnection(() ->
                                        new Recorder(loop) {
                                            @Override
                                            public void dataReceived(ByteBuffer data) {
                                                throw new IllegalStateException("protocol bug");
                                            }
                                        }, "127.0.0.1", port(server)));
                                client.transport().write(ByteBuffer.wrap(new byte[3]));
                                Throwable lost = Async.await(client.protocol().lost);
                                server.close();
                                return lost;
                            }));
                            assertEquals("protocol bug", cause.getMessage());
                            assertEquals(1, reported.size());
                            assertEquals("protocol bug", reported.get(0).exception().getMessage());
                        }),
                optional("IO-14", Capabilities.UNIX, "a Unix-domain echo works, and closing the server removes"
                        + " its socket file", "create_unix_server / create_unix_connection (3.13 unlinks)",
                        "createUnixServer/createUnixConnection and that closing the server deletes its socket file",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Path dir = Files.createTempDirectory("loopkit-tck");
                            Path socketFile = dir.resolve("echo.sock");
                            try {
                                assertEquals(7L, loop.runUntilComplete(Coroutines.of(() -> {
                                    Server server = Async.await(loop.createUnixServer(IoProtocols.Echo::new,
                                            socketFile));
                                    Connection<Recorder> client = Async.await(loop.createUnixConnection(
                                            () -> new Recorder(loop), socketFile));
                                    client.transport().write(ByteBuffer.wrap(new byte[7]));
                                    long got = Async.await(client.protocol().receivedAtLeast(7));
                                    client.transport().close();
                                    server.close();
                                    return got;
                                })));
                                assertFalse(Files.exists(socketFile), "the socket file outlived the"
                                        + " server");
                            } finally {
                                Files.deleteIfExists(socketFile);
                                Files.deleteIfExists(dir);
                            }
                        }),
                optional("IO-15", Capabilities.UDP, "a datagram makes a round trip between two UDP endpoints",
                        "create_datagram_endpoint",
                        "createDatagramEndpoint, sendTo and datagramReceived",
                        tck -> {
                            EventLoop loop = tck.loop();
                            String reply = loop.runUntilComplete(Coroutines.of(() -> {
                                Future<String> answered = loop.createFuture();
                                DatagramEndpoint<DatagramProtocol> server = Async.await(loop.createDatagramEndpoint(
                                        () -> new DatagramProtocol() {
                                            private DatagramTransport transport;

                                            @Override
                                            public void connectionMade(DatagramTransport made) {
                                                transport = made;
                                            }

                                            @Override
                                            public void datagramReceived(ByteBuffer data, SocketAddress sender) {
                                                transport.sendTo(data, sender);
                                            }
                                        }, new InetSocketAddress("127.0.0.1", 0), null));
                                InetSocketAddress target = (InetSocketAddress) server.transport().getExtraInfo("sockname");
                                DatagramEndpoint<DatagramProtocol> client = Async.await(loop.createDatagramEndpoint(
                                        () -> new DatagramProtocol() {
                                            @Override
                                            public void datagramReceived(ByteBuffer data, SocketAddress sender) {
                                                if (!answered.done()) {
                                                    answered.setResult(StandardCharsets.UTF_8.decode(data).toString());
                                                }
                                            }
                                        }, new InetSocketAddress("127.0.0.1", 0), null));
                                client.transport().sendTo(ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)),
                                        target);
                                String got = Async.await(answered);
                                client.transport().close();
                                server.transport().close();
                                return got;
                            }));
                            assertEquals("ping", reply);
                        }),
                optional("IO-16", Capabilities.READINESS, "sockConnect, sockAccept, sockSendAll and sockRecv move"
                        + " bytes between two non-blocking channels", "sock_connect / sock_accept / sock_sendall /"
                        + " sock_recv_into",
                        "addReader/addWriter on the channels and the sock* operations built on them",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (ServerSocketChannel listener =
                                         ServerSocketChannel.open();
                                 SocketChannel client = SocketChannel.open()) {
                                listener.bind(new InetSocketAddress("127.0.0.1", 0));
                                listener.configureBlocking(false);
                                client.configureBlocking(false);
                                assertEquals(4, loop.runUntilComplete(Coroutines.of(() -> {
                                    Future<SocketChannel> accepting = loop.sockAccept(listener);
                                    Async.await(loop.sockConnect(client, listener.getLocalAddress()));
                                    try (SocketChannel server = Async.await(accepting)) {
                                        Async.await(loop.sockSendAll(client, ByteBuffer.wrap(new byte[4])));
                                        ByteBuffer into = ByteBuffer.allocate(4);
                                        while (into.hasRemaining()) {
                                            Async.await(loop.sockRecv(server, into));
                                        }
                                        return into.position();
                                    }
                                })));
                            }
                        }),

                optional("IO-17", TCP, "createConnection and createServer check their port range, and fail with"
                        + " \"Event loop is closed\" on a closed loop", "create_connection / create_server argument"
                        + " checks, BaseEventLoop._check_closed",
                        "that createConnection accepts ports 1 to 65535 and createServer 0 to 65535, and that both"
                                + " throw at once on a closed loop instead of failing the returned future",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            for (int port : new int[] {0, 65536}) {
                                assertThrows(IllegalArgumentException.class, () -> loop.createConnection(
                                        () -> new Recorder(loop), "127.0.0.1", port), "createConnection port " + port);
                            }
                            for (int port : new int[] {-1, 65536}) {
                                assertThrows(IllegalArgumentException.class, () -> loop.createServer(
                                        IoProtocols.Echo::new, "127.0.0.1", port), "createServer port " + port);
                            }
                            List<Future<?>> attempts = List.of(
                                    loop.createConnection(() -> new Recorder(loop), "127.0.0.1", 1),
                                    loop.createConnection(() -> new Recorder(loop), "127.0.0.1", 65535),
                                    loop.createServer(IoProtocols.Echo::new, "127.0.0.1", 65535));
                            for (Future<?> attempt : attempts) {
                                // Whatever listens there, or not: only the argument check is the rule's.
                                Expect.thrownBy(() -> loop.runUntilComplete(attempt));
                            }
                            loop.close();
                            illegalState("Event loop is closed", () -> loop.createConnection(() -> new Recorder(loop),
                                    "127.0.0.1", 80));
                            illegalState("Event loop is closed", () -> loop.createServer(IoProtocols.Echo::new,
                                    "127.0.0.1", 0));
                        }),

                optional("IO-18", TCP, "createConnection resolves a host name and connects to it; a name that does"
                        + " not resolve fails with UnknownHostException naming it", "create_connection: getaddrinfo"
                        + " in the executor, socket.gaierror",
                        "that host names are resolved (on the default executor) before connecting, and that a failed"
                                + " lookup is reported as such, not as a refused connection",
                        tck -> {
                            EventLoop loop = tck.loop();
                            long received = loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = Async.await(loop.createConnection(
                                        () -> new Recorder(loop), "localhost", port(server)));
                                client.transport().write(ByteBuffer.wrap(new byte[3]));
                                long got = Async.await(client.protocol().receivedAtLeast(3));
                                client.transport().close();
                                server.close();
                                return got;
                            }));
                            assertEquals(3L, received);
                            Future<Connection<Recorder>> unknown = loop.createConnection(() -> new Recorder(loop),
                                    "no-such-host.invalid", 80);
                            assertThrows(Exception.class, () -> loop.runUntilComplete(unknown));
                            UnknownHostException failure = assertInstanceOf(UnknownHostException.class,
                                    unknown.exception());
                            assertTrue(failure.getMessage().contains("no-such-host.invalid"), failure.getMessage());
                        }),

                optional("IO-19", Capabilities.READINESS, "addReader, addWriter and the sock* operations refuse a"
                        + " blocking channel with IllegalArgumentException, leaving it blocking",
                        "selector_events: 'the socket must be non-blocking'",
                        "that every readiness operation checks isBlocking() first and never switches the caller's"
                                + " channel itself",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (ServerSocketChannel listener = ServerSocketChannel.open();
                                 SocketChannel channel = SocketChannel.open()) {
                                listener.bind(new InetSocketAddress("127.0.0.1", 0));
                                Map<String, Executable> calls = new LinkedHashMap<>();
                                calls.put("addReader", () -> loop.addReader(channel, () -> { }));
                                calls.put("addWriter", () -> loop.addWriter(channel, () -> { }));
                                calls.put("sockConnect", () -> loop.sockConnect(channel, listener.getLocalAddress()));
                                calls.put("sockAccept", () -> loop.sockAccept(listener));
                                calls.put("sockRecv", () -> loop.sockRecv(channel, ByteBuffer.allocate(1)));
                                calls.put("sockSendAll", () -> loop.sockSendAll(channel, ByteBuffer.allocate(1)));
                                for (Map.Entry<String, Executable> call : calls.entrySet()) {
                                    assertThrows(IllegalArgumentException.class, call.getValue(),
                                            call.getKey() + " accepted a blocking channel");
                                    assertTrue(channel.isBlocking() && listener.isBlocking(),
                                            call.getKey() + " switched the channel to non-blocking");
                                }
                            }
                        }),
                optional("IO-20", Capabilities.READINESS, "removeReader and removeWriter answer whether they removed"
                        + " a callback, a removed callback never runs, and on a closed loop addReader and addWriter"
                        + " fail with \"Event loop is closed\"", "remove_reader / remove_writer return True if a"
                        + " callback was registered; _check_closed in _add_reader",
                        "the return value of removeReader/removeWriter, that removing takes the channel out of"
                                + " the selection, and that adding checks for a closed loop",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (SocketPair pair = SocketPair.open()) {
                                SocketChannel client = pair.client();
                                SocketChannel server = pair.server();
                                server.configureBlocking(false);
                                client.configureBlocking(false);
                                assertFalse(loop.removeReader(server), "removeReader with nothing registered");
                                List<String> ran = new ArrayList<>();
                                loop.addReader(server, () -> ran.add("reader"));
                                loop.addWriter(client, () -> ran.add("writer"));
                                client.write(ByteBuffer.wrap(new byte[1]));
                                assertTrue(loop.removeReader(server), "removeReader of a registered reader");
                                assertTrue(loop.removeWriter(client), "removeWriter of a registered writer");
                                assertFalse(loop.removeReader(server), "removeReader a second time");
                                assertFalse(loop.removeWriter(client), "removeWriter a second time");
                                for (int i = 0; i < 3; i++) {
                                    TckContext.runOnce(loop);
                                }
                                assertEquals(List.of(), ran, "a removed callback ran");
                                loop.close();
                                illegalState("Event loop is closed", () -> loop.addReader(server, () -> { }));
                                illegalState("Event loop is closed", () -> loop.addWriter(client, () -> { }));
                            }
                        }));
    }
}
