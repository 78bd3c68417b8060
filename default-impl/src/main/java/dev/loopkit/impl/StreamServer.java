package dev.loopkit.impl;

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
import java.nio.channels.SelectionKey;
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
 * A listening stream socket (TCP or Unix-domain) on the loop's selector; each accepted connection
 * becomes a {@link SocketTransport}. Closing a Unix-domain server removes its socket file.
 */
final class StreamServer implements Server, SelectorHandler {

    /** Accepts at most this many connections per readiness, so one busy listener cannot starve the loop. */
    private static final int ACCEPTS_PER_EVENT = 128;
    /** How long a listener rests after accept() failed (asyncio's ACCEPT_RETRY_DELAY). */
    private static final Duration ACCEPT_RETRY_DELAY = Duration.ofSeconds(1);
    /** The file-type bits of a POSIX mode, and their value for a socket (sys/stat.h). */
    private static final int S_IFMT = 0170000;
    private static final int S_IFSOCK = 0140000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamServer.class);

    private final SelectorEventLoop loop;
    private final ServerSocketChannel channel;
    private final Supplier<? extends Protocol> protocolFactory;
    private final SocketAddress address;
    private final Future<Void> closed;
    private final SelectionKey key;

    StreamServer(SelectorEventLoop loop, SocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        this.loop = loop;
        this.protocolFactory = protocolFactory;
        this.closed = loop.createFuture();
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
            opened.configureBlocking(false);
            this.address = opened.getLocalAddress();
            this.key = loop.register(opened, SelectionKey.OP_ACCEPT, this);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        this.channel = opened;
    }

    @Override
    public void onReady(SelectionKey ready) {
        for (int i = 0; i < ACCEPTS_PER_EVENT; i++) {
            SocketChannel accepted;
            try {
                accepted = channel.accept();
            } catch (IOException e) {
                // Out of file descriptors, say: accepting again at once would fail again at once,
                // at full speed. Rest, as asyncio does, then resume.
                loop.callExceptionHandler(ExceptionContext.builder("Error on accept() of server " + address
                        + "; accepting again in " + ACCEPT_RETRY_DELAY.toSeconds() + " s").exception(e)
                        .extra("server", this).build());
                ready.interestOps(0);
                loop.callLater(ACCEPT_RETRY_DELAY, () -> {
                    if (ready.isValid()) {
                        ready.interestOps(SelectionKey.OP_ACCEPT);
                    }
                });
                return;
            }
            if (accepted == null) {
                return;
            }
            try {
                accepted.configureBlocking(false);
                if (address instanceof InetSocketAddress) {
                    accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                new SocketTransport(loop, accepted, protocolFactory.get()).start(null, null);
            } catch (IOException | RuntimeException e) {
                ChannelTransport.closeQuietly(accepted);
                loop.callExceptionHandler(ExceptionContext.builder("Cannot serve a connection accepted by " + address)
                        .exception(e).extra("server", this).build());
            }
        }
    }

    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        key.cancel();
        ChannelTransport.closeQuietly(channel);
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
