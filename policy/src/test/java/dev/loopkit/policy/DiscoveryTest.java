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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.loopkit.policy.testproviders.FlakyAvailabilityProvider;
import dev.loopkit.policy.testproviders.HealthyProvider;
import dev.loopkit.policy.testproviders.ThrowingConstructorProvider;
import dev.loopkit.testsupport.LogCapture;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    @Test
    void everyRegistrationIsRecordedAndFailuresAreSkippedWithOneWarnEach() {
        try (LogCapture log = new LogCapture(ProviderDiscovery.class)) {
            List<Candidate> candidates = ProviderDiscovery.discover();
            Map<String, Candidate> byClass = candidates.stream()
                    .collect(Collectors.toMap(Candidate::className, Function.identity()));
            assertEquals(Set.of("dev.loopkit.impl.DefaultProvider",
                    "dev.loopkit.policy.testproviders.HealthyProvider",
                    "dev.loopkit.policy.testproviders.TcpOnlyProvider",
                    "dev.loopkit.policy.testproviders.UnavailableProvider",
                    "dev.loopkit.policy.testproviders.FlakyAvailabilityProvider",
                    "dev.loopkit.policy.testproviders.ThrowingConstructorProvider",
                    "dev.loopkit.policy.testproviders.TwinOneProvider",
                    "dev.loopkit.policy.testproviders.TwinTwoProvider"), byClass.keySet());

            Candidate healthy = byClass.get(HealthyProvider.class.getName());
            assertEquals(Candidate.Status.AVAILABLE, healthy.status());
            assertEquals(100, healthy.priority());
            assertEquals(List.of("tcp", "udp"), List.copyOf(healthy.capabilities()));
            assertTrue(healthy.source().endsWith("test-classes"), healthy.source());

            Candidate throwing = byClass.get(ThrowingConstructorProvider.class.getName());
            assertEquals(Candidate.Status.FAILED, throwing.status());
            assertNull(throwing.name(), "a provider that cannot be built cannot tell its name");
            assertEquals("no native library", throwing.failure().getMessage());

            Candidate flaky = byClass.get(FlakyAvailabilityProvider.class.getName());
            assertEquals(Candidate.Status.FAILED, flaky.status());
            assertEquals("flaky", flaky.name());
            assertEquals("IllegalStateException: probe crashed", flaky.failureSummary());

            Candidate defaultLoop = byClass.get("dev.loopkit.impl.DefaultProvider");
            assertTrue(defaultLoop.source().matches(".*loopkit-default-.*\\.jar|.*default-impl.target.classes"),
                    defaultLoop.source());

            assertEquals(2, log.events(Level.WARN).size(), "one WARN per failed provider");
            assertTrue(log.events(Level.WARN).stream()
                    .anyMatch(e -> e.getFormattedMessage().contains("ThrowingConstructorProvider")
                            && e.getFormattedMessage().contains("no native library")));
        }
    }
}
