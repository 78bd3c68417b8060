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
package dev.loopkit.tck.brokenio;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.ReadinessEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A second readiness back end for the TCK's own tests, written as a vendor would write one on
 * {@link ReadinessEventLoop}: the four readiness hooks on a selector of its own and nothing else.
 * Every transport (TCP, Unix-domain, UDP), the readiness callbacks and the {@code sock*}
 * operations come from the readiness layer, so that correct it certifies every I/O rule, and the
 * readiness rules can be shown to fail. {@link Defect}s break one behaviour each, those of the
 * back end here and those of the {@code sock*} operations (final in the readiness layer) in the
 * {@link SockDefects} that forwards to it, which it sees as its outer loop. Callbacks run inside
 * {@code processEvents}, on the loop thread.
 */
class SelectingLoop extends ReadinessEventLoop {

    /** One defect of the back end, or none. */
    enum Defect {
        NONE,
        /** removeReader and removeWriter remove the callback but always answer false. */
        REMOVE_ANSWERS_FALSE,
        /** The sock* operations quietly switch a blocking channel to non-blocking instead of refusing it. */
        SWITCHES_CHANNELS_TO_NON_BLOCKING,
        /** sockRecv leaves its reader on the channel once done or cancelled. */
        SOCK_RECV_LEAVES_ITS_READER,
        /** sockRecv into a buffer with no room waits until the channel is readable before answering 0. */
        SOCK_RECV_WAITS_WHEN_FULL,
        /** With callbacks ready the loop does not poll at all, "to save a system call". */
        SKIPS_POLL_WHEN_BUSY,
        /**
         * Keeps its channels in numbered slots that are reused once their channel is closed, as
         * epoll keys registrations by descriptor number, and removing a closed channel's callback
         * removes the one of whichever channel now has its slot.
         */
        UNWATCHES_BY_DESCRIPTOR
    }

    /** The callbacks registered for one channel. */
    private static final class Callbacks {
        Runnable reader;
        Runnable writer;
    }

    private final Defect defect;
    private final Selector selector;
    /**
     * For {@link Defect#UNWATCHES_BY_DESCRIPTOR}: the channel in each slot (the lowest free one is
     * taken, as the kernel hands out descriptors), and each channel's slot.
     */
    private final List<SelectableChannel> slots = new ArrayList<>();
    private final Map<SelectableChannel, Integer> slotOf = new IdentityHashMap<>();

    SelectingLoop(Defect defect) {
        this.defect = defect;
        selector = openSelector();
    }

    SelectingLoop(Defect defect, EventLoop outer) {
        super(outer);
        this.defect = defect;
        selector = openSelector();
    }

    private static Selector openSelector() {
        try {
            return Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
    }

    @Override
    protected void processEvents(long timeoutNanos) {
        try {
            if (timeoutNanos == 0) {
                if (defect == Defect.SKIPS_POLL_WHEN_BUSY) {
                    return;
                }
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("select failed", e);
        }
        for (Iterator<SelectionKey> keys = selector.selectedKeys().iterator(); keys.hasNext(); ) {
            SelectionKey key = keys.next();
            keys.remove();
            Callbacks callbacks = (Callbacks) key.attachment();
            if (key.isValid() && (key.readyOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0) {
                run(callbacks.reader);
            }
            if (key.isValid() && (key.readyOps() & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0) {
                run(callbacks.writer);
            }
        }
    }

    private static void run(Runnable callback) {
        if (callback != null) {
            callback.run();
        }
    }

    @Override
    protected void wakeup() {
        selector.wakeup();
    }

    @Override
    protected void closeBackend() {
        try {
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the selector", e);
        }
    }

    @Override
    protected void watchReadable(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).reader = callback;
        updateInterest(channel);
    }

    @Override
    protected void watchWritable(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).writer = callback;
        updateInterest(channel);
    }

    @Override
    protected boolean unwatchReadable(SelectableChannel channel) {
        return remove(channel, true);
    }

    @Override
    protected boolean unwatchWritable(SelectableChannel channel) {
        return remove(channel, false);
    }

    private boolean remove(SelectableChannel given, boolean reader) {
        SelectableChannel channel = given;
        if (defect == Defect.UNWATCHES_BY_DESCRIPTOR && !given.isOpen() && slotOf.containsKey(given)
                && slots.get(slotOf.get(given)) != null) {
            channel = slots.get(slotOf.get(given)); // the defect: whichever channel has the slot now
        }
        SelectionKey key = channel.keyFor(selector);
        Callbacks callbacks = key == null || !key.isValid() ? null : (Callbacks) key.attachment();
        if (callbacks == null || (reader ? callbacks.reader : callbacks.writer) == null) {
            return false;
        }
        if (reader) {
            callbacks.reader = null;
        } else {
            callbacks.writer = null;
        }
        updateInterest(channel);
        return defect != Defect.REMOVE_ANSWERS_FALSE;
    }

    private Callbacks callbacksOf(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            return (Callbacks) key.attachment();
        }
        if (defect == Defect.UNWATCHES_BY_DESCRIPTOR) {
            takeSlot(channel);
        }
        try {
            return (Callbacks) channel.register(selector, 0, new Callbacks()).attachment();
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed", e);
        }
    }

    /** Frees the slots of closed channels, then gives {@code channel} the lowest free one. */
    private void takeSlot(SelectableChannel channel) {
        slots.replaceAll(holder -> holder != null && holder.isOpen() ? holder : null);
        int free = slots.indexOf(null);
        if (free < 0) {
            free = slots.size();
            slots.add(channel);
        } else {
            slots.set(free, channel);
        }
        slotOf.put(channel, free);
    }

    private void updateInterest(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key == null || !key.isValid()) {
            return;
        }
        Callbacks callbacks = (Callbacks) key.attachment();
        int interest = 0;
        if (callbacks.reader != null) {
            interest |= channel.validOps() & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (callbacks.writer != null) {
            boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
            interest |= connecting ? SelectionKey.OP_CONNECT : channel.validOps() & SelectionKey.OP_WRITE;
        }
        key.interestOps(interest);
    }
}
