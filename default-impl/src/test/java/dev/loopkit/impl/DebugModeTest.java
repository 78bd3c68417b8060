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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.loopkit.testsupport.LogCapture;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.loopkit.api.Coroutines;
import dev.loopkit.spi.BaseEventLoop;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugModeTest extends LoopTestSupport {

    @Test
    void slowCallbacksAreLoggedWithWhatRan() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofMillis(5));
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            Runnable slow = new Runnable() {
                @Override
                public void run() {
                    busyFor(Duration.ofMillis(20));
                }

                @Override
                public String toString() {
                    return "the-slow-callback";
                }
            };
            loop.callSoon(slow);
            runOnce(loop);
            List<ILoggingEvent> warnings = log.events(Level.WARN);
            assertEquals(1, warnings.size());
            String message = warnings.get(0).getFormattedMessage();
            assertTrue(message.startsWith("Executing ") && message.contains("the-slow-callback")
                    && message.endsWith(" seconds"), message);
        }
    }

    @Test
    void aSlowLambdaIsNamedByTheLineThatScheduledIt() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofNanos(1));
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            loop.callSoon(() -> busyFor(Duration.ofMillis(1)));
            runOnce(loop);
            List<ILoggingEvent> warnings = log.events(Level.WARN);
            assertEquals(1, warnings.size());
            String message = warnings.get(0).getFormattedMessage();
            assertTrue(message.contains(" created at " + DebugModeTest.class.getName()
                    + ".aSlowLambdaIsNamedByTheLineThatScheduledIt(DebugModeTest.java:"), message);
        }
    }

    @Test
    void slowTaskStepsAreLoggedWithTheTask() {
        loop.setDebug(true);
        loop.setSlowCallbackDuration(Duration.ofMillis(5));
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            loop.runUntilComplete(loop.createTask(Coroutines.of(() -> {
                busyFor(Duration.ofMillis(20));
                return null;
            }), "slow-task", null));
            assertTrue(log.events(Level.WARN).stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("slow-task")), log.events().toString());
        }
    }

    @Test
    void fastCallbacksAreNotLoggedAndDebugOffLogsNothing() {
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            loop.callSoon(() -> busyFor(Duration.ofMillis(20)));
            runOnce(loop);
            loop.setDebug(true);
            loop.setSlowCallbackDuration(Duration.ofHours(1));
            loop.callSoon(() -> { });
            runOnce(loop);
            assertEquals(List.of(), log.events(Level.WARN));
        }
    }

    static void busyFor(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }
}
