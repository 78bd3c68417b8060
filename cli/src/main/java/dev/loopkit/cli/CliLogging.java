package dev.loopkit.cli;

/**
 * The command's logging defaults, set in code before the first logger exists rather than shipped
 * as a {@code simplelogger.properties} in the jar, which would silently configure every JVM that
 * has the jar on its class path. An operator's own {@code -Dorg.slf4j.simpleLogger...} settings win.
 */
final class CliLogging {

    private static final String DEFAULT_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private CliLogging() {
    }

    /** Only warnings and errors: the command prints what it has to say itself. */
    static void warningsOnly() {
        if (System.getProperty(DEFAULT_LEVEL) == null) {
            System.setProperty(DEFAULT_LEVEL, "warn");
        }
    }
}
