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
package dev.loopkit.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.Coroutines;
import dev.loopkit.policy.LoopPolicy;
import dev.loopkit.testsupport.RecordingLoop;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Without inline coroutines the base loop runs on a virtual thread of its own while the caller
 * waits. Runs in the TCK build's handoff execution; skipped (with the reason) elsewhere.
 */
class HandoffLoopThreadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeEach
    void onlyWithHandoffCoroutines() {
        Assumptions.assumeTrue(Coroutines.mechanism().contains("hand-off"),
                "runs only with -Dloopkit.coroutines=handoff (the TCK build's second execution)");
    }

    private static EventLoop newLoop() {
        return LoopPolicy.builder().providerName("default").build().newEventLoop();
    }

    @Test
    void callbacksRunOnAVirtualThreadOfTheLoopsOwn() {
        try (EventLoop loop = newLoop()) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            loop.callSoon(() -> ranOn.set(Thread.currentThread()));
            loop.stop();
            loop.runForever();
            assertTrue(ranOn.get().isVirtual(), ranOn.get().toString());
            assertEquals("loopkit-loop", ranOn.get().getName());
        }
    }

    @Test
    void aBackEndThatCannotChangeThreadsRunsOnTheCallersThread() {
        try (EventLoop loop = new RecordingLoop() {
            @Override
            protected boolean isChangingThreadSupported() {
                return false;
            }
        }) {
            AtomicReference<Thread> ranOn = new AtomicReference<>();
            loop.callSoon(() -> ranOn.set(Thread.currentThread()));
            loop.stop();
            loop.runForever();
            assertEquals(Thread.currentThread(), ranOn.get());
        }
    }

    @Test
    void interruptingTheCallerStopsTheLoopAndStaysSet() throws Exception {
        try (EventLoop loop = newLoop()) {
            CountDownLatch running = new CountDownLatch(1);
            AtomicBoolean callerInterrupted = new AtomicBoolean();
            loop.callSoon(running::countDown);
            Thread caller = Thread.ofPlatform().start(() -> {
                loop.runForever();
                callerInterrupted.set(Thread.currentThread().isInterrupted());
            });
            assertTrue(running.await(WAIT.toSeconds(), TimeUnit.SECONDS));
            caller.interrupt();
            assertTrue(caller.join(WAIT), "an interrupt of the caller did not stop the loop");
            assertTrue(callerInterrupted.get(), "the caller's interrupt status was swallowed");
            assertFalse(loop.isRunning());
        }
    }

    @Test
    void anInterruptOfTheLoopThreadComesBackToTheCaller() {
        try (EventLoop loop = newLoop()) {
            loop.callSoon(() -> Thread.currentThread().interrupt());
            loop.callLater(Duration.ofHours(1), () -> { });
            loop.runForever();
            assertTrue(Thread.interrupted(), "the loop thread's interrupt did not reach the caller");
        }
    }
}
