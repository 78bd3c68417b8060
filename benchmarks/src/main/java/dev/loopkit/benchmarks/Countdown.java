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
