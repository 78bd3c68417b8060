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

import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * Makes {@link Thread#interrupt()} of the loop's thread end its epoll wait, as it ends a
 * {@code java.nio} select: the wait is bracketed by {@link AbstractSelector}'s {@code begin()} and
 * {@code end()}, the JDK's public hook for a selector of another kind, which calls
 * {@link #wakeup()} when the waiting thread is interrupted. Without it an interrupted loop would
 * sleep on in native code until the next event. Not a selector otherwise: nothing registers with
 * it and it never selects.
 */
final class InterruptWakeup extends AbstractSelector {

    private final Runnable wakeup;

    InterruptWakeup(Runnable wakeup) {
        super(SelectorProvider.provider());
        this.wakeup = wakeup;
    }

    /** Arms the hook for the calling thread; if it is interrupted already, wakes at once. */
    void beginWait() {
        begin();
    }

    /** Disarms the hook. */
    void endWait() {
        end();
    }

    @Override
    public Selector wakeup() {
        wakeup.run();
        return this;
    }

    @Override
    protected void implCloseSelector() {
        // nothing to release
    }

    @Override
    protected SelectionKey register(AbstractSelectableChannel channel, int ops, Object attachment) {
        throw new UnsupportedOperationException("the epoll loop's interrupt hook is not a selector");
    }

    @Override
    public Set<SelectionKey> keys() {
        return Set.of();
    }

    @Override
    public Set<SelectionKey> selectedKeys() {
        return Set.of();
    }

    @Override
    public int selectNow() {
        return 0;
    }

    @Override
    public int select(long timeout) {
        return 0;
    }

    @Override
    public int select() {
        return 0;
    }
}
