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
