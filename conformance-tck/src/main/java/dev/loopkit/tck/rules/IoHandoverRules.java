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
import static dev.loopkit.tck.rules.IoProtocols.port;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Server;
import dev.loopkit.spi.Capabilities;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.rules.IoProtocols.Echo;
import dev.loopkit.tck.rules.IoProtocols.Recorder;
import dev.loopkit.tck.rules.IoProtocols.SocketPair;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;

/**
 * IO-30 and IO-31: sockets the caller opened and hands to the loop, a bound listening socket
 * (asyncio's {@code create_server(sock=...)}) and an accepted connection
 * ({@code connect_accepted_socket}), which loop groups build on. Part of the IO group.
 */
final class IoHandoverRules {

    /** How long a rule waits for the loop's answer on a blocking client socket. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private IoHandoverRules() {
    }

    static List<RuleCheck> rules() {
        return List.of(
                optional("IO-30", Capabilities.TCP, "createServer on a channel the caller bound serves on that"
                        + " channel, reports its address and closes it with the server; an unbound channel is"
                        + " refused with IllegalArgumentException and stays open",
                        "create_server(sock=...); _start_serving",
                        "that the server accepts on the channel it was given (not on one it binds itself), that"
                                + " sockets() is that channel's address, and that Server.close closes it",
                        tck -> {
                            EventLoop loop = tck.loop();
                            try (ServerSocketChannel unbound = ServerSocketChannel.open()) {
                                assertThrows(IllegalArgumentException.class,
                                        () -> loop.createServer(Echo::new, unbound), "an unbound channel");
                                assertTrue(unbound.isOpen(), "a refused channel is the caller's: it must stay open");
                            }
                            try (ServerSocketChannel bound = ServerSocketChannel.open()) {
                                bound.bind(new InetSocketAddress("127.0.0.1", 0));
                                SocketAddress address = bound.getLocalAddress();
                                loop.runUntilComplete(Coroutines.of(() -> {
                                    Server server = Async.await(loop.createServer(Echo::new, bound));
                                    assertEquals(List.of(address), server.sockets(),
                                            "the sockets of a server on the caller's channel");
                                    Connection<Recorder> client = Async.await(loop.createConnection(
                                            () -> new Recorder(loop), "127.0.0.1", port(server)));
                                    client.transport().write(ByteBuffer.wrap(new byte[100]));
                                    Async.await(client.protocol().receivedAtLeast(100));
                                    client.transport().close();
                                    server.close();
                                    Async.await(server.waitClosed());
                                    return null;
                                }));
                                assertFalse(bound.isOpen(), "closing the server left the caller's channel open");
                            }
                        }),
                optional("IO-31", Capabilities.TCP, "connectAcceptedSocket serves a connection accepted outside"
                        + " the loop: connectionMade before the future completes, data both ways, and close() of"
                        + " the loop closes it; an unconnected channel is refused with IllegalArgumentException",
                        "connect_accepted_socket", "that a connection handed over by an acceptor gets a transport"
                                + " like an accepted one, and becomes the loop's to close",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            try (SocketChannel unconnected = SocketChannel.open()) {
                                assertThrows(IllegalArgumentException.class, () -> loop.connectAcceptedSocket(
                                        () -> new Recorder(loop), unconnected), "an unconnected channel");
                            }
                            try (SocketPair pair = SocketPair.open()) {
                                Connection<Recorder> connection = loop.runUntilComplete(
                                        loop.connectAcceptedSocket(() -> new Recorder(loop), pair.server()));
                                Recorder recorder = connection.protocol();
                                assertEquals(List.of("made"), recorder.events,
                                        "the protocol's callbacks when the future completed");
                                assertSame(connection.transport(), recorder.transport,
                                        "connectionMade's transport and the connection's");
                                assertEquals(pair.client().getLocalAddress(),
                                        connection.transport().getExtraInfo("peername"), "the peer's address");
                                pair.client().write(ByteBuffer.wrap(new byte[64]));
                                assertEquals(64L, loop.runUntilComplete(recorder.receivedAtLeast(64)));
                                byte[] answer = {1, 2, 3};
                                connection.transport().write(ByteBuffer.wrap(answer));
                                assertArrayEquals(answer, loop.runUntilComplete(loop.runInExecutor(null,
                                        () -> readExactly(pair.client(), answer.length))), "what the peer read");
                                loop.close();
                                assertFalse(pair.server().isOpen(), "the loop's close() left the accepted channel"
                                        + " open");
                            }
                        }));
    }

    /** Reads {@code count} bytes from the blocking {@code channel}, failing after {@link #ANSWER_TIMEOUT}. */
    private static byte[] readExactly(SocketChannel channel, int count) throws IOException {
        channel.socket().setSoTimeout((int) ANSWER_TIMEOUT.toMillis());
        InputStream in = channel.socket().getInputStream();
        byte[] read = in.readNBytes(count);
        if (read.length < count) {
            throw new EOFException("the connection ended after " + read.length + " of " + count + " bytes");
        }
        return read;
    }
}
