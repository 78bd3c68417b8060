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
package dev.loopkit.spi;

import dev.loopkit.api.BufferedProtocol;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stream connection (TCP or Unix-domain) on a loop's readiness hooks (asyncio's
 * {@code _SelectorSocketTransport}).
 *
 * <p>Reads go into the loop's one shared read buffer (no garbage per read), or straight into the
 * buffer a {@link BufferedProtocol} lends. Writes go straight to the socket while nothing is
 * buffered; the rest is copied into {@code pending} and flushed when the socket is writable,
 * pausing the protocol above the high water mark. Loop thread only.
 */
final class SocketTransport extends ChannelTransport implements Transport {

    private final SocketChannel socket;
    private Protocol protocol;
    private final Object peer;
    private final Object local;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private int buffered;
    private int highWater = 64 * 1024;
    private int lowWater = 16 * 1024;
    private boolean reading = true;
    private boolean writingPaused;
    private boolean eofRequested;
    private boolean eofWritten;

    private SocketTransport(ReadinessEventLoop loop, SocketChannel channel, Protocol protocol) throws IOException {
        super(loop, channel);
        this.socket = channel;
        this.protocol = Objects.requireNonNull(protocol, "the protocol factory returned null");
        this.peer = channel.getRemoteAddress();
        this.local = channel.getLocalAddress();
    }

    /**
     * Serves a connected {@code channel} with the protocol {@code protocolFactory} makes: schedules
     * (asyncio's order) {@code connectionMade}, then starts reading and completes
     * {@code connected}, if given, with the transport. On failure the channel is closed.
     *
     * @throws IOException if the channel has no addresses (it closed meanwhile)
     */
    static void serve(ReadinessEventLoop loop, SocketChannel channel, Supplier<? extends Protocol> protocolFactory,
            Future<Transport> connected) throws IOException {
        try {
            new SocketTransport(loop, channel, protocolFactory.get()).start(connected);
        } catch (IOException | RuntimeException e) {
            release(loop, channel);
            throw e;
        }
    }

    /**
     * Serves an accepted {@code channel}, as {@link #serve} does, once it is non-blocking and, for
     * TCP, sends small writes at once (asyncio's {@code _set_nodelay}). On failure the channel is
     * closed.
     *
     * @throws IOException if the channel cannot be set up (it closed meanwhile)
     */
    static void serveAccepted(ReadinessEventLoop loop, SocketChannel channel,
            Supplier<? extends Protocol> protocolFactory, Future<Transport> connected) throws IOException {
        try {
            channel.configureBlocking(false);
            if (channel.getLocalAddress() instanceof InetSocketAddress) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
        } catch (IOException | RuntimeException e) {
            release(loop, channel);
            throw e;
        }
        serve(loop, channel, protocolFactory, connected);
    }

    private void start(Future<Transport> connected) {
        loop.callSoon(() -> callProtocol("connectionMade", () -> protocol.connectionMade(this)));
        loop.callSoon(() -> {
            started = true;
            updateInterest();
            if (connected != null && !connected.done()) {
                connected.setResult(this);
            }
        });
    }

    @Override
    void readable() {
        if (closed) {
            return;
        }
        ByteBuffer buffer;
        if (protocol instanceof BufferedProtocol lender) {
            ByteBuffer[] lent = new ByteBuffer[1];
            callProtocol("getBuffer", () -> lent[0] = lender.getBuffer(loop.readBuffer().capacity()));
            if (closed) {
                return;
            }
            buffer = lent[0];
            if (buffer == null || !buffer.hasRemaining() || buffer.isReadOnly()) {
                callProtocol("getBuffer", () -> {
                    throw new IllegalStateException("getBuffer() returned " + (lent[0] == null ? "null"
                            : "a buffer with no room to write") + "; return a writable buffer with remaining() > 0");
                });
                return;
            }
        } else {
            buffer = loop.readBuffer();
            buffer.clear();
        }
        int count;
        try {
            count = socket.read(buffer);
        } catch (IOException e) {
            fatal(e);
            return;
        }
        if (count > 0 && protocol instanceof BufferedProtocol lender) {
            callProtocol("bufferUpdated", () -> lender.bufferUpdated(count));
        } else if (count > 0) {
            buffer.flip();
            callProtocol("dataReceived", () -> protocol.dataReceived(buffer));
        } else if (count < 0) {
            reading = false;
            updateInterest();
            boolean[] keepOpen = {false};
            callProtocol("eofReceived", () -> keepOpen[0] = protocol.eofReceived());
            if (!keepOpen[0]) {
                close();
            }
        }
    }

    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data");
        if (eofRequested) {
            throw new IllegalStateException("Cannot call write() after writeEof()");
        }
        if (closing) {
            throw new IllegalStateException("write() on a closing transport (peer " + peer + ")");
        }
        if (!data.hasRemaining()) {
            return;
        }
        if (pending.isEmpty()) {
            try {
                socket.write(data);
            } catch (IOException e) {
                fatal(e);
                return;
            }
        }
        if (data.hasRemaining()) {
            ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
            pending.add(copy);
            buffered += copy.remaining();
            updateInterest();
            if (!writingPaused && buffered > highWater) {
                writingPaused = true;
                callProtocol("pauseWriting", protocol::pauseWriting);
            }
        }
    }

    @Override
    void writable() {
        if (closed) {
            return;
        }
        try {
            while (!pending.isEmpty()) {
                ByteBuffer head = pending.peek();
                buffered -= socket.write(head);
                if (head.hasRemaining()) {
                    break;
                }
                pending.poll();
            }
        } catch (IOException e) {
            fatal(e);
            return;
        }
        if (writingPaused && buffered <= lowWater) {
            writingPaused = false;
            callProtocol("resumeWriting", protocol::resumeWriting);
        }
        if (pending.isEmpty()) {
            if (eofRequested && !eofWritten) {
                shutdownOutput();
            }
            if (closing) {
                finish(null);
                return;
            }
        }
        updateInterest();
    }

    @Override
    public void writeEof() {
        if (closing || eofRequested) {
            return;
        }
        eofRequested = true;
        if (pending.isEmpty()) {
            shutdownOutput();
        }
    }

    private void shutdownOutput() {
        eofWritten = true;
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            fatal(e);
        }
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
        reading = false;
        updateInterest();
        if (pending.isEmpty()) {
            loop.callSoon(() -> finish(null));
        }
    }

    @Override
    public void abort() {
        dropAndFinish(null);
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void pauseReading() {
        reading = false;
        updateInterest();
    }

    @Override
    public void resumeReading() {
        if (!closing) {
            reading = true;
            updateInterest();
        }
    }

    @Override
    public boolean isReading() {
        return reading && !closing;
    }

    @Override
    public void setWriteBufferLimits(int high, int low) {
        requireWaterMarks(high, low);
        highWater = high;
        lowWater = low;
    }

    /** The one check of {@code setWriteBufferLimits}' arguments, for every transport with a write buffer. */
    static void requireWaterMarks(int high, int low) {
        if (high <= 0 || low < 0 || low > high) {
            throw new IllegalArgumentException("need 0 <= low <= high and high > 0, got high=" + high + " low=" + low);
        }
    }

    @Override
    public int getWriteBufferSize() {
        return buffered;
    }

    @Override
    public Protocol getProtocol() {
        return protocol;
    }

    @Override
    public void setProtocol(Protocol protocol) {
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    @Override
    public Object getExtraInfo(String name) {
        return switch (Objects.requireNonNull(name, "name")) {
            case "peername" -> peer;
            case "sockname" -> local;
            case "socket" -> socket;
            default -> null;
        };
    }

    /** Interest follows state: read while reading and started, write while anything is pending. */
    @Override
    boolean wantsReads() {
        return started && reading && !closing;
    }

    @Override
    boolean wantsWrites() {
        return !pending.isEmpty();
    }

    /** A read or write failed (reset, say): drop everything and report it to the protocol. */
    private void fatal(IOException error) {
        dropAndFinish(error);
    }

    /** Closes at once, dropping buffered data; the protocol gets {@code connectionLost(cause)}. */
    private void dropAndFinish(Throwable cause) {
        closing = true;
        pending.clear();
        buffered = 0;
        finish(cause);
    }

    @Override
    void notifyLost(Throwable cause) {
        callProtocol("connectionLost", () -> protocol.connectionLost(cause));
    }

    /** A protocol that throws breaks its connection, with what it threw as the cause. */
    private void callProtocol(String method, Runnable call) {
        Throwable failure = loop.callProtocol(method, this, protocol, call);
        if (failure != null && !closed && !method.equals("connectionLost")) {
            dropAndFinish(failure);
        }
    }

    @Override
    public String toString() {
        return "SocketTransport[" + local + " -> " + peer + (closing ? ", closing" : "") + "]";
    }

    /**
     * Connects to {@code remote} on the loop's readiness hooks (asyncio's {@code sock_connect}),
     * then makes the transport; cancelling the returned future abandons the connect and closes
     * its socket.
     */
    static Future<Transport> connect(ReadinessEventLoop loop, SocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        Future<Transport> result = loop.createFuture();
        SocketChannel channel = null;
        try {
            boolean inet = remote instanceof InetSocketAddress;
            channel = inet ? SocketChannel.open() : SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            if (inet) {
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            }
            SocketChannel opened = channel;
            loop.own(opened, new ConnectAttempt(opened, remote));
            Future<Void> connecting = loop.sockets().connect(opened, remote);
            result.addDoneCallback(done -> {
                if (done.cancelled()) {
                    connecting.cancel();
                }
            });
            // Added after the sock operation's own callback, which stops watching the channel
            // first: the channel closes only once no back end holds it.
            connecting.addDoneCallback(done -> adopt(loop, opened, protocolFactory, done, result));
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                release(loop, channel);
            }
            result.setException(e);
        }
        return result;
    }

    /** The connect is over: serve the channel, or close it and report why. */
    private static void adopt(ReadinessEventLoop loop, SocketChannel channel,
            Supplier<? extends Protocol> protocolFactory, Future<Void> connecting, Future<Transport> result) {
        if (result.done() || connecting.cancelled()) {
            release(loop, channel);
            return;
        }
        if (connecting.exception() != null) {
            release(loop, channel);
            result.setException(connecting.exception());
            return;
        }
        try {
            serve(loop, channel, protocolFactory, result);
        } catch (IOException | RuntimeException e) {
            result.setException(e);
        }
    }

    /** A connect in progress, owner of its channel until the transport takes it. */
    private record ConnectAttempt(SocketChannel channel, SocketAddress remote) implements OwnedChannel {

        @Override
        public void closeForShutdown() {
            closeQuietly(channel);
        }

        @Override
        public String toString() {
            return "a connection attempt to " + remote;
        }
    }
}
