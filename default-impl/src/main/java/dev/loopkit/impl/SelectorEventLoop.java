package dev.loopkit.impl;

import dev.loopkit.spi.BaseEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default loop: {@link BaseEventLoop}'s behaviour on a {@link Selector} that it owns. It
 * starts no thread of its own; {@link #close()} closes the selector.
 *
 * <p>Thread-safety: as {@link dev.loopkit.api.EventLoop}.
 */
public final class SelectorEventLoop extends BaseEventLoop {

    private static final Logger LOG = LoggerFactory.getLogger(SelectorEventLoop.class);

    private final Selector selector;

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

    /** Returns whether the loop's selector is still open (for leak checks). */
    boolean selectorOpen() {
        return selector.isOpen();
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
                selector.selectNow();
            } else if (timeoutNanos < 0) {
                selector.select();
            } else {
                selector.select(toMillisRoundedUp(timeoutNanos));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Selector failed while waiting for events", e);
        }
        // No channel is registered yet (network I/O arrives with transports); a wakeup leaves
        // no key behind, so there is nothing to dispatch.
        selector.selectedKeys().clear();
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
        try {
            selector.close();
        } catch (IOException e) {
            LOG.warn("Closing the selector of {} failed", this, e);
        }
    }

    /** Selectors count in milliseconds: round up so a timer is never woken early and spun on. */
    private static long toMillisRoundedUp(long nanos) {
        long millis = nanos / 1_000_000;
        return nanos % 1_000_000 == 0 ? Math.max(1, millis) : millis + 1;
    }
}
