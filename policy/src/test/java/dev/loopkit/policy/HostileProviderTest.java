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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Providers that block or throw errors never hang discovery nor hide the healthy providers beside
 * them, in {@link ProviderDiscovery} and in the policy built on it.
 */
class HostileProviderTest extends PolicyTestSupport {

    @TempDir
    Path dir;
    private String previousTimeout;

    @BeforeEach
    void shortenTheDiscoveryTimeout() {
        previousTimeout = System.setProperty(ProviderDiscovery.TIMEOUT_PROPERTY, "0.5");
    }

    @AfterEach
    void restoreTheDiscoveryTimeout() {
        if (previousTimeout == null) {
            System.clearProperty(ProviderDiscovery.TIMEOUT_PROPERTY);
        } else {
            System.setProperty(ProviderDiscovery.TIMEOUT_PROPERTY, previousTimeout);
        }
    }

    @Test
    void blockingAndErroringProvidersFailWithTheReasonAndTheOthersRemain() throws Exception {
        Path jar = VendorJars.build(dir.resolve("hostile.jar"), List.of(
                provider("BlockingConstructor", "block-ctor", "public BlockingConstructor() throws Exception {"
                        + " new java.util.concurrent.CountDownLatch(1).await(); }", ""),
                provider("BlockingAvailability", "block-available", "", "public boolean isAvailable() {"
                        + " java.util.concurrent.locks.LockSupport.park(); return true; }"),
                provider("AssertingAvailability", "asserting", "", "public boolean isAvailable() {"
                        + " throw new AssertionError(\"probe asserted\"); }"),
                provider("Fine", "fine", "", "")),
                List.of("h.BlockingConstructor", "h.BlockingAvailability", "h.AssertingAvailability", "h.Fine"));
        try (URLClassLoader vendor = new URLClassLoader("vendor", new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            // Unbounded, this would never return; the module's JUnit timeout fails it if it regresses.
            Map<String, Candidate> byClass = ProviderDiscovery.discover(vendor).stream()
                    .collect(Collectors.toMap(Candidate::className, Function.identity()));

            Candidate ctor = byClass.get("h.BlockingConstructor");
            assertEquals(Candidate.Status.FAILED, ctor.status());
            assertInstanceOf(TimeoutException.class, ctor.failure());
            assertTrue(ctor.failureSummary().startsWith("TimeoutException: its constructor did not return within"
                    + " 500 ms"), ctor.failureSummary());

            Candidate available = byClass.get("h.BlockingAvailability");
            assertEquals(Candidate.Status.FAILED, available.status());
            assertEquals("block-available", available.name(), "what it told before blocking is kept");
            assertTrue(available.failureSummary().startsWith("TimeoutException: isAvailable() did not return"),
                    available.failureSummary());

            Candidate asserting = byClass.get("h.AssertingAvailability");
            assertEquals(Candidate.Status.FAILED, asserting.status());
            assertEquals("AssertionError: probe asserted", asserting.failureSummary());

            assertEquals(Candidate.Status.AVAILABLE, byClass.get("h.Fine").status());

            Selection selection = isolated().classLoader(vendor).build().selection();
            assertEquals("fine", selection.chosen().name(), selection.explain());
        }
    }

    /** A provider {@code h.NAME} of priority 1000 with extra constructor and method text. */
    private static String[] provider(String simpleName, String name, String constructor, String methods) {
        return new String[] {"h." + simpleName, """
                package h;

                public final class %1$s implements dev.loopkit.spi.EventLoopProvider {
                    %3$s
                    public String name() { return "%2$s"; }
                    public int priority() { return 1000; }
                    public dev.loopkit.api.EventLoop newEventLoop() { throw new UnsupportedOperationException(); }
                    %4$s
                }
                """.formatted(simpleName, name, constructor, methods)};
    }
}
