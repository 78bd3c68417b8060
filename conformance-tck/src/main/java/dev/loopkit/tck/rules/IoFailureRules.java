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
import static dev.loopkit.tck.TckContext.runOnce;
import static dev.loopkit.tck.rules.Expect.illegalState;
import static dev.loopkit.tck.rules.Expect.thrownBy;
import static dev.loopkit.tck.rules.IoProtocols.echoServer;
import static dev.loopkit.tck.rules.IoProtocols.port;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Server;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.TckContext;
import dev.loopkit.tck.rules.IoProtocols.Lender;
import dev.loopkit.tck.rules.IoProtocols.Recorder;
import dev.loopkit.tck.rules.IoProtocols.SocketPair;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * IO-21 to IO-27: the network paths off the happy one (refusals, bind failures, closed loops, a
 * buffer with no room, the end of a stream, a loop kept busy) and what a finished socket operation
 * leaves behind; IO-28: reading into the buffers a {@code BufferedProtocol} lends; IO-29: a
 * channel closed while watched, whose descriptor number a new channel may reuse.
 * Part of the IO group; kept apart from {@link IoRules} so that each file holds one concern.
 */
final class IoFailureRules {

    private static final String CLOSED = "Event loop is closed";

    private IoFailureRules() {
    }

    static List<RuleCheck> rules() {
        return List.of(
                optional("IO-21", Capabilities.READINESS, "a sock* operation that finished or was cancelled leaves"
                        + " no callback on its channel, and a refused sockConnect fails with ConnectException",
                        "selector_events: sock_recv's add_done_callback(_sock_read_done), sock_connect's"
                                + " _sock_connect_cb",
                        "that each sock* operation removes its reader or writer when its future is done, cancelled"
                                + " ones included, and that connect errors go to the future",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (ServerSocketChannel listener = ServerSocketChannel.open();
                                 SocketChannel client = SocketChannel.open()) {
                                listener.bind(new InetSocketAddress("127.0.0.1", 0));
                                listener.configureBlocking(false);
                                client.configureBlocking(false);
                                loop.runUntilComplete(Coroutines.of(() -> {
                                    Future<SocketChannel> accepting = loop.sockAccept(listener);
                                    Async.await(loop.sockConnect(client, listener.getLocalAddress()));
                                    assertFalse(loop.removeWriter(client), "sockConnect left its writer");
                                    try (SocketChannel server = Async.await(accepting)) {
                                        assertFalse(loop.removeReader(listener), "sockAccept left its reader");
                                        Future<Integer> cancelled = loop.sockRecv(server, ByteBuffer.allocate(4));
                                        cancelled.cancel();
                                        Async.await(TckContext.sleep(loop, Duration.ZERO));
                                        assertFalse(loop.removeReader(server), "a cancelled sockRecv left its reader");
                                        Future<Integer> reading = loop.sockRecv(server, ByteBuffer.allocate(4));
                                        Async.await(loop.sockSendAll(client, ByteBuffer.wrap(new byte[4])));
                                        assertTrue(Async.await(reading) > 0);
                                        assertFalse(loop.removeReader(server), "a finished sockRecv left its reader");
                                    }
                                    return null;
                                }));
                            }
                            try (SocketChannel refused = SocketChannel.open()) {
                                refused.configureBlocking(false);
                                Future<Void> connecting = loop.sockConnect(refused, closedPort());
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(connecting)),
                                        "sockConnect to a port with no listener");
                                assertInstanceOf(ConnectException.class, connecting.exception());
                            }
                            // A Unix-domain connect succeeds or fails within the connect() call itself.
                            Path dir = Files.createTempDirectory("loopkit-tck");
                            UnixDomainSocketAddress address = UnixDomainSocketAddress.of(dir.resolve("l.sock"));
                            try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
                                 SocketChannel client = SocketChannel.open(StandardProtocolFamily.UNIX);
                                 SocketChannel lost = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                                listener.bind(address);
                                client.configureBlocking(false);
                                lost.configureBlocking(false);
                                loop.runUntilComplete(loop.sockConnect(client, address));
                                assertTrue(client.isConnected(), "sockConnect completed unconnected");
                                Future<Void> nowhere = loop.sockConnect(lost, UnixDomainSocketAddress.of(
                                        dir.resolve("nobody.sock")));
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(nowhere)),
                                        "sockConnect to a path with no listener");
                                assertInstanceOf(IOException.class, nowhere.exception());
                            } finally {
                                Files.deleteIfExists(address.getPath());
                                Files.deleteIfExists(dir);
                            }
                        }),
                optional("IO-22", Capabilities.READINESS, "sockRecv answers 0 at once into a buffer with no room,"
                        + " and -1 once the peer has closed", "sock_recv_into: recv_into returns 0 and b'' at EOF",
                        "that sockRecv completes its future whenever read() returns anything but 0, and at once"
                                + " when the buffer has no room, instead of waiting for data that cannot fit",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (SocketPair pair = SocketPair.open()) {
                                pair.server().configureBlocking(false);
                                Future<Integer> full = loop.sockRecv(pair.server(), ByteBuffer.allocate(0));
                                runOnce(loop);
                                assertTrue(full.done(), "sockRecv into a buffer with no room still waits");
                                assertEquals(0, full.result());
                                pair.client().close();
                                Future<Integer> end = loop.sockRecv(pair.server(), ByteBuffer.allocate(4));
                                tck.waitFor("sockRecv to answer at the end of the stream", () -> {
                                    runOnce(loop);
                                    return end.done();
                                });
                                assertEquals(-1, end.result());
                            }
                        }),
                optional("IO-23", Capabilities.TCP, "an address literal is connected to without a lookup: it works"
                        + " while the default executor refuses all work", "base_events._ipaddr_info (no getaddrinfo"
                        + " for an address literal)",
                        "that createConnection and createServer resolve an address literal (IPv4 or IPv6; a"
                                + " malformed one is an UnknownHostException) themselves instead of handing it to the"
                                + " executor as a host name",
                        tck -> {
                            EventLoop loop = tck.loop();
                            ExecutorService refusing = Executors.newSingleThreadExecutor();
                            refusing.shutdown();
                            loop.setDefaultExecutor(refusing);
                            assertEquals(5L, loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Recorder> client = Async.await(loop.createConnection(
                                        () -> new Recorder(loop), "127.0.0.1", port(server)));
                                client.transport().write(ByteBuffer.wrap(new byte[5]));
                                long got = Async.await(client.protocol().receivedAtLeast(5));
                                client.transport().close();
                                server.close();
                                return got;
                            })));
                            // IPv6 may be off on this machine: the attempt may fail, but not for want of
                            // an executor.
                            Future<Connection<Recorder>> ipv6 = loop.createConnection(() -> new Recorder(loop), "::1",
                                    closedPort().getPort());
                            thrownBy(() -> loop.runUntilComplete(ipv6));
                            Future<Connection<Recorder>> malformed = loop.createConnection(() -> new Recorder(loop),
                                    "1::2::3", 80);
                            thrownBy(() -> loop.runUntilComplete(malformed));
                            assertInstanceOf(UnknownHostException.class, malformed.exception(),
                                    "a malformed IPv6 literal");
                        }),
                optional("IO-24", Capabilities.TCP, "createServer on an address in use fails its future with a"
                        + " BindException", "create_server: OSError 'error while attempting to bind on address'",
                        "that the bind error is set on the returned future as it is (not thrown, not wrapped)",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (ServerSocketChannel taken = ServerSocketChannel.open()) {
                                taken.bind(new InetSocketAddress("127.0.0.1", 0));
                                int port = ((InetSocketAddress) taken.getLocalAddress()).getPort();
                                Future<Server> second = loop.createServer(IoProtocols.Echo::new, "127.0.0.1", port);
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(second)),
                                        "a second server bound to a port in use");
                                assertInstanceOf(BindException.class, second.exception());
                            }
                        }),
                optional("IO-25", Capabilities.UNIX, "a Unix-domain connect to a path with no server and a server on"
                        + " a path in use fail their futures; on a closed loop both fail at once with \"Event loop is"
                        + " closed\"", "create_unix_connection / create_unix_server, BaseEventLoop._check_closed",
                        "that Unix-domain connect and bind errors are set on the returned future, and that both"
                                + " calls check for a closed loop first",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            Path dir = Files.createTempDirectory("loopkit-tck");
                            Path nobody = dir.resolve("nobody.sock");
                            Path file = Files.createFile(dir.resolve("taken"));
                            try {
                                Future<Connection<Recorder>> connecting = loop.createUnixConnection(
                                        () -> new Recorder(loop), nobody);
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(connecting)),
                                        "connected to a path with no server");
                                assertInstanceOf(IOException.class, connecting.exception());
                                Future<Server> serving = loop.createUnixServer(IoProtocols.Echo::new, file);
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(serving)),
                                        "served on a path that is a file");
                                assertInstanceOf(IOException.class, serving.exception());
                                loop.close();
                                illegalState(CLOSED, () -> loop.createUnixConnection(() -> new Recorder(loop), nobody));
                                illegalState(CLOSED, () -> loop.createUnixServer(IoProtocols.Echo::new, nobody));
                            } finally {
                                Files.deleteIfExists(file);
                                Files.deleteIfExists(nobody);
                                Files.deleteIfExists(dir);
                            }
                        }),
                optional("IO-26", Capabilities.UDP, "createDatagramEndpoint refuses an unresolved address or none,"
                        + " fails its"
                        + " future when it cannot bind, and fails at once with \"Event loop is closed\" on a closed"
                        + " loop", "create_datagram_endpoint, BaseEventLoop._check_closed",
                        "that createDatagramEndpoint checks its addresses and the loop before opening a socket, and"
                                + " sets bind errors on the returned future",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            Supplier<DatagramProtocol> quiet = () -> new DatagramProtocol() { };
                            assertThrows(IllegalArgumentException.class, () -> loop.createDatagramEndpoint(quiet,
                                    InetSocketAddress.createUnresolved("localhost", 0), null));
                            assertThrows(IllegalArgumentException.class, () -> loop.createDatagramEndpoint(quiet,
                                    null, null), "neither a local nor a remote address");
                            try (DatagramChannel taken = DatagramChannel.open()) {
                                taken.bind(new InetSocketAddress("127.0.0.1", 0));
                                Future<?> second = loop.createDatagramEndpoint(quiet,
                                        (InetSocketAddress) taken.getLocalAddress(), null);
                                assertNotNull(thrownBy(() -> loop.runUntilComplete(second)),
                                        "a second endpoint bound to an address in use");
                                assertInstanceOf(BindException.class, second.exception());
                            }
                            loop.close();
                            illegalState(CLOSED, () -> loop.createDatagramEndpoint(quiet,
                                    new InetSocketAddress("127.0.0.1", 0), null));
                        }),
                optional("IO-27", Capabilities.READINESS, "callbacks that keep the ready queue busy do not starve"
                        + " I/O: a reader still runs", "BaseEventLoop._run_once: select(0) when callbacks are ready",
                        "that every iteration polls for I/O, without waiting when callbacks are ready, instead of"
                                + " skipping the poll",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (SocketPair pair = SocketPair.open()) {
                                SocketChannel server = pair.server();
                                server.configureBlocking(false);
                                pair.client().write(ByteBuffer.wrap(new byte[1]));
                                boolean[] read = new boolean[1];
                                int[] iterations = new int[1];
                                loop.addReader(server, () -> {
                                    read[0] = true;
                                    loop.removeReader(server);
                                });
                                Runnable[] busy = new Runnable[1];
                                busy[0] = () -> {
                                    if (read[0] || ++iterations[0] == 100_000) {
                                        loop.stop();
                                    } else {
                                        loop.callSoon(busy[0]);
                                    }
                                };
                                loop.callSoon(busy[0]);
                                loop.runForever();
                                assertTrue(read[0], "the reader of a readable channel never ran in " + iterations[0]
                                        + " busy iterations");
                            }
                        }),
                optional("IO-28", Capabilities.TCP, "a BufferedProtocol receives into the buffers it lends: each"
                        + " read goes into getBuffer's buffer and is announced by bufferUpdated with its size;"
                        + " dataReceived is never called", "selector_events._SelectorSocketTransport"
                        + "._read_ready__get_buffer; test_buffered_proto",
                        "that the transport checks for BufferedProtocol and reads into the lent buffer, not that it"
                                + " treats every protocol as a plain one",
                        tck -> {
                            EventLoop loop = tck.loop();
                            byte[] sent = new byte[64 * 1024];
                            new Random(28).nextBytes(sent);
                            Lender lender = new Lender(loop, sent.length);
                            loop.runUntilComplete(Coroutines.of(() -> {
                                Server server = echoServer(loop);
                                Connection<Lender> client = Async.await(
                                        loop.createConnection(() -> lender, "127.0.0.1", port(server)));
                                client.transport().write(ByteBuffer.wrap(sent));
                                Async.await(lender.done);
                                client.transport().close();
                                server.close();
                                return null;
                            }));
                            assertEquals(List.of(), lender.problems, "after " + lender.filled + " of " + sent.length
                                    + " echoed bytes arrived in lent buffers");
                            assertArrayEquals(sent, lender.into, "the echo came back altered");
                            assertTrue(lender.updates >= sent.length / Lender.WINDOW,
                                    "lent windows of " + Lender.WINDOW + " bytes, yet only " + lender.updates
                                            + " bufferUpdated calls");
                        }),
                // The epoll loop needed this; a java.nio selector gets it for free, since a channel
                // registered with it keeps its descriptor until the selector lets go of it.
                optional("IO-29", Capabilities.READINESS, "a channel closed while its reader is registered"
                        + " takes nothing with it: the reader of a new channel (on Linux usually with the closed"
                        + " one's descriptor number) runs when it is readable, also after removeReader of the"
                        + " closed one", "selector_events._remove_reader after the fd was closed; epoll_ctl(2)"
                        + " on a reused descriptor",
                        "a back end that keys its registrations by descriptor number: forget a closed channel's"
                                + " registration before the number is registered again, and never remove from"
                                + " the poller by the number of a channel that is closed",
                        tck -> {
                            EventLoop loop = tck.loop();
                            Pipe closed = Pipe.open();
                            closed.source().configureBlocking(false);
                            loop.addReader(closed.source(), () -> {
                            });
                            closed.source().close();
                            closed.sink().close();
                            // One iteration, in which a selector lets go of the closed channel's descriptor.
                            loop.callSoon(loop::stop);
                            loop.runForever();
                            Pipe reusing = Pipe.open();
                            try {
                                reusing.source().configureBlocking(false);
                                boolean[] ran = new boolean[1];
                                loop.addReader(reusing.source(), () -> {
                                    ran[0] = true;
                                    loop.stop();
                                });
                                loop.removeReader(closed.source());
                                reusing.sink().write(ByteBuffer.wrap(new byte[1]));
                                loop.callLater(Duration.ofSeconds(5), loop::stop);
                                loop.runForever();
                                assertTrue(ran[0], "the new channel's reader never ran within 5 s of its channel"
                                        + " becoming readable, after removeReader of the closed channel");
                            } finally {
                                loop.removeReader(reusing.source());
                                reusing.source().close();
                                reusing.sink().close();
                            }
                        }));
    }

    /** An address on which nothing listens: a port that was just bound, then released. */
    private static InetSocketAddress closedPort() throws IOException {
        try (ServerSocketChannel released = ServerSocketChannel.open()) {
            released.bind(new InetSocketAddress("127.0.0.1", 0));
            return (InetSocketAddress) released.getLocalAddress();
        }
    }
}
