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
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.loopkit.spi.CodeSources;
import dev.loopkit.spi.EventLoopProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the whole kit against one provider through the JUnit Platform launcher, as a vendor's
 * build would, and collects each rule's outcome. Further launcher listeners (the Platform's XML
 * reporting, say) can listen in.
 *
 * <p>Thread-safe: certifications on different threads run independently.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Certification {

    private Certification() {
    }

    /**
     * Certifies {@code provider}.
     *
     * @param provider the provider under test; never null
     * @param settings the kit's settings; never null
     * @param listener progress per rule group; never null
     * @param extraListeners further launcher listeners, e.g. XML reporting
     * @return every rule's outcome
     */
    public static CertificationResult certify(EventLoopProvider provider, TckSettings settings,
            CertificationListener listener, TestExecutionListener... extraListeners) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(listener, "listener");
        CertificationTarget.configure(provider, settings);
        Instant started = Instant.now();
        Collector collector = new Collector(listener);
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(CertificationTarget.class))
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        List<TestExecutionListener> listeners = new ArrayList<>(List.of(extraListeners));
        listeners.add(collector);
        try {
            launcher.execute(request, listeners.toArray(TestExecutionListener[]::new));
        } finally {
            CertificationTarget.clear();
        }
        return new CertificationResult(describeName(provider), provider.getClass().getName(),
                CodeSources.of(provider.getClass()), started, collector.outcomes());
    }

    private static String describeName(EventLoopProvider provider) {
        try {
            return provider.name();
        } catch (RuntimeException e) {
            return "(name() threw " + e.getClass().getSimpleName() + ")";
        }
    }

    /** Maps the dynamic tests back to rule ids through their display names. */
    private static final class Collector implements TestExecutionListener {
        private final CertificationListener listener;
        private final Map<String, RuleOutcome> byId = new LinkedHashMap<>();

        Collector(CertificationListener listener) {
            this.listener = listener;
        }

        @Override
        public void executionStarted(TestIdentifier id) {
            ruleOf(id).ifPresentOrElse(listener::ruleStarted, () -> groupOf(id).ifPresent(listener::groupStarted));
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            ruleOf(id).ifPresent(rule -> record(new RuleOutcome(rule, RuleOutcome.Status.SKIPPED, reason)));
        }

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            Optional<Rule> rule = ruleOf(id);
            if (rule.isPresent()) {
                String message = result.getThrowable().map(Collector::describe).orElse("");
                RuleOutcome.Status status = switch (result.getStatus()) {
                    case SUCCESSFUL -> RuleOutcome.Status.PASSED;
                    case ABORTED -> RuleOutcome.Status.SKIPPED;
                    case FAILED -> RuleOutcome.Status.FAILED;
                };
                record(new RuleOutcome(rule.get(), status, message));
            } else {
                groupOf(id).ifPresent(listener::groupFinished);
            }
        }

        private void record(RuleOutcome outcome) {
            byId.put(outcome.rule().id(), outcome);
            listener.ruleFinished(outcome);
        }

        List<RuleOutcome> outcomes() {
            List<RuleOutcome> all = new ArrayList<>();
            for (Rule rule : Rules.all()) {
                all.add(byId.getOrDefault(rule.id(),
                        new RuleOutcome(rule, RuleOutcome.Status.FAILED, "the rule's test did not run")));
            }
            return all;
        }

        private static Optional<Rule> ruleOf(TestIdentifier id) {
            if (!id.isTest()) {
                return Optional.empty();
            }
            String name = id.getDisplayName();
            return name.length() >= 5 ? Rules.find(name.substring(0, 5)) : Optional.empty();
        }

        private static Optional<String> groupOf(TestIdentifier id) {
            String name = id.getDisplayName();
            boolean isGroup = id.isContainer() && name.length() > 3 && name.charAt(2) == ' '
                    && Rules.groups().stream().anyMatch(g -> name.equals(g.prefix() + " " + g.title()));
            return isGroup ? Optional.of(name) : Optional.empty();
        }

        private static String describe(Throwable t) {
            String message = t.getMessage();
            return t.getClass().getSimpleName() + (message == null ? "" : ": " + message.strip());
        }
    }
}
