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
