package dev.loopkit.tck;

import java.time.Duration;

/**
 * The kit's knobs, read from a system property, else an environment variable, else a default:
 *
 * <ul>
 *   <li>{@code -Dloopkit.tck.timeout=SECONDS} / {@code LOOPKIT_TCK_TIMEOUT} (default 10): the bound
 *       on each rule's test, so that a loop that hangs fails instead of hanging the run;
 *   <li>{@code -Dloopkit.tck.threadsafe.calls=N} / {@code LOOPKIT_TCK_THREADSAFE_CALLS} (default
 *       20,000): calls per thread in the 8-thread {@code callSoonThreadsafe} rule.
 * </ul>
 *
 * @param timeout the bound on each rule's test
 * @param threadsafeCallsPerThread calls per submitting thread in TS-01
 */
public record TckSettings(Duration timeout, int threadsafeCallsPerThread) {

    /** Returns the settings of this JVM. */
    public static TckSettings fromEnvironment() {
        return new TckSettings(Duration.ofSeconds(read("loopkit.tck.timeout", "LOOPKIT_TCK_TIMEOUT", 10)),
                (int) read("loopkit.tck.threadsafe.calls", "LOOPKIT_TCK_THREADSAFE_CALLS", 20_000));
    }

    private static long read(String property, String env, long fallback) {
        String value = System.getProperty(property);
        String from = "-D" + property;
        if (value == null) {
            value = System.getenv(env);
            from = env;
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed <= 0) {
                throw new NumberFormatException("not positive");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(from + "=" + value + " must be a positive whole number", e);
        }
    }
}
