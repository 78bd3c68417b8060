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

import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.SelectableChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the readiness layer's transports share (asyncio's {@code _SelectorTransport}): a channel
 * the loop owns, read and write callbacks registered while the transport's state calls for them,
 * and closing exactly once. Loop thread only.
 */
abstract class ChannelTransport implements OwnedChannel {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelTransport.class);

    final ReadinessEventLoop loop;
    final SelectableChannel channel;
    /** Made once, so that watching again allocates nothing. */
    private final Runnable onReadable = this::readable;
    private final Runnable onWritable = this::writable;
    private boolean watchingReads;
    private boolean watchingWrites;
    /** Reading has started (after the protocol's connectionMade ran). */
    boolean started;
    boolean closing;
    boolean closed;

    ChannelTransport(ReadinessEventLoop loop, SelectableChannel channel) {
        this.loop = loop;
        this.channel = channel;
        loop.own(channel, this);
        loop.observer().transportOpened();
    }

    /** Whether the transport's state calls for a read callback now. */
    abstract boolean wantsReads();

    /** Whether the transport's state calls for a write callback now (data is queued). */
    abstract boolean wantsWrites();

    /** The channel is readable. */
    abstract void readable();

    /** The channel is writable. */
    abstract void writable();

    /** Tells the protocol the connection is lost; scheduled once by {@link #finish}. */
    abstract void notifyLost(Throwable cause);

    /** Registers or removes the callbacks to match the state; calls the hooks only on a change. */
    final void updateInterest() {
        if (closed) {
            return;
        }
        boolean reads = wantsReads();
        if (reads != watchingReads) {
            watchingReads = reads;
            if (reads) {
                loop.watchReadable(channel, onReadable);
            } else {
                loop.unwatchReadable(channel);
            }
        }
        boolean writes = wantsWrites();
        if (writes != watchingWrites) {
            watchingWrites = writes;
            if (writes) {
                loop.watchWritable(channel, onWritable);
            } else {
                loop.unwatchWritable(channel);
            }
        }
    }

    /** Closes the channel once and schedules the protocol's {@code connectionLost(cause)}. */
    final void finish(Throwable cause) {
        if (closed) {
            return;
        }
        // Unwatched while the channel is open, so that no back end is handed a closed channel.
        if (watchingReads) {
            loop.unwatchReadable(channel);
        }
        if (watchingWrites) {
            loop.unwatchWritable(channel);
        }
        closed = true;
        loop.observer().transportClosed();
        release(loop, channel);
        loop.callSoon(() -> notifyLost(cause));
    }

    @Override
    public void closeForShutdown() {
        closing = true;
        closed = true;
        closeQuietly(channel);
    }

    /** Forgets and closes a channel of {@code loop}. */
    static void release(ReadinessEventLoop loop, SelectableChannel channel) {
        loop.disown(channel);
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
