package dev.loopkit.impl;

import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Transport;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.function.Supplier;

/** A non-blocking connect waiting for {@code OP_CONNECT}; becomes a {@link SocketTransport}. */
final class PendingConnect implements SelectorHandler {

    private final SelectorEventLoop loop;
    private final SocketChannel channel;
    private final Supplier<? extends Protocol> protocolFactory;
    private final Future<Transport> result;

    PendingConnect(SelectorEventLoop loop, SocketChannel channel, Supplier<? extends Protocol> protocolFactory,
            Future<Transport> result) {
        this.loop = loop;
        this.channel = channel;
        this.protocolFactory = protocolFactory;
        this.result = result;
    }

    /**
     * Starts watching the channel; an attempt whose future is cancelled is closed at once, not
     * when the kernel gives up on it (minutes, for a peer that never answers).
     */
    void watch(SelectionKey key) {
        result.addDoneCallback(done -> {
            if (done.cancelled() && key.isValid()) {
                key.cancel();
                ChannelTransport.closeQuietly(channel);
            }
        });
    }

    @Override
    public void onReady(SelectionKey key) {
        if (result.done()) {
            key.cancel();
            ChannelTransport.closeQuietly(channel);
            return;
        }
        try {
            if (!channel.finishConnect()) {
                return;
            }
            new SocketTransport(loop, channel, protocolFactory.get()).start(key, result);
        } catch (IOException | RuntimeException e) {
            key.cancel();
            ChannelTransport.closeQuietly(channel);
            result.setException(e);
        }
    }

    @Override
    public void closeForShutdown() {
        ChannelTransport.closeQuietly(channel);
    }
}
