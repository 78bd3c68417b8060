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

import java.util.concurrent.locks.LockSupport;

/**
 * The smallest vendor loop: the three hooks on {@link LockSupport}, no I/O. Proves that a vendor
 * who writes only the hooks gets the whole behaviour of {@link BaseEventLoop}.
 */
final class ParkingEventLoop extends BaseEventLoop {

    private volatile Thread owner;
    private volatile boolean woken;
    int backendClosed;

    @Override
    protected void processEvents(long timeoutNanos) {
        owner = Thread.currentThread();
        if (timeoutNanos != 0) {
            long deadline = System.nanoTime() + timeoutNanos;
            while (!woken && !Thread.currentThread().isInterrupted()) {
                if (timeoutNanos < 0) {
                    LockSupport.park(this);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(this, left);
                }
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
        backendClosed++;
    }
}
