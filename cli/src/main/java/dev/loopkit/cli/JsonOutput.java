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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.loopkit.policy.Candidate;
import dev.loopkit.policy.Selection;
import dev.loopkit.policy.Verdict;
import dev.loopkit.tck.CertificationResult;
import dev.loopkit.tck.RuleOutcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --json} prints: one JSON document on standard output, for operators' scripts. The
 * records below are its schema (their components are its keys, in order); a key whose value is
 * unknown is {@code null}, never left out.
 */
final class JsonOutput {

    private static final ObjectWriter WRITER = new ObjectMapper().writerWithDefaultPrettyPrinter();

    private JsonOutput() {
    }

    /** {@code loopkit providers --json}: the choice, or why there is none, and every provider found. */
    record Providers(String chosen, String rule, List<String> requiredCapabilities, String error,
            List<Provider> providers) {

        static Providers of(Selection selection) {
            return new Providers(selection.chosen().name(), selection.rule(),
                    selection.requiredCapabilities().stream().sorted().toList(), null,
                    selection.verdicts().stream().map(Provider::of).toList());
        }

        static Providers failed(String error, List<Candidate> found) {
            return new Providers(null, null, List.of(), error,
                    found.stream().map(c -> Provider.of(c, false, null)).toList());
        }
    }

    /** One provider registration: what it declares, whether it can be used, and its verdict. */
    record Provider(String name, String className, String source, int priority, List<String> capabilities,
            String status, String problem, boolean chosen, String verdict) {

        static Provider of(Verdict verdict) {
            return of(verdict.candidate(), verdict.chosen(), verdict.reason());
        }

        static Provider of(Candidate c, boolean chosen, String verdict) {
            String problem = switch (c.status()) {
                case AVAILABLE -> null;
                case UNAVAILABLE -> c.unavailabilitySummary();
                case FAILED -> c.failureSummary();
            };
            return new Provider(c.name(), c.className(), c.source(), c.priority(), List.copyOf(c.capabilities()),
                    c.status().name().toLowerCase(Locale.ROOT), problem, chosen, verdict);
        }
    }

    /** {@code loopkit certify --json}: the versions, the rules run, and each provider's result. */
    record Certify(String loopkitVersion, String tckVersion, int rules, String selection, boolean certified,
            List<Certification> providers) {
    }

    /** One provider's certification: verdict, counts, failing rules and where its reports are. */
    record Certification(String name, String className, boolean certified, long passed, long failed,
            long skipped, int rules, String markdownReport, String junitXml, List<Failure> failures) {

        static Certification of(CertificationResult result, Path markdown, Path junitXml) {
            return new Certification(result.providerName(), result.providerClass(), result.certified(),
                    result.count(RuleOutcome.Status.PASSED), result.count(RuleOutcome.Status.FAILED),
                    result.count(RuleOutcome.Status.SKIPPED), result.outcomes().size(), markdown.toString(),
                    junitXml == null ? null : junitXml.toString(),
                    result.failures().stream().map(Failure::of).toList());
        }
    }

    /** A rule that failed, with the first line of its message. */
    record Failure(String rule, String statement, boolean required, String message) {

        static Failure of(RuleOutcome outcome) {
            return new Failure(outcome.rule().id(), outcome.rule().statement(), outcome.rule().required(),
                    outcome.message().lines().findFirst().orElse(""));
        }
    }

    /** Prints {@code document} as indented JSON, then a line break. */
    static void print(PrintWriter out, Object document) {
        try {
            out.println(WRITER.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as JSON", e);
        }
        out.flush();
    }
}
