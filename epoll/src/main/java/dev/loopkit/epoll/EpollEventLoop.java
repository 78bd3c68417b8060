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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.spi.ReadinessEventLoop;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A loop on Linux epoll: {@link ReadinessEventLoop}'s behaviour (and so every transport, the
 * readiness callbacks and the {@code sock*} operations) on the four readiness hooks, implemented
 * with Netty 4.2's public {@code IoHandler} API and its native {@link EpollIoHandler}. It shares
 * no code with the default loop: the channels are the JDK's, but the demultiplexer is epoll, driven
 * through Netty's JNI library, not {@code java.nio}'s selector.
 *
 * <p>Each watched channel is registered with epoll by its file descriptor, level-triggered, with
 * the interest its callbacks need; a channel with no callback left is removed from epoll.
 *
 * <p>Thread-safety: as {@code EventLoop}.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class EpollEventLoop extends ReadinessEventLoop {

    /** Until this many channels are watched, closed ones are not looked for. */
    private static final int FIRST_SWEEP = 64;

    private final Owner owner = new Owner();
    private final IoHandler handler;
    private final Wait wait = new Wait();
    private final InterruptWakeup interrupts = new InterruptWakeup(this::wakeup);
    private final Map<SelectableChannel, Watch> watched = new IdentityHashMap<>();
    /** The same watches by descriptor number, to find one whose channel closed and freed its number. */
    private final Map<Integer, Watch> byDescriptor = new HashMap<>();
    private int sweepAt = FIRST_SWEEP;
    /**
     * Set by {@link #wakeup()} and read by the handler (through {@link Wait#canBlock()}) after it
     * has armed its own wake-up: a wake-up that comes before the handler waits is not lost.
     */
    private volatile boolean woken;

    /**
     * Opens the loop's epoll instance.
     *
     * @throws IllegalStateException if the loop cannot run in this JVM, saying why (the reason
     *     {@link EpollProvider#unavailabilityReason()} gives)
     */
    public EpollEventLoop() {
        EpollProvider.unavailability().ifPresent(reason -> {
            throw new IllegalStateException("the epoll loop cannot run here: " + reason);
        });
        handler = EpollIoHandler.newFactory().newHandler(owner);
        handler.initialize();
    }

    @Override
    protected void processEvents(long timeoutNanos) {
        if (timeoutNanos == 0 && watched.isEmpty()) {
            // Nothing watched: no I/O can be ready, so spare the system call (a busy loop of
            // callbacks polls on every iteration). A pending wake-up stays pending in the handler.
            return;
        }
        owner.thread = Thread.currentThread();
        wait.arm(timeoutNanos);
        interrupts.beginWait();
        try {
            handler.run(wait);
        } finally {
            interrupts.endWait();
            woken = false;
        }
    }

    @Override
    protected void wakeup() {
        woken = true;
        handler.wakeup();
    }

    @Override
    protected void closeBackend() {
        watched.clear();
        byDescriptor.clear();
        handler.prepareToDestroy();
        handler.destroy();
        try {
            interrupts.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the epoll loop's interrupt hook", e);
        }
    }

    @Override
    protected void watchReadable(SelectableChannel channel, Runnable callback) {
        Watch watch = watchOf(channel);
        watch.reader = callback;
        update(watch);
    }

    @Override
    protected boolean unwatchReadable(SelectableChannel channel) {
        return unwatch(channel, true);
    }

    @Override
    protected void watchWritable(SelectableChannel channel, Runnable callback) {
        Watch watch = watchOf(channel);
        watch.writer = callback;
        update(watch);
    }

    @Override
    protected boolean unwatchWritable(SelectableChannel channel) {
        return unwatch(channel, false);
    }

    /** Removes the read or the write callback of {@code channel}; whether there was one. */
    private boolean unwatch(SelectableChannel channel, boolean reader) {
        Watch watch = watched.get(channel);
        if (watch == null || (reader ? watch.reader : watch.writer) == null) {
            return false;
        }
        if (reader) {
            watch.reader = null;
        } else {
            watch.writer = null;
        }
        update(watch);
        return true;
    }

    private Watch watchOf(SelectableChannel channel) {
        Watch watch = watched.get(channel);
        if (watch != null) {
            return watch;
        }
        if (watched.size() >= sweepAt) {
            forgetClosedChannels();
        }
        watch = new Watch(channel);
        Watch stale = byDescriptor.get(watch.descriptor());
        if (stale != null) {
            // Its channel was closed while watched (two open channels never share a number): the
            // kernel dropped it from epoll, and the handler must forget it before the number is reused.
            forget(stale);
        }
        try {
            watch.registration = handler.register(watch);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add " + channel + " to the loop's epoll instance", e);
        }
        watched.put(channel, watch);
        byDescriptor.put(watch.descriptor(), watch);
        return watch;
    }

    /** Sets epoll's interest to what the callbacks need; with none, removes the channel from epoll. */
    private void update(Watch watch) {
        if (watch.reader == null && watch.writer == null) {
            forget(watch);
            return;
        }
        watch.registration.submit(watch.interest());
    }

    /** Stops watching: out of both maps, and out of epoll unless its channel is already closed. */
    private void forget(Watch watch) {
        watched.remove(watch.channel);
        byDescriptor.remove(watch.descriptor(), watch);
        watch.registration.cancel();
    }

    /**
     * Drops the watches of channels closed while watched (a failed connect, a user's channel closed
     * before {@code removeReader}): the kernel has already removed them from epoll. Run when the
     * map has doubled since the last sweep, so each watch costs O(1) on average.
     */
    private void forgetClosedChannels() {
        for (Watch watch : new ArrayList<>(watched.values())) {
            if (!watch.channel.isOpen()) {
                forget(watch);
            }
        }
        sweepAt = Math.max(FIRST_SWEEP, 2 * watched.size());
    }

    /** How long the handler may wait this time, as Netty's {@link IoHandlerContext} asks it. */
    private final class Wait implements IoHandlerContext {
        private long timeoutNanos;
        private long start;

        void arm(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
            this.start = System.nanoTime();
        }

        @Override
        public boolean canBlock() {
            return timeoutNanos != 0 && !woken && !Thread.currentThread().isInterrupted();
        }

        /** The time left: differences of {@code nanoTime()} readings, which never overflow. */
        @Override
        public long delayNanos(long currentTimeNanos) {
            return timeoutNanos < 0 ? Long.MAX_VALUE : Math.max(0, timeoutNanos - (currentTimeNanos - start));
        }

        /**
         * -1 for no deadline; otherwise a value the handler only compares with the previous wait's,
         * to know whether to re-arm its timer, so wrapping arithmetic does no harm.
         */
        @Override
        public long deadlineNanos() {
            return timeoutNanos < 0 ? -1 : start + timeoutNanos;
        }
    }

    /**
     * The handler's view of who runs the loop: its wake-up skips the thread that waits, and its
     * cancellations run at once on that thread, or on any thread while the loop does not run.
     */
    private final class Owner implements ThreadAwareExecutor {
        volatile Thread thread;

        @Override
        public boolean isExecutorThread(Thread candidate) {
            return candidate == thread;
        }

        @Override
        public void execute(Runnable task) {
            if (isRunning()) {
                callSoonThreadsafe(task);
            } else {
                task.run();
            }
        }
    }
}
