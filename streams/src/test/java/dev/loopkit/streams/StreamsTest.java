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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.CoroutineBody;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Server;
import dev.loopkit.api.TimerHandle;
import dev.loopkit.policy.Loops;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamsTest {

    /** Bound for anything that waits on another thread; generous for a loaded 2-core CI machine. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private EventLoop loop;

    @BeforeEach
    void openLoop() {
        loop = Loops.newEventLoop();
    }

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    /** A future completed by a timer after {@code delay} (asyncio.sleep). */
    private static Future<Void> sleep(EventLoop loop, Duration delay) {
        Future<Void> done = loop.createFuture();
        loop.callLater(delay, () -> done.setResult(null));
        return done;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8);
    }

    private static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /** Echoes line by line until the client closes. */
    private static final StreamHandler LINE_ECHO = (reader, writer) -> {
        while (true) {
            byte[] line = Async.await(reader.readLine());
            if (line.length == 0) {
                return;
            }
            writer.write(line);
            Async.await(writer.drain());
        }
    };

    @Test
    void aStreamEchoServerAnswersLineByLine() {
        List<String> replies = loop.runUntilComplete(Coroutines.of(() -> {
            Server server = Async.await(Streams.startServer(LINE_ECHO, "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server)));
            List<String> got = new ArrayList<>();
            for (String line : new String[] {"one\n", "two\n", "three\n"}) {
                client.writer().write(bytes(line));
                got.add(text(Async.await(client.reader().readLine())));
            }
            client.writer().close();
            Async.await(client.writer().waitClosed());
            server.close();
            return got;
        }));
        assertEquals(List.of("one\n", "two\n", "three\n"), replies);
    }

    @Test
    void readExactlyAndReadUntilReportAnEarlyEnd() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> writer.write(bytes("abc")),
                    "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server)));
            IncompleteReadException e = assertThrows(IncompleteReadException.class,
                    () -> Async.await(client.reader().readExactly(5)));
            assertArrayEquals(bytes("abc"), e.partial());
            assertEquals(5, e.expected());
            assertTrue(client.reader().atEof());
            assertArrayEquals(new byte[0], Async.await(client.reader().read(-1)));
            server.close();
            return null;
        }));
    }

    @Test
    void aSeparatorBeyondTheLimitIsALimitOverrun() {
        loop.runUntilComplete(Coroutines.of(() -> {
            byte[] longLine = new byte[StreamReader.DEFAULT_LIMIT + 10];
            java.util.Arrays.fill(longLine, (byte) 'x');
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                writer.write(longLine);
                writer.write(bytes("\nshort\n"));
            }, "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server)));
            assertThrows(LimitOverrunException.class, () -> Async.await(client.reader().readLine()));
            assertEquals("short\n", text(Async.await(client.reader().readLine())));
            server.close();
            return null;
        }));
    }

    @Test
    void aSmallerLimitMakesShorterLinesOverrun() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> writer.write(bytes("0123456789\nok\n")),
                    "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server), 4));
            assertThrows(LimitOverrunException.class, () -> Async.await(client.reader().readLine()));
            assertEquals("ok\n", text(Async.await(client.reader().readLine())));
            assertThrows(IllegalArgumentException.class, () -> Streams.openConnection("127.0.0.1", 1, 0));
            server.close();
            return null;
        }));
    }

    @Test
    void readExactlyOfMoreThanTwiceTheLimitCompletesOnALiveConnection() {
        // More than one read's worth, so that reading pauses before the read can complete.
        int limit = 1024;
        int size = 256 * limit;
        assertEquals(size, runGuarded(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                writer.write(new byte[size]);
                Async.await(reader.read(-1)); // keeps the connection open until the client is done
            }, "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server), limit));
            int got = Async.await(client.reader().readExactly(size)).length;
            client.writer().close();
            server.close();
            return got;
        }));
    }

    @Test
    void aLineLongerThanOneReadArrivesWithALimitAboveTwoToTheThirty() {
        // 2 * limit overflowed an int: every chunk paused reading, and the line never completed.
        int limit = (1 << 30) + 1;
        int size = 256 * 1024;
        assertEquals(size + 1, runGuarded(() -> {
            byte[] line = new byte[size + 1];
            line[size] = '\n';
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                writer.write(line);
                Async.await(reader.read(-1));
            }, "127.0.0.1", 0, limit));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server), limit));
            int got = Async.await(client.reader().readLine()).length;
            client.writer().close();
            server.close();
            return got;
        }));
    }

    /** Runs {@code body} as a task; a stall fails the test after {@link #WAIT} instead of hanging it. */
    private <T> T runGuarded(CoroutineBody<T> body) {
        TimerHandle guard = loop.callLater(WAIT, loop::stop);
        try {
            return loop.runUntilComplete(Coroutines.of(body));
        } finally {
            guard.cancel();
        }
    }

    @Test
    void aCancelledReadDoesNotBlockTheNextOne() {
        loop.runUntilComplete(Coroutines.of(() -> {
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                Async.await(reader.readLine());
                writer.write(bytes("late\n"));
            }, "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server)));
            Future<byte[]> abandoned = client.reader().readLine();
            abandoned.cancel();
            Async.await(sleep(loop, Duration.ofMillis(1)));
            client.writer().write(bytes("go\n"));
            assertEquals("late\n", text(Async.await(client.reader().readLine())));
            server.close();
            return null;
        }));
    }

    @Test
    void drainWaitsWhileThePeerDoesNotRead() {
        int chunk = 64 * 1024;
        int chunks = 64;
        long received = loop.runUntilComplete(Coroutines.of(() -> {
            Future<Void> gate = loop.createFuture();
            Future<Long> total = loop.createFuture();
            Server server = Async.await(Streams.startServer((reader, writer) -> {
                Async.await(gate);
                total.setResult((long) Async.await(reader.read(-1)).length);
            }, "127.0.0.1", 0));
            StreamConnection client = Async.await(Streams.openConnection("127.0.0.1", port(server)));
            boolean everWaited = false;
            int maxBuffered = 0;
            for (int i = 0; i < chunks; i++) {
                client.writer().write(new byte[chunk]);
                maxBuffered = Math.max(maxBuffered, client.writer().transport().getWriteBufferSize());
                Future<Void> drained = client.writer().drain();
                if (!drained.done()) {
                    everWaited = true;
                    if (!gate.done()) {
                        gate.setResult(null);
                    }
                }
                Async.await(drained);
            }
            if (!gate.done()) {
                gate.setResult(null);
            }
            client.writer().close();
            long got = Async.await(total);
            assertTrue(everWaited, "drain() never waited although the peer was not reading");
            assertTrue(maxBuffered <= 64 * 1024 + chunk, "buffered " + maxBuffered);
            server.close();
            return got;
        }));
        assertEquals((long) chunk * chunks, received);
    }
}
