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

import dev.loopkit.api.Async;
import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import dev.loopkit.api.Task;
import dev.loopkit.api.internal.CoroutineMechanism;
import dev.loopkit.api.internal.ThreadCoroutine;

/** Two loopkit tasks hand a baton back and forth through futures; one round trip is A to B to A. */
final class PingPong {

    private PingPong() {
    }

    /** {@code n} round trips on {@code loop}, the tasks' coroutines made with {@code mechanism}. */
    static void run(EventLoop loop, int n, CoroutineMechanism mechanism) {
        Baton baton = new Baton();
        Task<Void> b = loop.createTask(new ThreadCoroutine<>(() -> {
            for (int i = 0; i < n; i++) {
                Future<Void> mine = loop.createFuture();
                baton.toB = mine;
                Async.await(mine);
                baton.toA.setResult(null);
            }
            return null;
        }, mechanism));
        Task<Void> a = loop.createTask(new ThreadCoroutine<>(() -> {
            for (int i = 0; i < n; i++) {
                Future<Void> mine = loop.createFuture();
                baton.toA = mine;
                baton.toB.setResult(null);
                Async.await(mine);
            }
            return null;
        }, mechanism));
        loop.runUntilComplete(a);
        loop.runUntilComplete(b);
    }

    /** The futures each task waits on; written and read on the loop thread only. */
    private static final class Baton {
        Future<Void> toA;
        Future<Void> toB;
    }
}
