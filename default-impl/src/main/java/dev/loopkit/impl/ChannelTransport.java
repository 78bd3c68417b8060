package dev.loopkit.impl;

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the selector loop's transports share: a channel registered with the loop's selector, an
 * interest set that follows the transport's state, and closing exactly once. Loop thread only.
 */
abstract class ChannelTransport implements SelectorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTransport.class);

    final SelectorEventLoop loop;
    final SelectableChannel channel;
    SelectionKey key;
    /** Reading has started (after the protocol's connectionMade ran). */
    boolean started;
    boolean closing;
    boolean closed;

    ChannelTransport(SelectorEventLoop loop, SelectableChannel channel) {
        this.loop = loop;
        this.channel = channel;
    }

    /** The interest set the transport's state calls for now. */
    abstract int interestOps();

    /** Tells the protocol the connection is lost; scheduled once by {@link #finish}. */
    abstract void notifyLost(Throwable cause);

    final void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = interestOps();
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** Closes the channel once and schedules the protocol's {@code connectionLost(cause)}. */
    final void finish(Throwable cause) {
        if (closed) {
            return;
        }
        closed = true;
        closeChannel();
        loop.callSoon(() -> notifyLost(cause));
    }

    @Override
    public void closeForShutdown() {
        closing = true;
        closed = true;
        closeChannel();
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
        }
        closeQuietly(channel);
    }

    static void closeQuietly(Channel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", channel, e);
            }
        }
    }
}
