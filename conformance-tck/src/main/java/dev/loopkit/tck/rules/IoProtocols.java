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

import dev.loopkit.api.Async;
import dev.loopkit.api.BufferedProtocol;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The protocols the IO rules use: an echo, a recorder and a lender of buffers. */
final class IoProtocols {

    private IoProtocols() {
    }

    static int port(Server server) {
        return ((InetSocketAddress) server.sockets().get(0)).getPort();
    }

    /**
     * Starts a server whose connections get {@code protocols}' recorders; the returned future
     * completes with the first one as soon as the server creates it (its own {@code made} tells
     * when its connection is set up).
     */
    static Server recordingServer(EventLoop loop, Supplier<Recorder> protocols, Future<Recorder> first) {
        return Async.await(loop.createServer(() -> {
            Recorder recorder = protocols.get();
            if (!first.done()) {
                first.setResult(recorder);
            }
            return recorder;
        }, "127.0.0.1", 0));
    }

    static Server echoServer(EventLoop loop) {
        return Async.await(loop.createServer(Echo::new, "127.0.0.1", 0));
    }

    /** Echoes what it receives, pausing its reading while its writes are backed up; closes after EOF. */
    static class Echo implements Protocol {
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

        @Override
        public boolean eofReceived() {
            transport.close();
            return true;
        }
    }

    /** Records every callback in order, digests the data, and offers futures to wait on. */
    static class Recorder implements Protocol {
        final List<String> events = new ArrayList<>();
        final MessageDigest digest;
        final Future<Throwable> lost;
        /** Done with the transport once connectionMade has run. */
        final Future<Transport> made;
        private final EventLoop loop;
        Transport transport;
        long received;
        int pauses;
        private long waitingFor = Long.MAX_VALUE;
        private Future<Long> enough;
        boolean keepOpenOnEof;

        Recorder(EventLoop loop) {
            this.loop = loop;
            this.lost = loop.createFuture();
            this.made = loop.createFuture();
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Future<Long> receivedAtLeast(long count) {
            enough = loop.createFuture();
            waitingFor = count;
            check();
            return enough;
        }

        @Override
        public void connectionMade(Transport made) {
            transport = made;
            events.add("made");
            if (!this.made.done()) {
                this.made.setResult(made);
            }
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            if (!events.get(events.size() - 1).equals("data")) {
                events.add("data");
            }
            received += data.remaining();
            digest.update(data);
            check();
        }

        @Override
        public boolean eofReceived() {
            events.add("eof");
            return keepOpenOnEof;
        }

        @Override
        public void connectionLost(Throwable cause) {
            events.add("lost");
            if (!lost.done()) {
                lost.setResult(cause);
            }
        }

        @Override
        public void pauseWriting() {
            pauses++;
        }

        private void check() {
            if (enough != null && !enough.done() && received >= waitingFor) {
                enough.setResult(received);
            }
        }
    }

    /**
     * A {@link BufferedProtocol} that lends small windows of one array, so that a transfer needs
     * many reads; it records what went wrong with the lending protocol rather than throwing, so
     * that the rule can say it. {@code done} completes once the array is full or, at once, when the
     * loop calls {@code dataReceived}, which would otherwise leave the array waiting forever.
     */
    static final class Lender implements BufferedProtocol {
        /** Room lent per getBuffer: small, so that one transfer takes many reads. */
        static final int WINDOW = 1000;
        final byte[] into;
        final List<String> problems = new ArrayList<>();
        final Future<Void> done;
        int filled;
        int updates;
        private ByteBuffer lent;

        Lender(EventLoop loop, int size) {
            this.into = new byte[size];
            this.done = loop.createFuture();
        }

        @Override
        public ByteBuffer getBuffer(int sizeHint) {
            if (lent != null) {
                problems.add("getBuffer called again before bufferUpdated");
            }
            lent = ByteBuffer.wrap(into, filled, Math.min(WINDOW, into.length - filled)).slice();
            return lent;
        }

        @Override
        public void bufferUpdated(int count) {
            if (lent == null) {
                problems.add("bufferUpdated(" + count + ") without getBuffer");
                return;
            }
            if (count <= 0 || lent.position() != count) {
                problems.add("bufferUpdated(" + count + ") but the lent buffer's position is " + lent.position());
            }
            lent = null;
            filled += count;
            updates++;
            if (filled == into.length) {
                finish();
            }
        }

        @Override
        public void dataReceived(ByteBuffer data) {
            problems.add("dataReceived(" + data.remaining() + " bytes) called on a BufferedProtocol");
            finish();
        }

        private void finish() {
            if (!done.done()) {
                done.setResult(null);
            }
        }
    }

    /**
     * Two connected TCP channels on the loopback interface, both blocking (the caller switches
     * what it hands to the loop); closing the pair closes both.
     */
    record SocketPair(SocketChannel client, SocketChannel server) implements AutoCloseable {

        static SocketPair open() throws IOException {
            try (ServerSocketChannel listener = ServerSocketChannel.open()) {
                listener.bind(new InetSocketAddress("127.0.0.1", 0));
                SocketChannel client = SocketChannel.open(listener.getLocalAddress());
                try {
                    return new SocketPair(client, listener.accept());
                } catch (IOException e) {
                    client.close();
                    throw e;
                }
            }
        }

        @Override
        public void close() throws IOException {
            try (client; server) {
                // both closed, the server's failure suppressed into the client's
            }
        }
    }
}
