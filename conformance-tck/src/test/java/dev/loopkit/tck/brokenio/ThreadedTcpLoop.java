package dev.loopkit.tck.brokenio;

import dev.loopkit.api.Connection;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.spi.BuiltinFuture;
import dev.loopkit.testsupport.RecordingLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A second, deliberately different TCP back end for the TCK's own tests: blocking sockets on
 * virtual threads that hand every event to the loop with {@code callSoonThreadsafe}. Correct as
 * it is; {@link Defect}s break one behaviour each.
 */
class ThreadedTcpLoop extends RecordingLoop {

    /** One defect of the back end, or none. */
    enum Defect { NONE, DROPS_EVERY_OTHER_CHUNK, NEVER_PAUSES_WRITING, IGNORES_PAUSE_READING, IGNORES_WRITE_EOF,
        WRITE_AFTER_CLOSE_SILENT, RESET_REPORTED_AS_CLEAN, CLOSED_LOOP_FAILS_THE_FUTURE, LOOKUP_FAILURE_AS_REFUSED }

    private static final byte[] EOF = new byte[0];
    private static final byte[] CLOSE = new byte[0];

    final Defect defect;
    private final Set<java.io.Closeable> owned = ConcurrentHashMap.newKeySet();

    ThreadedTcpLoop(Defect defect) {
        this.defect = defect;
    }

    @Override
    public <P extends Protocol> Future<Connection<P>> createConnection(Supplier<P> protocolFactory, String host,
            int port) {
        if (closedAndDefective()) {
            return failedClosed();
        }
        Future<Connection<P>> connecting = super.createConnection(protocolFactory, host, port);
        if (defect != Defect.LOOKUP_FAILURE_AS_REFUSED) {
            return connecting;
        }
        // The defect: every failure looks like a refused connection, a failed lookup too.
        Future<Connection<P>> reported = createFuture();
        connecting.addDoneCallback(done -> {
            if (done.exception() != null) {
                reported.setException(new ConnectException("connection to " + host + " failed"));
            } else {
                reported.setResult(done.result());
            }
        });
        return reported;
    }

    @Override
    public Future<Server> createServer(Supplier<? extends Protocol> protocolFactory, String host, int port) {
        return closedAndDefective() ? failedClosed() : super.createServer(protocolFactory, host, port);
    }

    private boolean closedAndDefective() {
        return defect == Defect.CLOSED_LOOP_FAILS_THE_FUTURE && isClosed();
    }

    /** The defect: a closed loop is reported through the returned future instead of at once. */
    private <T> Future<T> failedClosed() {
        Future<T> failed = new BuiltinFuture<>(this);
        failed.setException(new IllegalStateException("Event loop is closed"));
        return failed;
    }

    @Override
    protected Future<Transport> makeSocketTransport(InetSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        Future<Transport> result = createFuture();
        Thread.ofVirtual().start(() -> {
            Socket socket = new Socket();
            try {
                socket.connect(remote);
                owned.add(socket);
                post(() -> result.setResult(open(socket, protocolFactory.get())));
            } catch (IOException e) {
                closeQuietly(socket);
                post(() -> result.setException(e));
            }
        });
        return result;
    }

    @Override
    protected Server makeServer(InetSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(local);
        Future<Void> closed = createFuture();
        Thread acceptor = Thread.ofVirtual().start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket accepted = listener.accept();
                    owned.add(accepted);
                    post(() -> open(accepted, protocolFactory.get()));
                } catch (IOException e) {
                    return;
                }
            }
        });
        // A blocked accept() defers the real close of its socket until it returns: wait for it,
        // so that a closed server refuses connections at once.
        java.io.Closeable stopListening = () -> {
            listener.close();
            try {
                acceptor.join(java.time.Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        owned.add(stopListening);
        SocketAddress address = listener.getLocalSocketAddress();
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
                return !listener.isClosed();
            }

            @Override
            public Future<Void> serveForever() {
                return closed;
            }
        };
    }

    @Override
    protected void closeBackend() {
        owned.forEach(ThreadedTcpLoop::closeQuietly);
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

    private Conn open(Socket socket, Protocol protocol) {
        Conn conn = new Conn(socket, protocol);
        owned.add(conn::release);
        callSoon(() -> {
            conn.call(() -> protocol.connectionMade(conn));
            conn.startThreads();
        });
        return conn;
    }

    static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing is all that is left to do
        }
    }

    /** A connection: a reader thread, a writer thread, everything else on the loop thread. */
    private final class Conn implements Transport {
        private final Socket socket;
        private final Protocol protocol;
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

        Conn(Socket socket, Protocol protocol) {
            this.socket = socket;
            this.protocol = protocol;
        }

        /** The loop closed: ends both threads, whatever they wait for. */
        void release() {
            closeQuietly(socket);
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
            byte[] chunk = new byte[64 * 1024];
            // Not try-with-resources: closing a socket's stream closes the socket, and the
            // writer may still have data to send after the peer's EOF.
            try {
                InputStream in = socket.getInputStream();
                while (true) {
                    synchronized (readGate) {
                        while (readingPaused && defect != Defect.IGNORES_PAUSE_READING) {
                            readGate.wait();
                        }
                    }
                    int count = in.read(chunk);
                    if (count < 0) {
                        post(this::eof);
                        return;
                    }
                    if (defect == Defect.DROPS_EVERY_OTHER_CHUNK && chunks.getAndIncrement() % 2 == 1) {
                        continue;
                    }
                    ByteBuffer data = ByteBuffer.wrap(chunk.clone(), 0, count);
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
                OutputStream out = socket.getOutputStream();
                while (true) {
                    byte[] data = outgoing.take();
                    if (data == CLOSE) {
                        closeQuietly(socket);
                        post(() -> lose(null));
                        return;
                    }
                    if (data == EOF) {
                        socket.shutdownOutput();
                        continue;
                    }
                    out.write(data);
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
            call(() -> protocol.dataReceived(data));
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
            closeQuietly(socket);
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
                callExceptionHandler(new ExceptionContext("Fatal error: protocol call failed.", e, null, null, null,
                        Map.of("transport", this)));
                if (!lost) {
                    lost = true;
                    closing = true;
                    closeQuietly(socket);
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
        public Object getExtraInfo(String name) {
            return switch (name) {
                case "peername" -> socket.getRemoteSocketAddress();
                case "sockname" -> socket.getLocalSocketAddress();
                case "socket" -> socket;
                default -> null;
            };
        }
    }
}
