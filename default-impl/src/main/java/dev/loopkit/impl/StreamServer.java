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
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A listening stream socket (TCP or Unix-domain) on the loop's selector; each accepted connection
 * becomes a {@link SocketTransport}. Closing a Unix-domain server removes its socket file.
 */
final class StreamServer implements Server, SelectorHandler {

    /** Accepts at most this many connections per readiness, so one busy listener cannot starve the loop. */
    private static final int ACCEPTS_PER_EVENT = 128;

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
                loop.callExceptionHandler(new ExceptionContext("Error on accept() of server " + address, e, null,
                        null, null, Map.of("server", this)));
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
                loop.callExceptionHandler(new ExceptionContext("Cannot serve a connection accepted by " + address, e,
                        null, null, null, Map.of("server", this)));
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
        if (address instanceof java.net.UnixDomainSocketAddress unix) {
            try {
                java.nio.file.Files.deleteIfExists(unix.getPath());
            } catch (IOException e) {
                org.slf4j.LoggerFactory.getLogger(StreamServer.class).warn("Cannot remove socket file {}",
                        unix.getPath(), e);
            }
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
