package dev.loopkit.tck.brokenio;

import dev.loopkit.api.Future;
import dev.loopkit.spi.ReadinessEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * A second readiness back end for the TCK's own tests, written as a vendor would write one on
 * {@link ReadinessEventLoop}: the four readiness hooks on a selector of its own and nothing else.
 * Every transport (TCP, Unix-domain, UDP), the readiness callbacks and the {@code sock*}
 * operations come from the readiness layer, so that correct it certifies every I/O rule, and the
 * readiness rules can be shown to fail. {@link Defect}s break one behaviour each. Callbacks run
 * inside {@code processEvents}, on the loop thread.
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
        SKIPS_POLL_WHEN_BUSY
    }

    /** The callbacks registered for one channel. */
    private static final class Callbacks {
        Runnable reader;
        Runnable writer;
    }

    private final Defect defect;
    private final Selector selector;

    SelectingLoop(Defect defect) {
        this.defect = defect;
        try {
            selector = Selector.open();
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

    private boolean remove(SelectableChannel channel, boolean reader) {
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

    @Override
    public Future<Void> sockConnect(SocketChannel channel, SocketAddress address) {
        return super.sockConnect(lenient(channel), address);
    }

    @Override
    public Future<SocketChannel> sockAccept(ServerSocketChannel channel) {
        return super.sockAccept(lenient(channel));
    }

    @Override
    public Future<Integer> sockRecv(SocketChannel channel, ByteBuffer buffer) {
        if (defect == Defect.SOCK_RECV_LEAVES_ITS_READER) {
            requireNonBlocking(channel);
            Future<Integer> received = createFuture();
            Runnable attempt = () -> {
                if (!received.done()) {
                    readInto(channel, buffer, received);
                }
            };
            attempt.run();
            addReader(channel, attempt);
            return received;
        }
        if (defect == Defect.SOCK_RECV_WAITS_WHEN_FULL && !buffer.hasRemaining()) {
            Future<Integer> nothing = createFuture();
            addReader(channel, () -> {
                removeReader(channel);
                nothing.setResult(0);
            });
            return nothing;
        }
        return super.sockRecv(lenient(channel), buffer);
    }

    /** One read for a defective sockRecv: completes {@code received} unless nothing could be read. */
    private static void readInto(SocketChannel channel, ByteBuffer buffer, Future<Integer> received) {
        try {
            int count = channel.read(buffer);
            if (count != 0 || !buffer.hasRemaining()) {
                received.setResult(count);
            }
        } catch (IOException e) {
            received.setException(e);
        }
    }

    @Override
    public Future<Void> sockSendAll(SocketChannel channel, ByteBuffer data) {
        return super.sockSendAll(lenient(channel), data);
    }

    /** The defect's helpful switch; without it, the channel as it is. */
    private <C extends SelectableChannel> C lenient(C channel) {
        if (defect == Defect.SWITCHES_CHANNELS_TO_NON_BLOCKING && channel.isBlocking()) {
            try {
                channel.configureBlocking(false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return channel;
    }

    private Callbacks callbacksOf(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            return (Callbacks) key.attachment();
        }
        try {
            return (Callbacks) channel.register(selector, 0, new Callbacks()).attachment();
        } catch (ClosedChannelException e) {
            throw new IllegalArgumentException("the channel is closed", e);
        }
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
