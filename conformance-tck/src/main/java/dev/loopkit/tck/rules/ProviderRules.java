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
package dev.loopkit.tck.rules;

import static dev.loopkit.tck.RuleGroup.required;
import static org.apiguardian.api.API.Status.INTERNAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Coroutines;
import dev.loopkit.api.EventLoop;
import dev.loopkit.spi.EventLoopProvider;
import dev.loopkit.tck.RuleCheck;
import dev.loopkit.tck.RuleGroup;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * PV: the provider contract itself, including the vendor-side architecture rules (checked with
 * ArchUnit on the provider's own classes).
 */
@API(status = INTERNAL, since = "0.1")
public final class ProviderRules implements RuleGroup {

    @Override
    public String prefix() {
        return "PV";
    }

    @Override
    public String title() {
        return "Provider contract";
    }

    @Override
    public List<RuleCheck> rules() {
        return List.of(
                required("PV-01", "name() is a stable, non-blank name", "EventLoopProvider.name",
                        "that name() returns the same non-blank string every time",
                        tck -> {
                    String name = tck.provider().name();
                    assertNotNull(name);
                    assertFalse(name.isBlank(), "blank provider name");
                    assertEquals(name, tck.provider().name());
                }),
                required("PV-02", "newEventLoop() returns a fresh loop on every call",
                        "new_event_loop",
                        "that newEventLoop() constructs a new loop each call (no caching)",
                        tck -> assertNotSame(tck.newLoop(), tck.newLoop())),
                required("PV-03", "a new loop is open and not running", "new_event_loop",
                        "that a new loop is neither closed nor running",
                        tck -> {
                    EventLoop loop = tck.loop();
                    assertFalse(loop.isClosed());
                    assertFalse(loop.isRunning());
                }),
                required("PV-04", "isAvailable() is true for a certified provider and stable across calls",
                        "EventLoopProvider.isAvailable",
                        "that isAvailable() returns true when the provider can work here, every time",
                        tck -> {
                            for (int i = 0; i < 10; i++) {
                                assertTrue(tck.provider().isAvailable(), "isAvailable() returned false");
                            }
                        }),
                required("PV-05", "priority() and capabilities() are stable; capability names are lower-case",
                        "EventLoopProvider.capabilities",
                        "that priority() and capabilities() are constants and capability names are lower-case",
                        tck -> {
                            EventLoopProvider provider = tck.provider();
                            assertEquals(provider.priority(), provider.priority());
                            Set<String> capabilities = provider.capabilities();
                            assertEquals(capabilities, provider.capabilities());
                            for (String capability : capabilities) {
                                assertTrue(capability.matches("[a-z][a-z0-9-]*"), "bad capability name " + capability);
                            }
                        }),
                required("PV-06", "the provider is registered for ServiceLoader", "ServiceLoader registration",
                        "the @AutoService(EventLoopProvider.class) annotation (and annotationProcessorPaths on "
                                + "JDK 23+), or 'provides' in module-info",
                        tck -> {
                            Class<?> type = tck.provider().getClass();
                            boolean found = ServiceLoader.load(EventLoopProvider.class, type.getClassLoader()).stream()
                                    .anyMatch(p -> p.type() == type);
                            assertTrue(found, type.getName() + " is not registered: add @AutoService("
                                    + "EventLoopProvider.class) and, on the module path, 'provides' in module-info");
                        }),
                required("PV-07", "the provider class is public with a public no-argument constructor",
                        "ServiceLoader requirements",
                        "that the provider class and its no-argument constructor are public",
                        tck -> {
                            Class<?> type = tck.provider().getClass();
                            assertTrue(Modifier.isPublic(type.getModifiers()), type + " is not public");
                            Constructor<?> constructor = type.getConstructor();
                            assertTrue(Modifier.isPublic(constructor.getModifiers()));
                        }),
                required("PV-08", "the provider class does not depend on dev.loopkit.impl (the default loop)",
                        "ARCHITECTURE.md: nobody sees the default loop",
                        "imports of dev.loopkit.impl in the provider's classes: depend on api and spi only",
                        tck -> {
                            Class<?> type = tck.provider().getClass();
                            String pkg = type.getPackageName();
                            if (pkg.equals("dev.loopkit.impl") || pkg.startsWith("dev.loopkit.impl.")) {
                                return;
                            }
                            List<String> violations = VendorArchitecture.dependenciesOnTheDefaultLoop(type);
                            assertTrue(violations.isEmpty(), () -> String.join("\n", violations));
                        }),
                required("PV-09", "loops of one provider are independent: closing one leaves another working",
                        "new_event_loop",
                        "static state shared between the loops of one provider",
                        tck -> {
                            EventLoop first = tck.newLoop();
                            EventLoop second = tck.newLoop();
                            first.close();
                            assertFalse(second.isClosed());
                            assertEquals(7, second.runUntilComplete(Coroutines.of(() -> 7)));
                        }),
                required("PV-10", "a loop that never ran closes cleanly and then rejects work",
                        "BaseEventLoop.close",
                        "that close() works on a loop that never ran and that callSoon then fails",
                        tck -> {
                            EventLoop loop = tck.newLoop();
                            loop.close();
                            assertTrue(loop.isClosed());
                            assertTrue(Expect.thrownBy(() -> loop.callSoon(() -> { }))
                                    instanceof IllegalStateException);
                        }));
    }
}
