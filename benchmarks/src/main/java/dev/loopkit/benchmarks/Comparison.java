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
package dev.loopkit.benchmarks;

import java.util.Locale;

/**
 * One line of the report: loopkit's figure for a workload beside one peer's (or a goal's), both
 * lower-is-better, and their ratio. {@code goal} is the ratio the project aims at (0 if none).
 */
record Comparison(String workload, String unit, double loopkit, String peer, double peerValue, double goal) {

    /** loopkit's figure over the peer's: below 1 loopkit is faster (or smaller). */
    double ratio() {
        return loopkit / peerValue;
    }

    /** Whether this line has a goal and meets it. */
    String verdict() {
        if (goal == 0) {
            return "";
        }
        // Two decimals where one would round the goal (1 / 1.8 = 0.56x), one where it is exact (0.9x).
        String format = Math.abs(goal * 10 - Math.rint(goal * 10)) < 1e-9 ? "%s (goal <= %.1fx)" : "%s (goal <= %.2fx)";
        return String.format(Locale.ROOT, format, ratio() <= goal ? "met" : "NOT met", goal);
    }

    /** A Markdown table row. */
    String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2fx | %s |", workload, figure(loopkit), peer,
                figure(peerValue), ratio(), verdict());
    }

    private String figure(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f %s" : "%.1f %s", value, unit);
    }
}
