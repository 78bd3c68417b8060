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
package dev.loopkit.testsupport;

import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.BaseEventLoop;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A small vendor loop for tests: {@link BaseEventLoop} on {@link LockSupport}, no I/O. Counts how
 * often its back end was closed. Thread-safety: as any loop.
 */
public class RecordingLoop extends BaseEventLoop {

    private final AtomicInteger backendCloses = new AtomicInteger();
    private volatile Thread owner;
    private volatile boolean woken;

    /** A loop seen as itself. */
    public RecordingLoop() {
    }

    /**
     * A loop seen as {@code outer}, which forwards to it ({@link ForwardingLoop}).
     *
     * @param outer the loop that forwards to this one
     */
    public RecordingLoop(EventLoop outer) {
        super(outer);
    }

    /** How many times {@link #closeBackend()} ran. */
    public int backendCloses() {
        return backendCloses.get();
    }

    @Override
    protected void processEvents(long timeoutNanos) {
        owner = Thread.currentThread();
        long deadline = System.nanoTime() + timeoutNanos;
        while (timeoutNanos != 0 && !woken && !Thread.currentThread().isInterrupted()) {
            if (timeoutNanos < 0) {
                LockSupport.park(this);
            } else if (deadline - System.nanoTime() > 0) {
                LockSupport.parkNanos(this, deadline - System.nanoTime());
            } else {
                break;
            }
        }
        woken = false;
    }

    @Override
    protected void wakeup() {
        woken = true;
        Thread thread = owner;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    protected void closeBackend() {
        backendCloses.incrementAndGet();
    }
}
