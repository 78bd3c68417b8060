package dev.loopkit.tck;

import org.slf4j.event.Level;

/**
 * One record a loop logged through SLF4J while a rule ran, as {@link LogCapture} saw it.
 *
 * @param logger the logger's name
 * @param level the record's level
 * @param message the message with its arguments filled in
 * @param error the throwable logged with it, or null
 */
public record LoggedEvent(String logger, Level level, String message, Throwable error) {
}
