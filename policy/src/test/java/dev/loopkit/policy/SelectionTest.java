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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import dev.loopkit.api.EventLoop;
import dev.loopkit.testsupport.RecordingLoop;
import dev.loopkit.testsupport.LogCapture;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SelectionTest extends PolicyTestSupport {

    @Test
    void theHighestPriorityAvailableProviderWinsTiesBrokenByName() {
        Selection selection = isolated().build().selection();
        assertEquals("healthy", selection.chosen().name());
        assertTrue(selection.rule().contains("tie broken by name"), selection.rule());
        assertEquals("same priority, loses by name to 'healthy'", verdictOf(selection, "tcp-only").reason());
        assertEquals("unavailable: its device is missing: plug it in", verdictOf(selection, "unavailable").reason());
        assertEquals("failed: IllegalStateException: probe crashed", verdictOf(selection, "flaky").reason());
        assertEquals("lower priority (0 < 100)", verdictOf(selection, "default").reason());
        assertEquals("name 'twin' is registered twice", verdictOf(selection, "twin").reason());
        assertTrue(selection.verdicts().get(0).chosen());
        assertEquals(8, selection.verdicts().size());
    }

    @Test
    void thePropertyNamesTheProvider() {
        LoopPolicy policy = isolated().systemProperties(only("loopkit.provider", "default")).build();
        assertEquals("default", policy.selection().chosen().name());
        assertEquals("-Dloopkit.provider=default", policy.selection().rule());
        assertEquals("named by -Dloopkit.provider=default", verdictOf(policy.selection(), "default").reason());
    }

    @Test
    void theEnvironmentNamesTheProviderWhenThePropertyDoesNot() {
        LoopPolicy byEnv = isolated().environment(only("LOOPKIT_PROVIDER", "tcp-only")).build();
        assertEquals("tcp-only", byEnv.selection().chosen().name());
        assertEquals("env LOOPKIT_PROVIDER=tcp-only", byEnv.selection().rule());

        LoopPolicy both = isolated().environment(only("LOOPKIT_PROVIDER", "tcp-only"))
                .systemProperties(only("loopkit.provider", "default")).build();
        assertEquals("default", both.selection().chosen().name(), "the property wins over the environment");
    }

    @Test
    void anUnknownNameListsTheProvidersThatExist() {
        LoopPolicy policy = isolated().systemProperties(only("loopkit.provider", "nope")).build();
        ProviderSelectionException e = assertThrows(ProviderSelectionException.class, policy::selection);
        assertTrue(e.getMessage().startsWith("-Dloopkit.provider=nope names no provider; known names: default,"
                + " flaky, healthy, tcp-only, twin, unavailable."), e.getMessage());
        assertTrue(e.getMessage().contains("ThrowingConstructorProvider"), "failed providers are listed too");
        assertEquals(8, e.verdicts().size());
    }

    @Test
    void anUnavailableOrFailedNameIsAClearError() {
        ProviderSelectionException unavailable = assertThrows(ProviderSelectionException.class,
                () -> isolated().providerName("unavailable").build().selection());
        assertTrue(unavailable.getMessage().contains("provider 'unavailable' is not available in this JVM: its device"
                + " is missing: plug it in"), unavailable.getMessage());
        ProviderSelectionException failed = assertThrows(ProviderSelectionException.class,
                () -> isolated().providerName("flaky").build().selection());
        assertTrue(failed.getMessage().contains("failed: IllegalStateException: probe crashed"), failed.getMessage());
    }

    @Test
    void anUnavailableProviderWithoutAReasonIsSaidToHaveAnsweredFalse() {
        Candidate silent = new Candidate("silent", "vendor.Silent", "silent.jar", 0, new TreeSet<>(),
                Candidate.Status.UNAVAILABLE, null, null, null);
        assertEquals("isAvailable() returned false", silent.unavailabilitySummary());
    }

    @Test
    void requiredCapabilitiesFilterTheCandidates() {
        Selection udp = isolated().requireCapabilities("udp").build().selection();
        assertEquals("healthy", udp.chosen().name());
        assertEquals("lacks [udp]", verdictOf(udp, "tcp-only").reason());

        ProviderSelectionException missing = assertThrows(ProviderSelectionException.class,
                () -> isolated().requireCapabilities("quic").build().selection());
        assertTrue(missing.getMessage().startsWith("No available provider declares the required capabilities [quic]"),
                missing.getMessage());

        ProviderSelectionException named = assertThrows(ProviderSelectionException.class,
                () -> isolated().providerName("tcp-only").requireCapabilities("udp").build().selection());
        assertTrue(named.getMessage().contains("provider 'tcp-only' lacks the required capability [udp]"),
                named.getMessage());
    }

    @Test
    void aDuplicateNameIsAnErrorNamingBothClassesAndJars() {
        ProviderSelectionException e = assertThrows(ProviderSelectionException.class,
                () -> isolated().providerName("twin").build().selection());
        assertTrue(e.getMessage().contains("provider name 'twin' is registered by "
                + "dev.loopkit.policy.testproviders.TwinOneProvider ("), e.getMessage());
        assertTrue(e.getMessage().contains("and dev.loopkit.policy.testproviders.TwinTwoProvider ("), e.getMessage());
        assertTrue(e.getMessage().contains("test-classes)"), "the source of each is named: " + e.getMessage());
    }

    @Test
    void aDuplicateNameNeverWinsSilentlyByPriority() {
        // Require a capability only the twins and two others have, then name none: if the twins
        // ranked first the selection must fail rather than pick one of them.
        LoopPolicy policy = isolated().requireCapabilities("tcp").build();
        assertEquals("healthy", policy.selection().chosen().name());
        Candidate twin = verdictOf(policy.selection(), "twin").candidate();
        ProviderSelectionException e = assertThrows(ProviderSelectionException.class, () -> ProviderSelector.select(
                java.util.List.of(twin, twin), null, "test", java.util.Set.of()));
        assertTrue(e.getMessage().contains("provider name 'twin' is registered by"), e.getMessage());
    }

    @Test
    void theChoiceIsMadeOnceAndLoggedOnceAtInfo() {
        try (LogCapture log = new LogCapture(LoopPolicy.class)) {
            LoopPolicy policy = isolated().build();
            Selection first = policy.selection();
            EventLoop loop = policy.newEventLoop();
            loop.close();
            assertEquals(first, policy.selection());
            assertEquals(1, log.events(Level.INFO).size());
            String logged = log.events(Level.INFO).get(0).getFormattedMessage();
            assertEquals(first.summary(), logged);
            assertFalse(logged.contains("\n"), "one line: " + logged);
            assertTrue(logged.startsWith(first.explain().lines().findFirst().orElseThrow() + "; candidates: "), logged);
            for (Verdict verdict : first.verdicts()) {
                assertTrue(logged.contains(verdict.candidate().displayName() + " [" + verdict.candidate().status()
                        .name().toLowerCase(Locale.ROOT) + ", priority " + verdict.candidate().priority() + ": "
                        + verdict.reason() + "]"), logged);
            }
            assertInstanceOf(RecordingLoop.class, loop);
        }
    }

    @Test
    void theExplanationIsATableOfEveryCandidate() {
        String text = isolated().build().selection().explain();
        String[] lines = text.split("\n");
        assertTrue(lines[0].startsWith("loopkit chose provider 'healthy' (highest priority among 5 usable providers,"
                + " tie broken by name)"), lines[0]);
        assertTrue(lines[1].matches(" +name +priority +capabilities +status +class +source +verdict"), lines[1]);
        assertTrue(lines[2].matches("  \\* +healthy +100 +tcp,udp +available .*HealthyProvider +target/test-classes"
                + " +highest priority \\(tie broken by name\\)"), lines[2]);
        assertEquals(2 + 8, lines.length);
        assertFalse(text.contains("null"), text);
    }

    @Test
    void theDefaultPolicyIsSetOnceAndResetInTests() {
        LoopPolicy custom = isolated().providerName("default").build();
        LoopPolicy.setDefault(custom);
        assertEquals(custom, LoopPolicy.getDefault());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LoopPolicy.setDefault(isolated().build()));
        assertTrue(e.getMessage().startsWith("The default LoopPolicy is already set or in use"), e.getMessage());
        assertEquals("default", Loops.explain().chosen().name());
        LoopPolicy.resetDefault();
        assertFalse(LoopPolicy.getDefault() == custom);
    }
}
