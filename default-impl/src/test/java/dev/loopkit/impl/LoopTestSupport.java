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
package dev.loopkit.impl;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Future;
import java.nio.channels.Selector;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Gives each test a fresh default loop and closes it afterwards.
 *
 * <p>The default loop's public behaviour is certified by the conformance TCK
 * ({@code DefaultLoopConformanceTest} in conformance-tck, every rule); the tests here cover what the
 * TCK cannot see: the selector, what is logged, both coroutine mechanisms, and the spine's
 * 8 x 100,000 cross-thread submission.
 */
abstract class LoopTestSupport {

    /** Bound for anything that waits on another thread; generous for a loaded 2-core CI machine. */
    static final Duration WAIT = Duration.ofSeconds(30);

    SelectorEventLoop loop;

    @BeforeEach
    void openLoop() {
        loop = new SelectorEventLoop();
    }

    @AfterEach
    void closeLoop() {
        if (loop.isRunning()) {
            throw new AssertionError("test left the loop running");
        }
        loop.close();
    }

    /** A future completed by a timer after {@code delay} (asyncio.sleep). */
    static Future<Void> sleep(EventLoop loop, Duration delay) {
        Future<Void> done = loop.createFuture();
        loop.callLater(delay, () -> done.setResult(null));
        return done;
    }

    /** Runs the loop for exactly one iteration (asyncio's stop-then-run_forever idiom). */
    static void runOnce(EventLoop loop) {
        loop.stop();
        loop.runForever();
    }

    /** Returns whether any channel registered with {@code loop}'s selector is still open (a leak check). */
    static boolean anyChannelOpen(SelectorEventLoop loop) {
        Selector selector = loop.selector();
        return selector.isOpen() && selector.keys().stream().anyMatch(k -> k.channel().isOpen());
    }
}
