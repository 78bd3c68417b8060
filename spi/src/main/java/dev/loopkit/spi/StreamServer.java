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

import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listening stream socket (TCP or Unix-domain) on a loop's readiness hooks (asyncio's
 * {@code _start_serving}); each accepted connection becomes a {@link SocketTransport}. Closing a
 * Unix-domain server removes its socket file. Loop thread only.
 */
final class StreamServer implements Server, OwnedChannel {

    /** Accepts at most this many connections per readiness, so one busy listener cannot starve the loop. */
    private static final int ACCEPTS_PER_EVENT = 128;
    /** How long a listener rests after accept() failed (asyncio's ACCEPT_RETRY_DELAY). */
    private static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);
    /** The file-type bits of a POSIX mode, and their value for a socket (sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

    private final ReadinessEventLoop loop;
    private final ServerSocketChannel channel;
    private final Supplier<? extends Protocol> protocolFactory;
    private final SocketAddress address;
    private final Future<Void> closed;
    private final Runnable onAcceptable = this::accept;

    private StreamServer(ReadinessEventLoop loop, ServerSocketChannel channel,
            Supplier<? extends Protocol> protocolFactory) throws IOException {
        this.loop = loop;
        this.channel = channel;
        this.protocolFactory = protocolFactory;
        this.address = channel.getLocalAddress();
        this.closed = loop.createFuture();
    }

    /** Binds a listening socket to {@code local} and starts accepting on it. */
    static StreamServer open(ReadinessEventLoop loop, SocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        boolean inet = local instanceof InetSocketAddress;
        ServerSocketChannel opened = inet ? ServerSocketChannel.open()
                : ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            if (inet) {
                opened.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            } else {
                removeStaleSocketFile(((UnixDomainSocketAddress) local).getPath());
            }
            opened.bind(local, 1024);
        } catch (IOException | RuntimeException e) {
            ChannelTransport.closeQuietly(opened);
            throw e;
        }
        return serve(loop, opened, protocolFactory);
    }

    /** Starts accepting on {@code listening}, bound already; closes it if it cannot. */
    static StreamServer serve(ReadinessEventLoop loop, ServerSocketChannel listening,
            Supplier<? extends Protocol> protocolFactory) throws IOException {
        try {
            listening.configureBlocking(false);
            StreamServer server = new StreamServer(loop, listening, protocolFactory);
            loop.own(listening, server);
            loop.watchReadable(listening, server.onAcceptable);
            return server;
        } catch (IOException | RuntimeException e) {
            ChannelTransport.release(loop, listening);
            throw e;
        }
    }

    private void accept() {
        if (!channel.isOpen()) {
            return;
        }
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                // Out of file descriptors, say: accepting again at once would fail again at once,
                // at full speed. Rest, as asyncio does, then resume.
                loop.outerLoop().callExceptionHandler(ExceptionContext.builder("Error on accept() of server " + address
                        + "; accepting again in " + ACCEPT_RETRY_DELAY.toSeconds() + " s").exception(e)
                        .extra("server", this).build());
                loop.unwatchReadable(channel);
                loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                    if (channel.isOpen()) {
                        loop.watchReadable(channel, onAcceptable);
                    }
                });
                return;
            }
            if (accepted == null) {
                return;
            }
            try {
                SocketTransport.serveAccepted(loop, accepted, protocolFactory, null);
            } catch (IOException | RuntimeException e) {
                ChannelTransport.closeQuietly(accepted);
                loop.outerLoop().callExceptionHandler(ExceptionContext.builder("Cannot serve a connection accepted by " + address)
                        .exception(e).extra("server", this).build());
            }
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        loop.unwatchReadable(channel);
        ChannelTransport.release(loop, channel);
        removeSocketFile();
        if (!closed.done()) {
            closed.setResult(null);
        }
    }

    @Override
    public void closeForShutdown() {
        ChannelTransport.closeQuietly(channel);
        removeSocketFile();
    }

    private void removeSocketFile() {
        if (address instanceof UnixDomainSocketAddress unix) {
            try {
                Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                LOG.warn("Cannot remove socket file {}", unix.getPath(), e);
            }
        }
    }

    /**
     * Removes a socket file left behind by a server that did not close (a crash, say), as asyncio's
     * create_unix_server does; any other kind of file stays, and the bind fails on it.
     */
    private static void removeStaleSocketFile(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean socket;
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            socket = (mode & S_IFMT) == S_IFSOCK;
        } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
            return; // no way to tell a socket file from another here: leave it to the bind
        }
        if (socket) {
            Files.deleteIfExists(path);
        }
    }

    @Override
    public Future<Void> waitClosed() {
        return closed;
    }

    @Override
    public Future<Void> serveForever() {
        Future<Void> serving = loop.createFuture();
        closed.addDoneCallback(done -> {
            if (!serving.done()) {
                serving.setResult(null);
            }
        });
        serving.addDoneCallback(done -> {
            if (done.cancelled()) {
                close();
            }
        });
        return serving;
    }

    @Override
    public List<SocketAddress> sockets() {
        return List.of(address);
    }

    @Override
    public boolean isServing() {
        return channel.isOpen();
    }

    @Override
    public String toString() {
        return "StreamServer[" + address + (isServing() ? "" : ", closed") + "]";
    }
}
