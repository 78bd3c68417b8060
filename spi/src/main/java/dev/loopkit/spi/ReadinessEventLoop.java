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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.apiguardian.api.API;

/**
 * A {@link BaseEventLoop} for a back end that reports readiness (asyncio's
 * {@code selector_events.BaseSelectorEventLoop}): the vendor fills in four readiness hooks
 * besides {@link #processEvents}, {@link #wakeup} and {@link #closeBackend}, and gets, built once
 * on them, TCP and Unix-domain connections and servers, UDP endpoints, the public
 * {@code addReader}/{@code addWriter} callbacks and the {@code sock*} operations. A provider of
 * such a loop may declare every network capability: {@code tcp}, {@code unix}, {@code udp} and
 * {@code readiness}.
 *
 * <p>The readiness hooks are level-triggered, as a selector is: {@link #watchReadable} asks the
 * back end to run a callback on the loop thread, from {@link #processEvents}, each time it finds
 * the channel readable (for a {@link ServerSocketChannel}: a connection to accept), until
 * {@link #unwatchReadable}; {@link #watchWritable} likewise for writable (for a
 * {@link SocketChannel} with a connect in progress: the connect finished, successfully or not).
 * A channel has at most one callback of each kind: watching again replaces it. Once a channel is
 * unwatched, the back end must not run its callback again, even if it was found ready in the same
 * poll. The callbacks this class passes in never throw: callbacks from users are wrapped so that
 * what they throw reaches {@link #callExceptionHandler}.
 *
 * <p>Channels opened for transports and servers belong to the loop: {@link #close()} closes any
 * still open, before {@link #closeBackend()}, without calling their protocols; user channels given
 * to {@code addReader} and the {@code sock*} operations stay open. A channel a transport uses
 * cannot also be given to {@code addReader} or a {@code sock*} operation (asyncio's "File
 * descriptor is used by transport").
 *
 * <p>Thread-safety: as {@link BaseEventLoop}; the hooks are called on the loop thread only.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public abstract class ReadinessEventLoop extends BaseEventLoop {

    /**
     * What a provider of such a loop may declare: the transports and readiness callbacks built
     * here ({@code tcp}, {@code unix}, {@code udp}, {@code readiness}) and the base loop's signal
     * handlers ({@code signals}), TLS layer ({@code tls}) and child processes ({@code subprocess}).
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final Set<String> CAPABILITIES = Set.of(Capabilities.TCP, Capabilities.UDP, Capabilities.UNIX,
            Capabilities.READINESS, Capabilities.SIGNALS, Capabilities.TLS, Capabilities.SUBPROCESS);

    /** Every connection and endpoint reads into one buffer of this size: no garbage per read. */
    private static final int READ_BUFFER_SIZE = 64 * 1024;

    /** The channels the loop opened, each with the transport, server or connect that uses it. */
    private final Map<SelectableChannel, OwnedChannel> owned = new IdentityHashMap<>();
    private final SocketOperations sockets = new SocketOperations(this);
    private ByteBuffer readBuffer;

    /** Creates an open loop that is not running. */
    protected ReadinessEventLoop() {
    }

    /**
     * Creates an open loop that is not running, seen by its users as {@code outer}, the loop that
     * decorates it; see {@link BaseEventLoop#BaseEventLoop(EventLoop)}.
     *
     * @param outer the decorating loop, which forwards to this one; not null
     */
    @API(status = EXPERIMENTAL, since = "0.1")
    protected ReadinessEventLoop(EventLoop outer) {
        super(outer);
    }

    // ---------------------------------------------------------------------------------------
    // Hooks for vendors

    /**
     * Runs {@code callback} whenever {@code channel} is readable (or, for a server socket, has a
     * connection to accept), until {@link #unwatchReadable}; replaces any read callback the
     * channel had. Called on the loop thread with an open, non-blocking channel, on an open loop.
     *
     * @param channel the channel; its blocking mode and openness are checked already
     * @param callback what to run; it does not throw
     */
    protected abstract void watchReadable(SelectableChannel channel, Runnable callback);

    /**
     * Stops running the read callback of {@code channel}. Called on the loop thread, possibly for
     * a channel closed since it was watched.
     *
     * @param channel the channel
     * @return whether a read callback was registered
     */
    protected abstract boolean unwatchReadable(SelectableChannel channel);

    /**
     * Runs {@code callback} whenever {@code channel} is writable (or, for a socket with a connect
     * in progress, once the connect finished), until {@link #unwatchWritable}; replaces any write
     * callback the channel had. Called like {@link #watchReadable}.
     *
     * @param channel the channel; its blocking mode and openness are checked already
     * @param callback what to run; it does not throw
     */
    protected abstract void watchWritable(SelectableChannel channel, Runnable callback);

    /**
     * Stops running the write callback of {@code channel}, like {@link #unwatchReadable}.
     *
     * @param channel the channel
     * @return whether a write callback was registered
     */
    protected abstract boolean unwatchWritable(SelectableChannel channel);

    // ---------------------------------------------------------------------------------------
    // Readiness callbacks and sock* operations for users, as asyncio's selector_events has them

    @Override
    public final void addReader(SelectableChannel channel, Runnable callback) {
        requireUserChannel(channel);
        watchReadable(channel, reporting(channel, Objects.requireNonNull(callback, "callback")));
    }

    @Override
    public final boolean removeReader(SelectableChannel channel) {
        requireNotOwned(Objects.requireNonNull(channel, "channel"));
        return unwatchReadable(channel);
    }

    @Override
    public final void addWriter(SelectableChannel channel, Runnable callback) {
        requireUserChannel(channel);
        watchWritable(channel, reporting(channel, Objects.requireNonNull(callback, "callback")));
    }

    @Override
    public final boolean removeWriter(SelectableChannel channel) {
        requireNotOwned(Objects.requireNonNull(channel, "channel"));
        return unwatchWritable(channel);
    }

    @Override
    public final Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        requireUserChannel(channel);
        return sockets.connect(channel, address);
    }

    @Override
    public final Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        requireUserChannel(channel);
        return sockets.accept(channel);
    }

    @Override
    public final Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) {
        requireUserChannel(channel);
        return sockets.recv(channel, buffer);
    }

    @Override
    public final Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data) {
        requireUserChannel(channel);
        return sockets.sendAll(channel, data);
    }

    /**
     * Fails with asyncio's advice unless {@code channel} is non-blocking (readiness callbacks and
     * the sock* operations need it).
     *
     * @param channel the channel to check
     */
    protected static void requireNonBlocking(SelectableChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel.isBlocking()) {
            throw new IllegalArgumentException("the channel must be non-blocking: call configureBlocking(false) first");
        }
    }

    private void requireUserChannel(SelectableChannel channel) {
        requireNonBlocking(channel);
        checkClosed();
        requireNotOwned(channel);
    }

    @Override
    void requireNotOwned(SelectableChannel channel) {
        OwnedChannel owner = owned.get(channel);
        if (owner != null) {
            throw new IllegalStateException("the channel is used by " + owner
                    + ": readiness callbacks and sock* operations need a channel of their own");
        }
    }

    /** A user's callback whose failure reaches the exception handler instead of the back end. */
    private Runnable reporting(SelectableChannel channel, Runnable callback) {
        return () -> {
            try {
                callback.run();
            } catch (Throwable t) {
                CallbackFailures.rethrowIfFatal(t);
                outerLoop().callExceptionHandler(ExceptionContext.of("Exception in readiness callback "
                        + CallbackFailures.describe(callback) + " of " + channel, t));
            }
        };
    }

    // ---------------------------------------------------------------------------------------
    // Transports, built once on the hooks

    @Override
    protected final Future<Transport> makeSocketTransport(InetSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return SocketTransport.connect(this, remote, protocolFactory);
    }

    @Override
    protected final Server makeServer(InetSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return StreamServer.open(this, local, protocolFactory);
    }

    @Override
    protected final Server makeServer(ServerSocketChannel listening, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return StreamServer.serve(this, listening, protocolFactory);
    }

    @Override
    protected final Future<Transport> makeAcceptedSocketTransport(SocketChannel accepted,
            Supplier<? extends Protocol> protocolFactory) {
        Future<Transport> made = createFuture();
        try {
            SocketTransport.serveAccepted(this, accepted, protocolFactory, made);
        } catch (IOException | RuntimeException e) {
            made.setException(e);
        }
        return made;
    }

    @Override
    protected final Future<Transport> makeUnixSocketTransport(UnixDomainSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return SocketTransport.connect(this, remote, protocolFactory);
    }

    @Override
    protected final Server makeUnixServer(UnixDomainSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return StreamServer.open(this, local, protocolFactory);
    }

    @Override
    protected final DatagramTransport makeDatagramTransport(Supplier<? extends DatagramProtocol> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        return UdpTransport.open(this, protocolFactory, local, remote);
    }

    /** The transports' sock* operations, which skip the checks meant for users' channels. */
    SocketOperations sockets() {
        return sockets;
    }

    /** Records that {@code channel} belongs to {@code owner} until {@link #disown}. Loop thread only. */
    void own(SelectableChannel channel, OwnedChannel owner) {
        owned.put(channel, owner);
    }

    /** Forgets {@code channel}'s owner (its channel is closing). Loop thread only. */
    void disown(SelectableChannel channel) {
        owned.remove(channel);
    }

    /** The loop is closing: every channel it opened closes, without calling a protocol. */
    @Override
    void closeOwnedChannels() {
        for (OwnedChannel owner : new ArrayList<>(owned.values())) {
            owner.closeForShutdown();
        }
        owned.clear();
    }

    /** The buffer every transport reads into, allocated on first use. Loop thread only. */
    ByteBuffer readBuffer() {
        if (readBuffer == null) {
            readBuffer = ByteBuffer.allocateDirect(READ_BUFFER_SIZE);
        }
        return readBuffer;
    }
}
