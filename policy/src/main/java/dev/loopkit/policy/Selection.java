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
package dev.loopkit.policy;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The policy's choice of provider and why, as data ({@link #verdicts()}) and as text
 * ({@link #explain()}): every candidate with its name, class, source, priority, capabilities,
 * availability and the reason it won or lost.
 *
 * @param chosen the winning candidate; never null
 * @param rule which selection rule decided, e.g. {@code "-Dloopkit.provider=default"}; never null
 * @param requiredCapabilities the capabilities the caller required; never null
 * @param verdicts one per discovered candidate, the chosen one first; never null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record Selection(Candidate chosen, String rule, Set<String> requiredCapabilities, List<Verdict> verdicts) {

    /** Checks the arguments and copies the collections. */
    public Selection {
        Objects.requireNonNull(chosen, "chosen");
        Objects.requireNonNull(rule, "rule");
        requiredCapabilities = Set.copyOf(requiredCapabilities);
        verdicts = List.copyOf(verdicts);
    }

    /**
     * Returns the explanation as a table, one candidate a row, for logs and the CLI.
     *
     * @return several lines, the first naming the chosen provider and the rule
     */
    public String explain() {
        StringBuilder text = new StringBuilder("loopkit chose provider '").append(chosen.name()).append("' (")
                .append(rule).append(')');
        if (!requiredCapabilities.isEmpty()) {
            text.append(", required capabilities ").append(new TreeSet<>(requiredCapabilities));
        }
        text.append('\n').append(table(verdicts));
        return text.toString();
    }

    /**
     * The choice on one line, for logs whose collectors take each line for a record of its own:
     * the first line of {@link #explain()}, then each candidate with its status, priority and
     * verdict.
     *
     * @return one line, e.g. {@code loopkit chose provider 'epoll' (highest priority among 2 usable
     *     providers); candidates: epoll [available, priority 10: highest priority], default
     *     [available, priority 0: lower priority (0 < 10)]}
     */
    public String summary() {
        StringBuilder text = new StringBuilder(explain().lines().findFirst().orElseThrow()).append("; candidates: ");
        for (Verdict verdict : verdicts) {
            Candidate c = verdict.candidate();
            if (verdict != verdicts.get(0)) {
                text.append(", ");
            }
            text.append(c.displayName()).append(" [").append(c.status().name().toLowerCase(Locale.ROOT))
                    .append(", priority ").append(c.priority()).append(": ").append(verdict.reason()).append(']');
        }
        return text.toString();
    }

    static String table(List<Verdict> verdicts) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "name", "priority", "capabilities", "status", "class", "source", "verdict"});
        for (Verdict verdict : verdicts) {
            Candidate c = verdict.candidate();
            rows.add(new String[] {verdict.chosen() ? "*" : "", c.name() == null ? "?" : c.name(),
                c.status() == Candidate.Status.FAILED && c.name() == null ? "?" : Integer.toString(c.priority()),
                c.capabilities().isEmpty() ? "-" : String.join(",", c.capabilities()),
                c.status().name().toLowerCase(Locale.ROOT), c.className(), shortSource(c.source()),
                verdict.reason()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append("  ").append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** A jar's file name, a directory's last two segments, a module as it is. */
    private static String shortSource(String source) {
        if (source.startsWith("module ") || source.startsWith("(")) {
            return source;
        }
        String withoutEntry = source.contains("!/") ? source.substring(0, source.indexOf("!/")) : source;
        Path path = Path.of(withoutEntry);
        int count = path.getNameCount();
        return count >= 2 && !withoutEntry.endsWith(".jar") ? path.subpath(count - 2, count).toString()
                : String.valueOf(path.getFileName());
    }
}
