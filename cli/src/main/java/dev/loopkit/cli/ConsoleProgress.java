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
package dev.loopkit.cli;

import dev.loopkit.tck.RuleOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prints a certification as it runs, so that it never looks hung: a line per rule that fails, as
 * it fails; a reminder every few seconds while a rule keeps running; and one summary line per rule
 * group as it finishes.
 */
final class ConsoleProgress implements IsolatedCertification.Progress {

    private final PrintWriter out;
    private final Map<RuleOutcome.Status, Integer> counts = new EnumMap<>(RuleOutcome.Status.class);
    private long groupStart;

    ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void groupStarted(String group) {
        counts.clear();
        groupStart = System.nanoTime();
    }

    @Override
    public void ruleFinished(RuleOutcome outcome) {
        counts.merge(outcome.status(), 1, Integer::sum);
        if (outcome.status() == RuleOutcome.Status.FAILED) {
            out.printf("    %s failed: %s%n", outcome.rule().id(), outcome.message().lines().findFirst().orElse(""));
            out.flush();
        }
    }

    @Override
    public void stillRunning(String rule, Duration elapsed) {
        out.printf("    %s still running after %d s ...%n", rule, elapsed.toSeconds());
        out.flush();
    }

    @Override
    public void groupFinished(String group) {
        out.printf("  %-40s %3d passed, %d failed, %d skipped (%.1f s)%n", group + " ...",
                counts.getOrDefault(RuleOutcome.Status.PASSED, 0), counts.getOrDefault(RuleOutcome.Status.FAILED, 0),
                counts.getOrDefault(RuleOutcome.Status.SKIPPED, 0), (System.nanoTime() - groupStart) / 1e9);
        out.flush();
    }
}
