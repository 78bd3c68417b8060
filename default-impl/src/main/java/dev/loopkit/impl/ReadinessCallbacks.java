package dev.loopkit.impl;

import dev.loopkit.api.ExceptionContext;
import dev.loopkit.spi.CallbackFailures;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The reader and writer callbacks of one channel registered with {@code addReader}/{@code addWriter}
 * (asyncio's reader/writer handles). A callback that throws goes to the exception handler.
 */
final class ReadinessCallbacks implements SelectorHandler {

    private final SelectorEventLoop loop;
    private final SelectableChannel channel;
    private final SelectionKey key;
    private Runnable reader;
    private Runnable writer;

    ReadinessCallbacks(SelectorEventLoop loop, SelectableChannel channel, SelectionKey key) {
        this.loop = loop;
        this.channel = channel;
        this.key = key;
    }

    /**
     * Sets the reader callback, null to remove it, and the interest set to match.
     *
     * @return whether a reader was set before
     */
    boolean setReader(Runnable callback) {
        boolean had = reader != null;
        reader = callback;
        update();
        return had;
    }

    /**
     * Sets the writer callback, null to remove it, and the interest set to match.
     *
     * @return whether a writer was set before
     */
    boolean setWriter(Runnable callback) {
        boolean had = writer != null;
        writer = callback;
        update();
        return had;
    }

    /**
     * Sets the interest set from the callbacks present. With none the key stays registered with
     * no interest (cancelling it would force a select before the channel could register again).
     */
    private void update() {
        if (!key.isValid()) {
            return;
        }
        int valid = channel.validOps();
        int ops = 0;
        if (reader != null) {
            ops |= valid & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT);
        }
        if (writer != null) {
            boolean connecting = channel instanceof SocketChannel socket && socket.isConnectionPending();
            ops |= connecting ? SelectionKey.OP_CONNECT : valid & SelectionKey.OP_WRITE;
        }
        key.interestOps(ops);
    }

    @Override
    public void onReady(SelectionKey ready) {
        int ops = ready.readyOps();
        if ((ops & (SelectionKey.OP_WRITE | SelectionKey.OP_CONNECT)) != 0 && writer != null) {
            run(writer);
        }
        if (ready.isValid() && (ops & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 && reader != null) {
            run(reader);
        }
        if (ready.isValid() && (reader != null || writer != null)) {
            update();
        }
    }

    private void run(Runnable callback) {
        try {
            callback.run();
        } catch (Throwable t) {
            CallbackFailures.rethrowIfFatal(t);
            loop.callExceptionHandler(ExceptionContext.of("Exception in readiness callback "
                    + CallbackFailures.describe(callback) + " of " + channel, t));
        }
    }

    /** The loop is closing: the channel belongs to the caller, so only the registration goes. */
    @Override
    public void closeForShutdown() {
        key.cancel();
    }
}
