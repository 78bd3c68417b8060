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
package dev.loopkit.impl;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.ReadinessEventLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default loop: {@link ReadinessEventLoop}'s behaviour (and so every transport) on a
 * {@link Selector} that it owns. It starts no thread of its own; {@link #close()} closes the
 * selector once the loop has closed its transports.
 *
 * <p>Thread-safety: as {@link EventLoop}.
 */
public final class SelectorEventLoop extends ReadinessEventLoop {

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
                selector.selectNow(SelectorEventLoop::dispatch);
            } else if (timeoutNanos < 0) {
                selector.select(SelectorEventLoop::dispatch);
            } else {
                // Selectors count in milliseconds: round up so a timer is never woken early and spun on.
                selector.select(SelectorEventLoop::dispatch, Math.ceilDiv(timeoutNanos, 1_000_000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Selector failed while waiting for events", e);
        }
    }

    private static void dispatch(SelectionKey key) {
        if (key.isValid() && key.attachment() instanceof ReadinessCallbacks callbacks) {
            callbacks.onReady(key);
        }
    }

    @Override
    protected void watchReadable(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).setReader(callback);
    }

    @Override
    protected boolean unwatchReadable(SelectableChannel channel) {
        ReadinessCallbacks callbacks = registered(channel);
        return callbacks != null && callbacks.setReader(null);
    }

    @Override
    protected void watchWritable(SelectableChannel channel, Runnable callback) {
        callbacksOf(channel).setWriter(callback);
    }

    @Override
    protected boolean unwatchWritable(SelectableChannel channel) {
        ReadinessCallbacks callbacks = registered(channel);
        return callbacks != null && callbacks.setWriter(null);
    }

    private ReadinessCallbacks registered(SelectableChannel channel) {
        SelectionKey key = channel.keyFor(selector);
        return key != null && key.isValid() ? (ReadinessCallbacks) key.attachment() : null;
    }

    private ReadinessCallbacks callbacksOf(SelectableChannel channel) {
        ReadinessCallbacks existing = registered(channel);
        if (existing != null) {
            return existing;
        }
        try {
            // A key cancelled by an earlier unwatch-and-close is gone after the next select; a
            // channel still open is registered afresh, with no interest until a callback is set.
            SelectionKey fresh = channel.register(selector, 0);
            ReadinessCallbacks callbacks = new ReadinessCallbacks(channel, fresh);
            fresh.attach(callbacks);
            return callbacks;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register " + channel + " with the loop's selector", e);
        }
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
}
