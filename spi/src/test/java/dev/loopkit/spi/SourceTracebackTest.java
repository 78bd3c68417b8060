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
package dev.loopkit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.ExceptionContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In debug mode a future remembers where it was made, past the loop's own frames, and a "never
 * retrieved" report carries it although the future itself is gone.
 */
class SourceTracebackTest {

    @Test
    void aNeverRetrievedReportSaysWhereTheFutureWasCreated() {
        ParkingEventLoop loop = new ParkingEventLoop();
        loop.setDebug(true);
        BuiltinFuture<String> future = (BuiltinFuture<String>) loop.<String>createFuture();
        // This test's own frames are in the spi's package, so they count as the loop's: the site is
        // JUnit's frame that called it (the TCK's EH-17 pins the application's line).
        StackTraceElement site = future.sourceTraceback().get(0);
        assertTrue(!site.getClassName().startsWith("dev.loopkit."), "the site is the loop's own frame: " + site);

        IllegalStateException failure = new IllegalStateException("never read");
        UnretrievedExceptions.Report report = UnretrievedExceptions.watch(future, loop, failure);
        ExceptionContext context = report.context();
        UnretrievedExceptions.retrieved(report);
        assertEquals("Future exception was never retrieved", context.message());
        assertEquals(future.sourceTraceback(), context.extra().get(SourceTraceback.KEY));
        assertTrue(((String) context.extra().get("future")).contains(" created at " + site), context.toString());
        loop.close();
    }

    @Test
    void outsideDebugModeNothingIsRecorded() {
        ParkingEventLoop loop = new ParkingEventLoop();
        BuiltinFuture<String> future = (BuiltinFuture<String>) loop.<String>createFuture();
        assertNull(future.sourceTraceback());
        UnretrievedExceptions.Report report = UnretrievedExceptions.watch(future, loop, new IllegalStateException());
        assertEquals(List.of("future"), List.copyOf(report.context().extra().keySet()));
        UnretrievedExceptions.retrieved(report);
        loop.close();
    }
}
