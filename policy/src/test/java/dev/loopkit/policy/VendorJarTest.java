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
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers that arrive in a separate jar, loaded through their own class loader. */
class VendorJarTest extends PolicyTestSupport {

    @TempDir
    Path dir;

    @Test
    void aVendorJarIsDiscoveredAndItsBrokenEntryIsRecordedWithTheJar() throws Exception {
        Path jar = VendorJars.build(dir.resolve("vendor-x.jar"),
                List.<String[]>of(new String[] {"com.vendor.XProvider",
                    VendorJars.providerSource("com.vendor", "XProvider", "vendor-x", 1000, "quic")}),
                List.of("com.vendor.XProvider", "com.vendor.MissingProvider"));
        try (URLClassLoader vendor = new URLClassLoader("vendor", new URL[] {jar.toUri().toURL()},
                getClass().getClassLoader())) {
            Map<String, Candidate> byClass = ProviderDiscovery.discover(vendor).stream()
                    .collect(Collectors.toMap(Candidate::className, Function.identity()));
            Candidate x = byClass.get("com.vendor.XProvider");
            assertEquals(Candidate.Status.AVAILABLE, x.status());
            assertEquals(jar.toString(), x.source());
            Candidate missing = byClass.get("com.vendor.MissingProvider");
            assertEquals(Candidate.Status.FAILED, missing.status());
            assertEquals(jar.toString(), missing.source(), "the jar that registered the missing class is named");
            assertTrue(byClass.containsKey("dev.loopkit.policy.testproviders.HealthyProvider"),
                    "the broken entry hides none of the others");

            LoopPolicy policy = isolated().classLoader(vendor).build();
            assertEquals("vendor-x", policy.selection().chosen().name());
            try (EventLoop loop = policy.newEventLoop()) {
                assertEquals(42, loop.runUntilComplete(dev.loopkit.api.Coroutines.of(() -> 42)));
            }
        }
    }

    @Test
    void theChoiceDoesNotDependOnClassPathOrder() throws Exception {
        Path alpha = VendorJars.build(dir.resolve("alpha.jar"), List.<String[]>of(new String[] {"a.AlphaProvider",
            VendorJars.providerSource("a", "AlphaProvider", "alpha", 7, "order-test")}), List.of("a.AlphaProvider"));
        Path beta = VendorJars.build(dir.resolve("beta.jar"), List.<String[]>of(new String[] {"b.BetaProvider",
            VendorJars.providerSource("b", "BetaProvider", "beta", 7, "order-test")}), List.of("b.BetaProvider"));
        for (Path[] order : new Path[][] {{alpha, beta}, {beta, alpha}}) {
            try (URLClassLoader loader = new URLClassLoader(new URL[] {order[0].toUri().toURL(),
                order[1].toUri().toURL()}, getClass().getClassLoader())) {
                Selection selection = isolated().classLoader(loader).requireCapabilities("order-test").build()
                        .selection();
                assertEquals("alpha", selection.chosen().name(), "order " + List.of(order));
                assertEquals("same priority, loses by name to 'alpha'", verdictOf(selection, "beta").reason());
            }
        }
    }
}
