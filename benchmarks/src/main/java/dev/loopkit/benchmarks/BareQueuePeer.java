package dev.loopkit.benchmarks;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The floor: a thread draining an {@link ArrayDeque} (callbacks from the loop thread) and a
 * {@link ConcurrentLinkedQueue} (callbacks from other threads), parking when both are empty and
 * woken only then (as loopkit and Netty wake only a sleeping loop). No
 * handles, no cancellation, no timers, no exception handling: what a loop costs with nothing in it.
 */
final class BareQueuePeer implements Peer {

    private final ArrayDeque<Runnable> local = new ArrayDeque<>();
    private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final Thread thread = Thread.ofPlatform().name("bare-queue-bench").unstarted(this::run);
    private volatile boolean stopped;
    /** Set before the loop's last look at the inbox and park: a submitter wakes it only then. */
    private volatile boolean sleeping;

    BareQueuePeer() {
        thread.start();
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
        submit(new Runnable() {
            private int left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    local.add(this);
                } else {
                    done.complete(null);
                }
            }
        });
        Completion.await(done, "bare queue chain");
    }

    @Override
    public void submitBatch(int n) {
        Countdown count = new Countdown(n);
        for (int i = 0; i < n; i++) {
            submit(count);
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
