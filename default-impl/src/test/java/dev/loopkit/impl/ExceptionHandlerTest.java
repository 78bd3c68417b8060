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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.loopkit.testsupport.LogCapture;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.loopkit.api.ExceptionContext;
import dev.loopkit.api.Future;
import dev.loopkit.spi.BaseEventLoop;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExceptionHandlerTest extends LoopTestSupport {

    @Test
    void theDefaultHandlerLogsThroughSlf4j() {
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            IllegalStateException boom = new IllegalStateException("boom");
            loop.callSoon(() -> {
                throw boom;
            });
            runOnce(loop);
            List<ILoggingEvent> errors = log.events(Level.ERROR);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getFormattedMessage().startsWith("Exception in callback"));
            assertTrue(errors.get(0).getFormattedMessage().contains("handle: "));
            assertEquals("boom", errors.get(0).getThrowableProxy().getMessage());
        }
    }

    @Test
    void aHandlerThatThrowsIsReportedNeverFatal() {
        try (LogCapture log = new LogCapture(BaseEventLoop.class)) {
            loop.setExceptionHandler((l, context) -> {
                throw new IllegalStateException("handler broke");
            });
            List<String> ran = new ArrayList<>();
            loop.callSoon(() -> {
                throw new IllegalArgumentException("first");
            });
            loop.callSoon(() -> ran.add("after"));
            runOnce(loop);
            assertEquals(List.of("after"), ran);
            List<ILoggingEvent> errors = log.events(Level.ERROR);
            assertEquals(1, errors.size());
            assertTrue(errors.get(0).getFormattedMessage().startsWith("Unhandled error in exception handler"));
            assertTrue(errors.get(0).getFormattedMessage().contains("Exception in callback"),
                    "the original context is logged too");
            assertEquals("handler broke", errors.get(0).getThrowableProxy().getMessage());
        }
    }

    @Test
    void anExceptionNeverRetrievedIsReportedWhenTheFutureIsCollected() {
        List<ExceptionContext> reported = new ArrayList<>();
        loop.setExceptionHandler((l, context) -> reported.add(context));
        failAndForget(new IllegalStateException("forgotten"));
        for (int attempt = 0; attempt < 200 && reported.isEmpty(); attempt++) {
            System.gc();
            runOnce(loop);
        }
        assertEquals(1, reported.size(), "the collected future's exception was not reported");
        ExceptionContext context = reported.get(0);
        assertEquals("Future exception was never retrieved", context.message());
        assertEquals("forgotten", context.exception().getMessage());
        assertNotNull(context.extra().get("future"));
        assertNull(context.future());
    }

    private void failAndForget(Throwable failure) {
        Future<Object> future = loop.createFuture();
        future.setException(failure);
    }
}
