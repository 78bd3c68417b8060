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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.TimerHandle;
import java.util.concurrent.CompletableFuture;

/** A loopkit loop (of the provider {@code default} or {@code epoll}) on a platform thread of its own. */
final class LoopkitPeer implements Peer {

    private static final Runnable NOTHING = () -> {
    };

    private final EventLoop loop;
    private final Thread thread;

    LoopkitPeer(String provider) {
        loop = LoopkitLoops.newLoop(provider);
        thread = Thread.ofPlatform().name("loopkit-bench").start(loop::runForever);
    }

    @Override
    public void chain(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.callSoonThreadsafe(new Runnable() {
            private int left = n;

            @Override
            public void run() {
                if (--left > 0) {
                    loop.callSoon(this);
                } else {
                    done.complete(null);
                }
            }
        });
        Completion.await(done, "loopkit callSoon chain");
    }

    @Override
    public void submitBatch(int n) {
        Countdown count = new Countdown(n);
        for (int i = 0; i < n; i++) {
            loop.callSoonThreadsafe(count);
        }
        Completion.await(count.done(), "loopkit callSoonThreadsafe batch");
    }

    @Override
    public void timers(int n) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.callSoonThreadsafe(() -> {
            TimerHandle[] timers = new TimerHandle[n];
            long now = loop.time();
            for (int i = 0; i < n; i++) {
                timers[i] = loop.callAt(now + Peer.timerDelayNanos(i), NOTHING);
            }
            for (int i = 1; i < n; i += 2) {
                timers[i].cancel();
            }
            for (int i = 0; i < n; i += 2) {
                timers[i].cancel();
            }
            done.complete(null);
        });
        Completion.await(done, "loopkit timers");
    }

    @Override
    public void close() {
        loop.callSoonThreadsafe(loop::stop);
        Completion.join(thread);
        loop.close();
    }
}
