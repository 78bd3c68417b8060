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

import dev.loopkit.api.LoopMetrics;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link BaseEventLoop} shows of itself: its {@link LoopMetrics}, published once per
 * iteration, and the JFR events of its callbacks ({@link SlowCallbackEvent},
 * {@link LoopIterationEvent}). The loop thread writes; any thread reads the metrics.
 */
final class LoopObserver implements LoopMetrics {

    /** The slow-callback warning of debug mode is the loop's, as in asyncio. */
    private static final Logger LOG = LoggerFactory.getLogger(BaseEventLoop.class);

    private volatile long lagNanos;
    private volatile int readyCallbacks;
    private volatile int scheduledTimers;
    private volatile long iterations;
    private final AtomicInteger openTransports = new AtomicInteger();

    /**
     * The loop's callback phase begins: {@code ready} callbacks to run, {@code timers} still
     * scheduled, and {@code lag}, how late the latest due timer is, or a negative number if none
     * was due. Loop thread only.
     *
     * @return the phase's event, for {@link #callbacksFinished}; a local of the caller, so that the
     *     JIT can drop it while no recording runs
     */
    LoopIterationEvent callbacksStarting(int ready, int timers, long lag) {
        LoopIterationEvent iteration = new LoopIterationEvent();
        iteration.begin();
        readyCallbacks = ready;
        scheduledTimers = timers;
        if (lag >= 0) {
            lagNanos = lag;
        }
        return iteration;
    }

    /** The callback phase of {@code event} ended, leaving {@code readyAfter} callbacks for the next iteration. Loop thread only. */
    void callbacksFinished(LoopIterationEvent event, int readyAfter) {
        event.end();
        if (event.shouldCommit()) {
            event.callbacks = readyCallbacks;
            event.readyAfter = readyAfter;
            event.commit();
        }
        iterations = iterations + 1;
    }

    /**
     * Runs {@code handle}, recording a {@link SlowCallbackEvent} if JFR wants it, and in debug mode
     * ({@code slowNanos} not null) warning if it took {@code slowNanos} or longer.
     */
    void run(CallbackHandle handle, boolean debug, long slowNanos) {
        SlowCallbackEvent event = new SlowCallbackEvent();
        long start = debug ? System.nanoTime() : 0;
        event.begin();
        handle.run();
        event.end();
        if (event.shouldCommit()) {
            event.callback = CallbackFailures.describe(handle);
            event.commit();
        }
        if (debug) {
            long took = System.nanoTime() - start;
            if (took >= slowNanos) {
                LOG.warn("Executing {} took {} seconds", CallbackFailures.describe(handle),
                        String.format("%.3f", took / 1e9));
            }
        }
    }

    /** A transport of the loop opened. Any thread. */
    void transportOpened() {
        openTransports.incrementAndGet();
    }

    /** A transport of the loop closed for good. Any thread. */
    void transportClosed() {
        openTransports.decrementAndGet();
    }

    @Override
    public Duration lag() {
        return Duration.ofNanos(lagNanos);
    }

    @Override
    public int readyCallbacks() {
        return readyCallbacks;
    }

    @Override
    public int scheduledTimers() {
        return scheduledTimers;
    }

    @Override
    public int openTransports() {
        return openTransports.get();
    }

    @Override
    public long iterations() {
        return iterations;
    }

    @Override
    public String toString() {
        return "LoopMetrics[lag=" + lag() + ", readyCallbacks=" + readyCallbacks + ", scheduledTimers="
                + scheduledTimers + ", openTransports=" + openTransports() + ", iterations=" + iterations + "]";
    }
}
