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
package dev.loopkit.tck.brokenio;

import dev.loopkit.api.BufferedProtocol;
import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.testsupport.RecordingLoop;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A second, deliberately different back end for TCP, Unix-domain and UDP sockets, for the TCK's
 * own tests: blocking channels on virtual threads that hand every event to the loop with
 * {@code callSoonThreadsafe}. Correct as it is; {@link Defect}s break one behaviour each, those
 * of its transports here and those of the loop's public {@code create*} calls (final in the base
 * loop) in the {@link ConnectingDefects} that forwards to it. It sees that forwarding loop as its
 * outer loop.
 */
class ThreadedLoop extends RecordingLoop {

    /** One defect of the back end, or none. */
    enum Defect { NONE, DROPS_EVERY_OTHER_CHUNK, NEVER_PAUSES_WRITING, IGNORES_PAUSE_READING, IGNORES_WRITE_EOF,
        WRITE_AFTER_CLOSE_SILENT, RESET_REPORTED_AS_CLEAN, CLOSED_LOOP_FAILS_THE_FUTURE, LOOKUP_FAILURE_AS_REFUSED,
        /** Every host, an address literal too, is looked up on the default executor. */
        RESOLVES_LITERALS_IN_EXECUTOR,
        /** A bind error reaches the future wrapped in an UncheckedIOException. */
        WRAPS_BIND_ERRORS,
        /** A Unix-domain bind error is thrown at the caller instead of failing the future. */
        UNIX_BIND_ERROR_THROWN,
        /** An unresolved UDP address is looked up for the caller, on the loop thread. */
        UDP_RESOLVES_FOR_THE_CALLER,
        /** Every protocol gets dataReceived, a BufferedProtocol too (whose lent buffers stay empty). */
        IGNORES_BUFFERED_PROTOCOL,
        /** A server asked to serve on the caller's bound channel binds a new one of its own instead. */
        REBINDS_THE_CALLERS_CHANNEL,
        /** A connection accepted outside the loop is served but not the loop's: close() leaves it open. */
        LEAVES_ACCEPTED_SOCKETS_OPEN,
        /** setProtocol does nothing: the transport goes on calling the protocol it had (startTls cannot work). */
        IGNORES_SET_PROTOCOL,
        /** createConnection with SslOptions checks no host name (a vendor's own TLS call that drops the check). */
        SKIPS_THE_HOST_NAME_CHECK,
        /** createServer with SslOptions serves plaintext (a vendor's own TLS call that drops the options). */
        SERVES_PLAINTEXT_DESPITE_SSL,
        /** subprocessExec sends the child's stderr to its stdout (a vendor that drops a redirect). */
        MERGES_STDERR_INTO_STDOUT,
        /** subprocessExec runs the command under a shell of its own, which is all that close() kills. */
        LEAVES_CHILDREN_RUNNING }

    private static final byte[] EOF = new byte[0];
    private static final byte[] CLOSE = new byte[0];

    final Defect defect;
    private final Set<Closeable> owned = ConcurrentHashMap.newKeySet();

    ThreadedLoop(Defect defect) {
        this.defect = defect;
    }

    ThreadedLoop(Defect defect, EventLoop outer) {
        super(outer);
        this.defect = defect;
    }

    @Override
    protected Future<Transport> makeSocketTransport(InetSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return connect(SocketChannel::open, remote, protocolFactory);
    }

    @Override
    protected Future<Transport> makeUnixSocketTransport(UnixDomainSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return connect(() -> SocketChannel.open(StandardProtocolFamily.UNIX), remote, protocolFactory);
    }

    /** Opens a channel with {@code opener} and connects it to {@code remote} on a thread of its own. */
    private Future<Transport> connect(Callable<SocketChannel> opener, SocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        Future<Transport> result = createFuture();
        Thread.ofVirtual().start(() -> {
            try {
                SocketChannel channel = opener.call();
                try {
                    channel.connect(remote);
                } catch (IOException e) {
                    closeQuietly(channel);
                    throw e;
                }
                owned.add(channel);
                post(() -> {
                    if (result.done()) {
                        closeQuietly(channel); // the caller cancelled the attempt
                    } else {
                        result.setResult(open(channel, protocolFactory.get()));
                    }
                });
            } catch (Exception e) {
                post(() -> {
                    if (!result.done()) {
                        result.setException(e);
                    }
                });
            }
        });
        return result;
    }

    @Override
    protected Server makeServer(InetSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return serve(bind(ServerSocketChannel.open(), local), protocolFactory, null);
    }

    @Override
    protected Server makeServer(ServerSocketChannel listening, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        if (defect == Defect.REBINDS_THE_CALLERS_CHANNEL) {
            InetSocketAddress asked = (InetSocketAddress) listening.getLocalAddress();
            return makeServer(new InetSocketAddress(asked.getAddress(), 0), protocolFactory);
        }
        listening.configureBlocking(true);
        return serve(listening, protocolFactory, null);
    }

    @Override
    protected Future<Transport> makeAcceptedSocketTransport(SocketChannel accepted,
            Supplier<? extends Protocol> protocolFactory) {
        Future<Transport> result = createFuture();
        try {
            accepted.configureBlocking(true);
            Conn conn = new Conn(accepted, protocolFactory.get());
            if (defect != Defect.LEAVES_ACCEPTED_SOCKETS_OPEN) {
                owned.add(conn::release);
            }
            result.setResult(start(conn));
        } catch (IOException | RuntimeException e) {
            result.setException(e);
        }
        return result;
    }

    @Override
    protected Server makeUnixServer(UnixDomainSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return serve(bind(ServerSocketChannel.open(StandardProtocolFamily.UNIX), local), protocolFactory,
                local.getPath());
    }

    /** Binds {@code listener} to {@code local}, or closes it. */
    private ServerSocketChannel bind(ServerSocketChannel listener, SocketAddress local) throws IOException {
        try {
            return listener.bind(local);
        } catch (IOException e) {
            listener.close();
            if (defect == Defect.WRAPS_BIND_ERRORS) {
                throw new UncheckedIOException(e);
            }
            throw e;
        }
    }

    /**
     * Accepts on the bound, blocking {@code listener} on a thread of its own.
     *
     * @param socketFile the Unix-domain socket file to delete when the server closes, or null
     */
    private Server serve(ServerSocketChannel listener, Supplier<? extends Protocol> protocolFactory,
            Path socketFile) throws IOException {
        Future<Void> closed = createFuture();
        Thread acceptor = Thread.ofVirtual().start(() -> {
            while (listener.isOpen()) {
                try {
                    SocketChannel accepted = listener.accept();
                    owned.add(accepted);
                    post(() -> open(accepted, protocolFactory.get()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        // A blocked accept() defers the real close of its socket until it returns: wait for it,
        // so that a closed server refuses connections at once.
        Closeable stopListening = () -> {
            listener.close();
            try {
                acceptor.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (socketFile != null) {
                Files.deleteIfExists(socketFile);
            }
        };
        owned.add(stopListening);
        SocketAddress address = listener.getLocalAddress();
        return new Server() {
            @Override
            public void close() {
                closeQuietly(stopListening);
                if (!closed.done()) {
                    closed.setResult(null);
                }
            }

            @Override
            public Future<Void> waitClosed() {
                return closed;
            }

            @Override
            public List<SocketAddress> sockets() {
                return List.of(address);
            }

            @Override
            public boolean isServing() {
                return listener.isOpen();
            }

            @Override
            public Future<Void> serveForever() {
                return closed;
            }
        };
    }

    @Override
    protected DatagramTransport makeDatagramTransport(Supplier<? extends DatagramProtocol> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        DatagramChannel channel = DatagramChannel.open();
        try {
            channel.bind(local);
            if (remote != null) {
                channel.connect(remote);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        owned.add(channel);
        DatagramProtocol protocol = protocolFactory.get();
        Endpoint endpoint = new Endpoint(channel, protocol);
        callSoon(() -> {
            protocol.connectionMade(endpoint);
            Thread.ofVirtual().start(endpoint::receiveLoop);
        });
        return endpoint;
    }

    @Override
    protected void closeBackend() {
        owned.forEach(ThreadedLoop::closeQuietly);
        super.closeBackend();
    }

    /**
     * Hands an event from one of the back end's threads to the loop. Once the loop is closed there
     * is nobody left to tell: the event is dropped, and the thread's socket is already closed.
     */
    private void post(Runnable event) {
        try {
            callSoonThreadsafe(event);
        } catch (IllegalStateException closed) {
            // closeBackend() closed every socket; the thread ends on its next read or write.
        }
    }

    private Conn open(SocketChannel channel, Protocol protocol) {
        Conn conn = new Conn(channel, protocol);
        owned.add(conn::release);
        return start(conn);
    }

    /** Calls the connection's connectionMade, then starts its reader and writer. */
    private Conn start(Conn conn) {
        Protocol protocol = conn.protocol;
        callSoon(() -> {
            conn.call(() -> protocol.connectionMade(conn));
            conn.startThreads();
        });
        return conn;
    }

    static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    /** A connection: a reader thread, a writer thread, everything else on the loop thread. */
    private final class Conn implements Transport {
        private final SocketChannel channel;
        private Protocol protocol;
        private final LinkedBlockingQueue<byte[]> outgoing = new LinkedBlockingQueue<>();
        private final AtomicInteger buffered = new AtomicInteger();
        private final List<ByteBuffer> heldWhilePaused = new ArrayList<>();
        private final Object readGate = new Object();
        private volatile boolean readingPaused;
        private int high = 64 * 1024;
        private int low = 16 * 1024;
        private boolean writingPaused;
        private boolean closing;
        private boolean eofWritten;
        private boolean lost;
        private final AtomicInteger chunks = new AtomicInteger();

        Conn(SocketChannel channel, Protocol protocol) {
            this.channel = channel;
            this.protocol = protocol;
        }

        /** The loop closed: ends both threads, whatever they wait for. */
        void release() {
            closeQuietly(channel);
            outgoing.offer(CLOSE);
            synchronized (readGate) {
                readingPaused = false;
                readGate.notifyAll();
            }
        }

        void startThreads() {
            Thread.ofVirtual().start(this::readLoop);
            Thread.ofVirtual().start(this::writeLoop);
        }

        private void readLoop() {
            ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
            try {
                while (true) {
                    synchronized (readGate) {
                        while (readingPaused && defect != Defect.IGNORES_PAUSE_READING) {
                            readGate.wait();
                        }
                    }
                    chunk.clear();
                    int count = channel.read(chunk);
                    if (count < 0) {
                        post(this::eof);
                        return;
                    }
                    if (defect == Defect.DROPS_EVERY_OTHER_CHUNK && chunks.getAndIncrement() % 2 == 1) {
                        continue;
                    }
                    ByteBuffer data = ByteBuffer.wrap(Arrays.copyOf(chunk.array(), count));
                    post(() -> deliver(data));
                }
            } catch (IOException e) {
                post(() -> lose(closing || defect == Defect.RESET_REPORTED_AS_CLEAN ? null : e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void writeLoop() {
            try {
                while (true) {
                    byte[] data = outgoing.take();
                    if (data == CLOSE) {
                        closeQuietly(channel);
                        post(() -> lose(null));
                        return;
                    }
                    if (data == EOF) {
                        channel.shutdownOutput();
                        continue;
                    }
                    ByteBuffer out = ByteBuffer.wrap(data);
                    while (out.hasRemaining()) {
                        channel.write(out);
                    }
                    int left = buffered.addAndGet(-data.length);
                    if (left <= low) {
                        post(this::maybeResume);
                    }
                }
            } catch (IOException e) {
                post(() -> lose(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void deliver(ByteBuffer data) {
            if (lost) {
                return;
            }
            if (readingPaused && defect != Defect.IGNORES_PAUSE_READING) {
                heldWhilePaused.add(data);
                return;
            }
            if (protocol instanceof BufferedProtocol lender && defect != Defect.IGNORES_BUFFERED_PROTOCOL) {
                lend(lender, data);
            } else {
                call(() -> protocol.dataReceived(data));
            }
        }

        /** Copies {@code data} into the buffers {@code lender} lends, one bufferUpdated per buffer. */
        private void lend(BufferedProtocol lender, ByteBuffer data) {
            while (data.hasRemaining() && !lost) {
                ByteBuffer[] lent = new ByteBuffer[1];
                call(() -> lent[0] = lender.getBuffer(data.remaining()));
                if (lost) {
                    return;
                }
                if (lent[0] == null || !lent[0].hasRemaining()) {
                    call(() -> {
                        throw new IllegalStateException("getBuffer() returned no room to read into");
                    });
                    return;
                }
                int count = Math.min(lent[0].remaining(), data.remaining());
                lent[0].put(data.slice(data.position(), count));
                data.position(data.position() + count);
                call(() -> lender.bufferUpdated(count));
            }
        }

        private void eof() {
            if (lost) {
                return;
            }
            boolean[] keepOpen = {false};
            call(() -> keepOpen[0] = protocol.eofReceived());
            if (!keepOpen[0]) {
                close();
            }
        }

        private void lose(Throwable cause) {
            if (lost) {
                return;
            }
            lost = true;
            closing = true;
            closeQuietly(channel);
            outgoing.offer(CLOSE);
            call(() -> protocol.connectionLost(cause));
        }

        private void maybeResume() {
            if (writingPaused && buffered.get() <= low) {
                writingPaused = false;
                call(protocol::resumeWriting);
            }
        }

        /** A protocol that throws is reported and loses its connection with that cause. */
        private void call(Runnable callback) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                callExceptionHandler(ExceptionContext.builder("Fatal error: protocol call failed.").exception(e)
                        .extra("transport", this).build());
                if (!lost) {
                    lost = true;
                    closing = true;
                    closeQuietly(channel);
                    outgoing.offer(CLOSE);
                    callSoon(() -> protocol.connectionLost(e));
                }
            }
        }

        @Override
        public void write(ByteBuffer data) {
            if (closing || eofWritten) {
                if (defect == Defect.WRITE_AFTER_CLOSE_SILENT) {
                    return;
                }
                throw new IllegalStateException("write() on a closing transport");
            }
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            int now = buffered.addAndGet(copy.length);
            outgoing.add(copy);
            if (!writingPaused && now > high && defect != Defect.NEVER_PAUSES_WRITING) {
                writingPaused = true;
                call(protocol::pauseWriting);
            }
        }

        @Override
        public void writeEof() {
            if (closing || eofWritten || defect == Defect.IGNORES_WRITE_EOF) {
                return;
            }
            eofWritten = true;
            outgoing.add(EOF);
        }

        @Override
        public boolean canWriteEof() {
            return true;
        }

        @Override
        public void close() {
            if (closing) {
                return;
            }
            closing = true;
            outgoing.add(CLOSE);
        }

        @Override
        public void abort() {
            closing = true;
            outgoing.clear();
            lose(null);
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public void pauseReading() {
            readingPaused = true;
        }

        @Override
        public void resumeReading() {
            synchronized (readGate) {
                readingPaused = false;
                readGate.notifyAll();
            }
            List<ByteBuffer> held = List.copyOf(heldWhilePaused);
            heldWhilePaused.clear();
            held.forEach(this::deliver);
        }

        @Override
        public boolean isReading() {
            return !readingPaused && !closing;
        }

        @Override
        public void setWriteBufferLimits(int newHigh, int newLow) {
            high = newHigh;
            low = newLow;
        }

        @Override
        public int getWriteBufferSize() {
            return buffered.get();
        }

        @Override
        public Protocol getProtocol() {
            return protocol;
        }

        @Override
        public void setProtocol(Protocol newProtocol) {
            if (defect != Defect.IGNORES_SET_PROTOCOL) {
                protocol = Objects.requireNonNull(newProtocol, "protocol");
            }
        }

        @Override
        public Object getExtraInfo(String name) {
            return extraInfo(name, channel, channel::getRemoteAddress);
        }
    }

    /** A transport's extra information about {@code channel}: its addresses, itself, or null. */
    private static Object extraInfo(String name, NetworkChannel channel, Callable<SocketAddress> remote) {
        return switch (name) {
            case "peername" -> addressOf(remote);
            case "sockname" -> addressOf(channel::getLocalAddress);
            case "socket" -> channel;
            default -> null;
        };
    }

    /** An address of a channel, or null once it is closed. */
    private static SocketAddress addressOf(Callable<SocketAddress> query) {
        try {
            return query.call();
        } catch (Exception closed) {
            return null;
        }
    }

    /** A UDP endpoint: a receiving thread, sends and everything else on the loop thread. */
    private final class Endpoint implements DatagramTransport {
        private final DatagramChannel channel;
        private final DatagramProtocol protocol;
        private boolean closing;

        Endpoint(DatagramChannel channel, DatagramProtocol protocol) {
            this.channel = channel;
            this.protocol = protocol;
        }

        void receiveLoop() {
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.isOpen()) {
                try {
                    buffer.clear();
                    SocketAddress sender = channel.receive(buffer);
                    ByteBuffer datagram = ByteBuffer.wrap(Arrays.copyOf(buffer.array(), buffer.position()));
                    post(() -> {
                        if (!closing) {
                            protocol.datagramReceived(datagram, sender);
                        }
                    });
                } catch (IOException e) {
                    if (channel.isOpen()) {
                        post(() -> protocol.errorReceived(e));
                    }
                }
            }
        }

        @Override
        public void sendTo(ByteBuffer data, SocketAddress target) {
            if (closing) {
                throw new IllegalStateException("sendTo() on a closing datagram transport");
            }
            try {
                if (target == null) {
                    channel.write(data);
                } else {
                    channel.send(data, target);
                }
            } catch (IOException e) {
                protocol.errorReceived(e);
            }
        }

        @Override
        public void close() {
            if (closing) {
                return;
            }
            closing = true;
            closeQuietly(channel);
            callSoon(() -> protocol.connectionLost(null));
        }

        @Override
        public void abort() {
            close();
        }

        @Override
        public boolean isClosing() {
            return closing;
        }

        @Override
        public DatagramProtocol getProtocol() {
            return protocol;
        }

        @Override
        public Object getExtraInfo(String name) {
            return extraInfo(name, channel, channel::getRemoteAddress);
        }
    }
}
