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
package dev.loopkit.tck;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The kit's knobs, read from a system property, else an environment variable, else a default:
 *
 * <ul>
 *   <li>{@code -Dloopkit.tck.timeout=SECONDS} / {@code LOOPKIT_TCK_TIMEOUT} (default 10): the bound
 *       on each rule's test, so that a loop that hangs fails instead of hanging the run;
 *   <li>{@code -Dloopkit.tck.threadsafe.calls=N} / {@code LOOPKIT_TCK_THREADSAFE_CALLS} (default
 *       20,000): calls per thread in the 8-thread {@code callSoonThreadsafe} rule;
 *   <li>{@code -Dloopkit.tck.rules=LIST} / {@code LOOPKIT_TCK_RULES} (default: every rule): which
 *       rules run, by id or group, e.g. {@code LC,SC,!SC-11} (see {@link RuleSelection}); the others
 *       are reported as skipped.
 * </ul>
 *
 * @param timeout the bound on each rule's test
 * @param threadsafeCallsPerThread calls per submitting thread in TS-01
 * @param rules the rules that run
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TckSettings(Duration timeout, int threadsafeCallsPerThread, RuleSelection rules) {

    /** Checks the arguments. */
    public TckSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(rules, "rules");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    /**
     * Settings that run every rule.
     *
     * @param timeout the bound on each rule; positive
     * @param threadsafeCallsPerThread how many calls each thread makes in the thread-safety rules
     */
    public TckSettings(Duration timeout, int threadsafeCallsPerThread) {
        this(timeout, threadsafeCallsPerThread, RuleSelection.ALL);
    }

    /** {@return the settings of this JVM} */
    public static TckSettings fromEnvironment() {
        Setting rules = Setting.of("loopkit.tck.rules", "LOOPKIT_TCK_RULES");
        RuleSelection selection;
        try {
            selection = rules.value() == null ? RuleSelection.ALL : RuleSelection.parse(rules.value());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(rules.from() + "=" + rules.value() + ": " + e.getMessage(), e);
        }
        return new TckSettings(Duration.ofSeconds(read("loopkit.tck.timeout", "LOOPKIT_TCK_TIMEOUT", 10)),
                (int) read("loopkit.tck.threadsafe.calls", "LOOPKIT_TCK_THREADSAFE_CALLS", 20_000), selection);
    }

    /**
     * {@return a copy that runs only {@code selection}}
     *
     * @param selection the rules to run
     */
    public TckSettings withRules(RuleSelection selection) {
        return new TckSettings(timeout, threadsafeCallsPerThread, selection);
    }

    /** A setting's raw value, from a system property, else an environment variable, and where it came from. */
    private record Setting(String value, String from) {
        static Setting of(String property, String env) {
            String value = System.getProperty(property);
            if (value != null) {
                return new Setting(value, "-D" + property);
            }
            return new Setting(System.getenv(env), env);
        }
    }

    private static long read(String property, String env, long fallback) {
        Setting setting = Setting.of(property, env);
        String value = setting.value();
        String from = setting.from();
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
