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
package dev.loopkit.toolkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.EventLoops;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.Loops;
import dev.loopkit.toolkit.GroupServer.Distribution;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A loop group serves one address on all its loops, shares connections out as its distribution
 * says, and leaves nothing running or listening once closed.
 */
class LoopGroupTest {

    private static final int LOOPS = 2;
    private static final int CLIENTS = 64;
    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final List<Socket> clients = new ArrayList<>();
    private LoopGroup group;

    @AfterEach
    void closeEverything() throws IOException {
        for (Socket client : clients) {
            client.close();
        }
        if (group != null) {
            group.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void everyLoopServesConnectionsOnItsOwnThread(Distribution distribution) throws IOException {
        GroupServer server = serveOnTwoLoops(distribution);
        long[] answered = new long[LOOPS];
        for (int i = 0; i < CLIENTS; i++) {
            answered[ask(server.address())]++;
        }
        assertArrayEquals(answered, server.connectionsPerLoop(),
                "the loops that answered against the connections the server counted per loop");
        if (distribution == Distribution.ACCEPTOR) {
            assertArrayEquals(new long[] {CLIENTS / 2, CLIENTS / 2}, answered, "an exact round robin");
        } else {
            // The kernel hashes each connection's ports: all 64 on one socket has odds of 2^-63.
            assertTrue(Arrays.stream(answered).allMatch(n -> n > 0), "a loop got no connection: "
                    + Arrays.toString(answered));
        }
    }

    @ParameterizedTest
    @EnumSource(Distribution.class)
    void closingTheGroupClosesItsServersConnectionsAndLoops(Distribution distribution) throws IOException {
        GroupServer server = serveOnTwoLoops(distribution);
        ask(server.address());
        Socket open = clients.get(0);
        group.close();
        assertTrue(group.loops().stream().allMatch(EventLoop::isClosed), "every loop closed");
        assertEquals(-1, open.getInputStream().read(), "an open connection ends with its loop");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.address().getPort()).close(),
                "the address still accepts after close()");
        assertThrows(IllegalStateException.class, () -> group.createServer(WhichLoop::new, "127.0.0.1", 0));
    }

    @Test
    void closingAServerLeavesTheLoopsServingOthers() throws IOException {
        group = LoopGroup.start(LOOPS, Loops::newEventLoop);
        GroupServer first = group.createServer(() -> new WhichLoop(group), "127.0.0.1", 0);
        GroupServer second = group.createServer(() -> new WhichLoop(group), "127.0.0.1", 0);
        first.close();
        first.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", first.address().getPort()).close());
        ask(second.address());
        assertEquals(Distribution.best(), second.distribution());
    }

    @Test
    void badArgumentsAndCallsFromTheLoopsAreRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> LoopGroup.start(0, Loops::newEventLoop));
        group = LoopGroup.start(1, Loops::newEventLoop);
        assertThrows(IllegalArgumentException.class, () -> group.createServer(WhichLoop::new, "127.0.0.1", 65536));
        assertThrows(IllegalArgumentException.class, () -> group.createServer(WhichLoop::new,
                InetSocketAddress.createUnresolved("localhost", 0), Distribution.ACCEPTOR));
        EventLoop loop = group.loops().get(0);
        ExecutionException fromLoop = assertThrows(ExecutionException.class, () -> Futures.runCoroutineThreadsafe(
                Coroutines.of(() -> {
                    group.close();
                    return null;
                }), loop).get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, fromLoop.getCause());
        assertFalse(loop.isClosed(), "a refused close() from a loop must not close anything");
    }

    /** Starts a group of two loops and a server on them answering which loop serves. */
    private GroupServer serveOnTwoLoops(Distribution distribution) throws IOException {
        group = LoopGroup.start(LOOPS, Loops::newEventLoop);
        return group.createServer(() -> new WhichLoop(group), new InetSocketAddress("127.0.0.1", 0), distribution);
    }

    /** Connects, sends a byte, and returns the index of the loop that answered. */
    private int ask(InetSocketAddress address) throws IOException {
        Socket client = new Socket(address.getAddress(), address.getPort());
        clients.add(client);
        client.setSoTimeout(READ_TIMEOUT_MILLIS);
        client.getOutputStream().write(0);
        InputStream in = client.getInputStream();
        int answer = in.read();
        if (answer < 0) {
            throw new IOException("the server closed the connection without answering");
        }
        return answer;
    }

    /** Answers each byte with the index of the loop it runs on, checking it runs on that loop's thread. */
    private static final class WhichLoop implements Protocol {
        private final LoopGroup group;
        private Transport transport;

        WhichLoop(LoopGroup group) {
            this.group = group;
        }

        WhichLoop() {
            this(null);
        }

        @Override
        public void connectionMade(Transport made) {
            transport = made;
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            int index = group.loops().indexOf(EventLoops.getRunningLoop());
            transport.write(ByteBuffer.wrap(new byte[] {(byte) index}));
        }
    }
}
