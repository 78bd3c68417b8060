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
package dev.loopkit.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one logger logs through SLF4J, backed by logback, for tests that assert on logs.
 * Open it around the code under test and close it after: it detaches itself and restores the
 * logger. Not thread-safe to open and close concurrently on one logger.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final boolean previousAdditivity;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Starts capturing everything the logger of {@code loggerOwner} logs, at every level. */
    public LogCapture(Class<?> loggerOwner) {
        logger = (Logger) LoggerFactory.getLogger(loggerOwner);
        previousLevel = logger.getLevel();
        previousAdditivity = logger.isAdditive();
        logger.setAdditive(false);
        logger.setLevel(Level.TRACE);
        appender.start();
        logger.addAppender(appender);
    }

    /** Returns what was logged so far. */
    public List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Returns what was logged so far at {@code level}. */
    public List<ILoggingEvent> events(Level level) {
        return events().stream().filter(e -> e.getLevel() == level).toList();
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(previousLevel);
        logger.setAdditive(previousAdditivity);
    }
}
