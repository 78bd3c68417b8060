package dev.loopkit.benchmarks;

import java.util.concurrent.CompletableFuture;

/**
 * A callback handed to a loop {@code n} times: it completes {@link #done()} on its {@code n}-th run.
 * Runs on the loop thread only, so its count needs no synchronisation. Shared by every peer: a JMH
 * fork runs one peer, so its call stays monomorphic there.
 */
final class Countdown implements Runnable {

    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private int left;

    Countdown(int n) {
        this.left = n;
    }

    /** Completes once the callback has run {@code n} times. */
    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void run() {
        if (--left == 0) {
            done.complete(null);
        }
    }
}
