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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.lang.reflect.Field;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A loop left for the garbage collector without close() is reported, a closed one is not. The
 * cleaner's action is run directly: when the collector gets to it is not the test's business.
 */
class UnclosedLoopWarningTest {

    @Test
    void theWarningOfAnUnclosedLoopNamesItAndSaysWhatToDo() {
        ParkingEventLoop loop = new ParkingEventLoop();
        List<ILoggingEvent> logged = logged(() -> warningOf(loop).run());
        assertEquals(1, logged.size(), "warnings for an unclosed loop: " + logged);
        assertEquals(Level.WARN, logged.get(0).getLevel());
        String message = logged.get(0).getFormattedMessage();
        assertTrue(message.startsWith("unclosed event loop " + ParkingEventLoop.class.getName() + "@"), message);
        assertTrue(message.contains("call close()"), message);
        loop.close();
    }

    @Test
    void closeSilencesTheWarning() {
        ParkingEventLoop loop = new ParkingEventLoop();
        assertFalse(warningOf(loop).isClosed(), "a new loop counts as closed");
        loop.close();
        assertTrue(warningOf(loop).isClosed(), "close() did not tell the warning");
        assertEquals(List.of(), logged(() -> warningOf(loop).run()), "a closed loop was reported unclosed");
    }

    @Test
    void theWarningDoesNotKeepItsLoopReachable() throws IllegalAccessException {
        ParkingEventLoop loop = new ParkingEventLoop();
        for (Field field : UnclosedLoopWarning.class.getDeclaredFields()) {
            field.setAccessible(true);
            Object value = field.get(warningOf(loop));
            assertFalse(value instanceof BaseEventLoop, "the warning holds its loop in " + field.getName());
        }
        loop.close();
    }

    /** The loop's own warning: a private field, read here rather than given an accessor only tests use. */
    private static UnclosedLoopWarning warningOf(BaseEventLoop loop) {
        try {
            Field field = BaseEventLoop.class.getDeclaredField("unclosed");
            field.setAccessible(true);
            return (UnclosedLoopWarning) field.get(loop);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("BaseEventLoop has no 'unclosed' field any more", e);
        }
    }

    private static List<ILoggingEvent> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(UnclosedLoopWarning.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            action.run();
        } finally {
            logger.detachAppender(appender);
        }
        return appender.list;
    }
}
