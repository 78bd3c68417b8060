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

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Future;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ExecutorTest extends LoopTestSupport {

    @Test
    void closeLeavesNoExecutorThreadBehind() throws Exception {
        Thread worker = loop.runUntilComplete(loop.runInExecutor(null, Thread::currentThread));
        assertTrue(worker.isAlive(), "the pool keeps its worker between calls");
        loop.close();
        assertTrue(worker.join(WAIT), "the default executor's thread outlived close()");
    }

    @Test
    void cancellingTheFutureCancelsWorkNotStarted() throws Exception {
        ExecutorService single = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean secondRan = new AtomicBoolean();
        try {
            loop.runInExecutor(single, () -> release.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            Future<Boolean> queued = loop.runInExecutor(single, () -> secondRan.getAndSet(true));
            queued.cancel();
            runOnce(loop);
            release.countDown();
        } finally {
            single.shutdown();
            assertTrue(single.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(!secondRan.get(), "cancelled work ran");
    }

}
