package dev.loopkit.impl;

import dev.loopkit.api.DatagramProtocol;
import dev.loopkit.api.DatagramTransport;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.api.Protocol;
import dev.loopkit.api.Server;
import dev.loopkit.api.Transport;
import dev.loopkit.spi.BaseEventLoop;
import dev.loopkit.spi.CallbackFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default loop: {@link BaseEventLoop}'s behaviour on a {@link Selector} that it owns, with
 * TCP and Unix-domain connections and servers and UDP endpoints on non-blocking channels. It starts no thread of its own;
 * {@link #close()} closes every channel it owns and the selector.
 *
 * <p>Thread-safety: as {@link dev.loopkit.api.EventLoop}.
 */
public final class SelectorEventLoop extends BaseEventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorEventLoop.class);

    private final Selector selector;
    /** Every connection reads into this one buffer: no garbage per read (loop thread only). */
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(64 * 1024);

    /**
     * Opens the loop's selector.
     *
     * @throws UncheckedIOException if the selector cannot be opened (e.g. out of file descriptors)
     */
    public SelectorEventLoop() {
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open a java.nio selector for the event loop", e);
        }
    }

    /** The loop's selector, for the leak checks of this package's tests. */
    Selector selector() {
        return selector;
    }

    @Override
    protected void processEvents(long timeoutNanos) {
        try {
            if (timeoutNanos == 0) {
                if (selector.keys().isEmpty()) {
                    // Nothing registered: no I/O can be ready, so spare the system call. A pending
                    // wakeup stays pending and merely shortens the next wait.
                    return;
                }
                selector.selectNow(this::dispatch);
            } else if (timeoutNanos < 0) {
                selector.select(this::dispatch);
            } else {
                // Selectors count in milliseconds: round up so a timer is never woken early and spun on.
                selector.select(this::dispatch, Math.ceilDiv(timeoutNanos, 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Selector failed while waiting for events", e);
        }
    }

    private void dispatch(SelectionKey key) {
        if (key.isValid() && key.attachment() instanceof SelectorHandler handler) {
            handler.onReady(key);
        }
    }

    /** Registers {@code channel} with the loop's selector. Loop thread only. */
    SelectionKey register(SelectableChannel channel, int ops, SelectorHandler handler) throws ClosedChannelException {
        return channel.register(selector, ops, handler);
    }

    /**
     * Calls a protocol method; one that throws is reported to the exception handler
     * (asyncio's "Fatal error: protocol...call failed.").
     *
     * @return what it threw, or null
     */
    Throwable callProtocol(String method, Object transport, Object protocol, Runnable call) {
        try {
            call.run();
            return null;
        } catch (Throwable t) {
            CallbackFailures.rethrowIfFatal(t);
            callExceptionHandler(ExceptionContext.builder("Fatal error: protocol." + method + "() call failed.")
                    .exception(t).extra("transport", transport).extra("protocol", protocol).build());
            return t;
        }
    }

    /** The loop's shared read buffer. Loop thread only. */
    ByteBuffer readBuffer() {
        return readBuffer;
    }

    @Override
    public void addReader(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).setReader(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public void addWriter(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).setWriter(Objects.requireNonNull(callback, "callback"));
    }

    @Override
    public boolean removeReader(SelectableChannel channel) {
        ReadinessCallbacks callbacks = registered(channel);
        return callbacks != null && callbacks.setReader(null);
    }

    @Override
    public boolean removeWriter(SelectableChannel channel) {
        ReadinessCallbacks callbacks = registered(channel);
        return callbacks != null && callbacks.setWriter(null);
    }

    private ReadinessCallbacks registered(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key != null && key.isValid() && key.attachment() instanceof ReadinessCallbacks callbacks ? callbacks
                : null;
    }

    private ReadinessCallbacks callbacksOf(SelectableChannel channel) {
        requireNonBlocking(channel);
        checkClosed();
        ReadinessCallbacks existing = registered(channel);
        if (existing != null) {
            return existing;
        }
        SelectionKey key = channel.keyFor(selector);
        if (key != null && key.isValid()) {
            throw new IllegalStateException(channel + " is used by a transport of this loop: readiness callbacks"
                    + " cannot share it");
        }
        try {
            SelectionKey fresh = channel.register(selector, 0);
            ReadinessCallbacks callbacks = new ReadinessCallbacks(this, channel, fresh);
            fresh.attach(callbacks);
            return callbacks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register " + channel + " with the loop's selector", e);
        }
    }

    @Override
    protected Future<Transport> makeSocketTransport(InetSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return SocketTransport.connect(this, remote, protocolFactory);
    }

    @Override
    protected Server makeServer(InetSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return new StreamServer(this, local, protocolFactory);
    }

    @Override
    protected DatagramTransport makeDatagramTransport(Supplier<? extends DatagramProtocol> protocolFactory,
            InetSocketAddress local, InetSocketAddress remote) throws IOException {
        return UdpTransport.open(this, protocolFactory, local, remote);
    }

    @Override
    protected Future<Transport> makeUnixSocketTransport(UnixDomainSocketAddress remote,
            Supplier<? extends Protocol> protocolFactory) {
        return SocketTransport.connect(this, remote, protocolFactory);
    }

    @Override
    protected Server makeUnixServer(UnixDomainSocketAddress local, Supplier<? extends Protocol> protocolFactory)
            throws IOException {
        return new StreamServer(this, local, protocolFactory);
    }

    @Override
    protected void wakeup() {
        try {
            selector.wakeup();
        } catch (ClosedSelectorException closing) {
            LOG.trace("wakeup() of a closed selector ignored");
        }
    }

    @Override
    protected void closeBackend() {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof SelectorHandler handler) {
                handler.closeForShutdown();
            }
        }
        try {
            selector.close();
        } catch (IOException e) {
            LOG.warn("Closing the selector of {} failed", this, e);
        }
    }
}
