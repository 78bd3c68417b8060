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

import dev.loopkit.tck.CertificationListener;
import dev.loopkit.tck.Rule;
import dev.loopkit.tck.RuleOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The file through which a certification worker JVM tells the {@code certify} command how it is
 * going: one event a line, written and flushed as it happens, so that whatever the vendor's code
 * does to its JVM (exit, hang, crash) the command knows the last rule it reached. Lines are
 * tab-separated fields, with backslash, tab and newline escaped:
 *
 * <pre>
 * constructing
 * group-start  LC Lifecycle
 * rule-start   LC-01
 * rule-end     LC-01  PASSED  message
 * group-end    LC Lifecycle
 * done
 * </pre>
 */
final class WorkerEvents {

    static final String CONSTRUCTING = "constructing";
    static final String GROUP_START = "group-start";
    static final String RULE_START = "rule-start";
    static final String RULE_END = "rule-end";
    static final String GROUP_END = "group-end";
    static final String DONE = "done";

    private WorkerEvents() {
    }

    /** One decoded line. */
    record Event(String kind, List<String> fields) {
        String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }
    }

    /** Writes the events of the worker's certification to {@code file}, flushing each one. */
    static final class Sink implements CertificationListener, AutoCloseable {
        private final Writer out;

        Sink(Path file) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }

        synchronized void write(String kind, String... fields) {
            StringBuilder line = new StringBuilder(kind);
            for (String field : fields) {
                line.append('\t').append(escape(field));
            }
            try {
                out.write(line.append('\n').toString());
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the certification's events", e);
            }
        }

        @Override
        public void groupStarted(String group) {
            write(GROUP_START, group);
        }

        @Override
        public void ruleStarted(Rule rule) {
            write(RULE_START, rule.id());
        }

        @Override
        public void ruleFinished(RuleOutcome outcome) {
            write(RULE_END, outcome.rule().id(), outcome.status().name(), outcome.message());
        }

        @Override
        public void groupFinished(String group) {
            write(GROUP_END, group);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** Decodes one line. */
    static Event parse(String line) {
        String[] parts = line.split("\t", -1);
        return new Event(parts[0], List.of(parts).subList(1, parts.length).stream().map(WorkerEvents::unescape)
                .toList());
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
