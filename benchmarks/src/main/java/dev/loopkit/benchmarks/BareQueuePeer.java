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
package dev.loopkit.benchmarks;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor: a thread draining an {@link ArrayDeque} (callbacks from the loop thread) and a
 * {@link ConcurrentLinkedQueue} (callbacks from other threads), parking when both are empty and
 * woken only then (as loopkit and Netty wake only a sleeping loop). No timers, no exception
 * handling: what a loop costs with nothing in it. Without handles it queues the callbacks
 * themselves, as Netty's {@code execute} does; with handles it wraps each in a cancellable handle
 * checked before it runs, the least that asyncio's {@code call_soon} (which returns one) costs.
 */
final class BareQueuePeer implements Peer {

    /** A callback as {@code call_soon} hands it back: cancellable until it runs. */
    private static final class Handle implements Runnable {
        private final Runnable callback;
        private boolean cancelled;

        Handle(Runnable callback) {
            this.callback = callback;
        }

        @Override
        public void run() {
            if (!cancelled) {
                callback.run();
            }
        }
    }

    private final boolean handles;

    private final ArrayDeque<Runnable> local = new ArrayDeque<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread = Thread.ofPlatform().name("bare-queue-bench").unstarted(this::run);
    private volatile boolean stopped;
    /** Set before the loop's last look at the inbox and park: a submitter wakes it only then. */
    private volatile boolean sleeping;

    /** @param handles whether each callback is wrapped in a cancellable handle, as asyncio's are */
    BareQueuePeer(boolean handles) {
        this.handles = handles;
        thread.start();
    }

    private Runnable queued(Runnable callback) {
        return handles ? new Handle(callback) : callback;
    }

    private void run() {
        while (!stopped) {
            Runnable next = local.poll();
            if (next == null) {
                next = inbox.poll();
            }
            if (next != null) {
                next.run();
            } else {
                sleeping = true;
                if (inbox.isEmpty() && !stopped) {
                    LockSupport.park(this);
                }
                sleeping = false;
            }
        }
    }

    private void submit(Runnable callback) {
        inbox.add(callback);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    @Override
    public void chain(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        submit(queued(new Runnable() {
            private int left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    local.add(queued(this));
                } else {
                    done.complete(null);
                }
            }
        }));
        Completion.await(done, "bare queue chain");
    }

    @Override
    public void submitBatch(int n) {
        Countdown count = new Countdown(n);
        for (int i = 0; i < n; i++) {
            submit(queued(count));
        }
        Completion.await(count.done(), "bare queue batch");
    }

    @Override
    public void timers(int n) {
        throw new UnsupportedOperationException("the bare queue has no timers");
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(thread);
        Completion.join(thread);
    }
}
