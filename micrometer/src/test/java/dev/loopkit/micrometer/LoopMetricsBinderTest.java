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
package dev.loopkit.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.impl.DefaultProvider;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoopMetricsBinderTest {

    @Test
    void theMetersReadTheLoopsMetricsTaggedWithItsName() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (EventLoop loop = new DefaultProvider().newEventLoop()) {
            new LoopMetricsBinder(loop, "main", Tag.of("app", "demo")).bindTo(registry);
            loop.callSoon(() -> { });
            loop.callSoon(() -> { });
            loop.callLater(Duration.ofHours(1), () -> { });
            loop.callAt(loop.time() - 20_000_000L, () -> { });
            loop.stop();
            loop.runForever();

            assertEquals(3, registry.get("loopkit.loop.ready.callbacks").tag("loop", "main").tag("app", "demo")
                    .gauge().value());
            assertEquals(1, registry.get("loopkit.loop.timers").tag("loop", "main").gauge().value());
            assertEquals(0, registry.get("loopkit.loop.transports").tag("loop", "main").gauge().value());
            assertEquals(1, registry.get("loopkit.loop.iterations").tag("loop", "main").functionCounter().count());
            double lagMillis = registry.get("loopkit.loop.lag").tag("loop", "main").timeGauge()
                    .value(TimeUnit.MILLISECONDS);
            assertTrue(lagMillis >= 20, "lag of a timer due 20 ms ago: " + lagMillis + " ms");
        }
    }

    @Test
    void aLoopWithoutMetricsIsRefusedAtOnce() {
        EventLoop bare = (EventLoop) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {EventLoop.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> new LoopMetricsBinder(bare, "bare"));
        assertTrue(e.getMessage().contains("reports no metrics"), e.getMessage());
    }
}
