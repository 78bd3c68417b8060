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
package dev.loopkit.epoll;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import java.nio.channels.SelectableChannel;

/**
 * One channel the loop watches: its read and write callbacks and its registration with Netty's
 * epoll handler. The descriptor belongs to the channel, never to epoll: closing this watch never
 * closes it, and once the channel is closed the descriptor counts as closed, so that cancelling
 * the registration cannot remove from epoll another channel that reuses the number. Loop thread
 * only.
 */
final class Watch implements EpollIoHandle {

    /** epoll's hang-up flag, reported whatever the interest (Netty has no constant for it). */
    private static final int EPOLLHUP = 0x10;
    private static final int READ_READY = EpollIoOps.EPOLLIN.value() | EpollIoOps.EPOLLRDHUP.value()
            | EpollIoOps.EPOLLERR.value() | EPOLLHUP;
    private static final int WRITE_READY = EpollIoOps.EPOLLOUT.value() | EpollIoOps.EPOLLERR.value() | EPOLLHUP;

    final SelectableChannel channel;
    private final FileDescriptor fd;
    Runnable reader;
    Runnable writer;
    IoRegistration registration;

    Watch(SelectableChannel channel) {
        this.channel = channel;
        this.fd = new FileDescriptor(ChannelDescriptors.of(channel)) {
            @Override
            public boolean isOpen() {
                return channel.isOpen();
            }

            @Override
            public void close() {
                // the channel's to close, not epoll's
            }
        };
    }

    @Override
    public FileDescriptor fd() {
        return fd;
    }

    /** The channel's descriptor number. */
    int descriptor() {
        return fd.intValue();
    }

    /** The interest epoll should have: level-triggered, read and write as callbacks are set. */
    EpollIoOps interest() {
        EpollIoOps ops = EpollIoOps.NONE;
        if (reader != null) {
            ops = ops.with(EpollIoOps.EPOLLIN);
        }
        if (writer != null) {
            ops = ops.with(EpollIoOps.EPOLLOUT);
        }
        return ops;
    }

    @Override
    public void handle(IoRegistration ignored, IoEvent event) {
        int ready = ((EpollIoEvent) event).ops().value();
        // As a selector does: an error or hang-up makes the channel ready for what it waits for,
        // so that the callback's read or write finds out what happened.
        if ((ready & READ_READY) != 0 && reader != null) {
            reader.run();
        }
        // The read callback may have removed the write callback (the ReadinessEventLoop contract:
        // once unwatched, never run again), so it is read afresh.
        if ((ready & WRITE_READY) != 0 && writer != null) {
            writer.run();
        }
    }

    @Override
    public void close() {
        // Called when the handler is destroyed: the channel stays open for its owner to close.
    }
}
