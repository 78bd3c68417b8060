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

import java.lang.ref.Cleaner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when a loop becomes unreachable without {@code close()} (asyncio's "unclosed event loop"
 * {@code ResourceWarning}): its back end's selectors, threads and sockets were never released. One
 * per loop, registered with a shared {@link Cleaner} when the loop is created; {@link #closed()}
 * marks it done. It holds no reference to the loop, or the loop could never become unreachable.
 *
 * <p>Thread-safety: {@link #closed()} may be called from any thread; the warning runs on the
 * cleaner's thread.
 */
final class UnclosedLoopWarning implements Runnable {

    /** Its own logger, so that an application can route or silence these apart from the loop's. */
    private static final Logger LOG = LoggerFactory.getLogger(UnclosedLoopWarning.class);
    /**
     * Its thread is created when the first loop is, on whatever thread that is: it must not take
     * that thread's inheritable thread-locals (a TCK rule's scope, a caller's context) for ever.
     */
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().daemon()
            .name("loopkit-unclosed-loops").inheritInheritableThreadLocals(false).factory());

    private final String loop;
    private final Cleaner.Cleanable cleanable;
    private volatile boolean closed;

    private UnclosedLoopWarning(Object owner) {
        this.loop = owner.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(owner));
        this.cleanable = CLEANER.register(owner, this);
    }

    /** Starts watching {@code owner}, a loop being constructed (only its class and identity are read). */
    static UnclosedLoopWarning watch(Object owner) {
        return new UnclosedLoopWarning(owner);
    }

    /** The loop was closed: no warning, and the cleaner lets go of this entry at once. */
    void closed() {
        closed = true;
        cleanable.clean();
    }

    /** Whether the loop was closed. */
    boolean isClosed() {
        return closed;
    }

    @Override
    public void run() {
        if (!closed) {
            LOG.warn("unclosed event loop {} was garbage-collected: its selectors, threads and sockets were never"
                    + " released; call close() when done with a loop (Loops.run and Runner do)", loop);
        }
    }
}
