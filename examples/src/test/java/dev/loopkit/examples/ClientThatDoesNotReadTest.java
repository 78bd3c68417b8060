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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.policy.Loops;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A client that pipelines requests and does not read the answers must not make an example server
 * buffer without bound (the HTTP example died of {@code OutOfMemoryError} before it honoured
 * pauseWriting): the server stops reading requests while its answers wait, and answers all of them
 * once they drain.
 */
class ClientThatDoesNotReadTest {

    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    /** ~26 MiB of requests (and ~90 MiB of HTTP answers): far more than socket buffers hold. */
    private static final int REQUESTS = 1_000_000;
    /** What a paused connection may hold: the 64 KiB high-water mark plus the answers to one read. */
    private static final int BOUND = 4 << 20;
    private static final Duration WAIT = Duration.ofSeconds(60);

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("HTTP plaintext", (Supplier<Protocol>) HttpPlaintextServer.Connection::new,
                        HttpPlaintextServer.RESPONSE.length),
                Arguments.of("protocol echo", (Supplier<Protocol>) ProtocolEchoServer.Echo::new, REQUEST.length));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void theServerStopsReadingThenAnswersEveryRequest(String name, Supplier<Protocol> server, int answerLength)
            throws Exception {
        EventLoop loop = Loops.newEventLoop();
        Recording recording = new Recording(server.get());
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread loopThread = Thread.ofPlatform().name("http-pipelining-loop").start(() -> {
            Server listener = loop.runUntilComplete(loop.createServer(() -> recording, "127.0.0.1", 0));
            port.complete(((InetSocketAddress) listener.sockets().get(0)).getPort());
            loop.runForever();
            listener.close();
        });
        try (Socket client = new Socket("127.0.0.1", port.get(30, TimeUnit.SECONDS))) {
            AtomicLong written = new AtomicLong();
            Thread writer = Thread.ofPlatform().name("pipelining-writer").start(() -> writeRequests(client, written));

            assertEquals(false, recording.stillReadingWhenPaused.get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    "the server kept reading requests after its transport asked it to pause writing");

            long expected = (long) REQUESTS * answerLength;
            long read = readAll(client.getInputStream(), expected);
            writer.join(WAIT);
            assertEquals((long) REQUESTS * REQUEST.length, written.get(), "bytes of requests written");
            assertEquals(expected, read, "bytes of answers read");
            assertTrue(recording.mostBuffered <= BOUND, "the server buffered up to " + recording.mostBuffered
                    + " bytes of answers, over " + BOUND);
        } finally {
            loop.callSoonThreadsafe(loop::stop);
            loopThread.join(WAIT);
            loop.close();
        }
    }

    private static void writeRequests(Socket client, AtomicLong written) {
        byte[] batch = new byte[REQUEST.length * 1_000];
        for (int i = 0; i < 1_000; i++) {
            System.arraycopy(REQUEST, 0, batch, i * REQUEST.length, REQUEST.length);
        }
        try {
            OutputStream out = client.getOutputStream();
            for (int i = 0; i < REQUESTS / 1_000; i++) {
                out.write(batch);
                written.addAndGet(batch.length);
            }
            out.flush();
        } catch (IOException e) {
            // The test failed and closed the socket; its assertion says why.
        }
    }

    private static long readAll(InputStream in, long expected) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        while (read < expected) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    /**
     * Passes every event to the example's protocol, and records for the test whether it still read
     * after the first pauseWriting and the most it ever buffered (read on the loop thread, then
     * after the loop stopped).
     */
    private static final class Recording implements Protocol {
        final CompletableFuture<Boolean> stillReadingWhenPaused = new CompletableFuture<>();
        volatile int mostBuffered;
        private final Protocol delegate;
        private Transport transport;

        Recording(Protocol delegate) {
            this.delegate = delegate;
        }

        @Override
        public void connectionMade(Transport made) {
            transport = made;
            delegate.connectionMade(made);
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            delegate.dataReceived(data);
            mostBuffered = Math.max(mostBuffered, transport.getWriteBufferSize());
        }

        @Override
        public boolean eofReceived() {
            return delegate.eofReceived();
        }

        @Override
        public void connectionLost(Throwable cause) {
            delegate.connectionLost(cause);
        }

        @Override
        public void pauseWriting() {
            delegate.pauseWriting();
            stillReadingWhenPaused.complete(transport.isReading());
        }

        @Override
        public void resumeWriting() {
            delegate.resumeWriting();
        }
    }
}
