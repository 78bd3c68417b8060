package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;
import org.slf4j.event.Level;

/**
 * One record a loop logged through SLF4J while a rule ran, as {@link LogCapture} saw it.
 *
 * @param logger the logger's name
 * @param level the record's level
 * @param message the message with its arguments filled in
 * @param error the throwable logged with it, or null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record LoggedEvent(String logger, Level level, String message, Throwable error) {
}
