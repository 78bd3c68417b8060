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

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.LoopMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Registers a loop's {@link LoopMetrics} as Micrometer meters, each tagged {@code loop=NAME}:
 *
 * <ul>
 *   <li>{@code loopkit.loop.lag} (time gauge): how late the latest due timer ran;
 *   <li>{@code loopkit.loop.ready.callbacks} (gauge): the ready queue's depth;
 *   <li>{@code loopkit.loop.timers} (gauge): timers scheduled and not cancelled;
 *   <li>{@code loopkit.loop.transports} (gauge): open transports;
 *   <li>{@code loopkit.loop.iterations} (counter): iterations run.
 * </ul>
 *
 * <pre>{@code
 * new LoopMetricsBinder(loop, "main").bindTo(registry);
 * }</pre>
 *
 * <p>The meters read the metrics object, never the loop, so scraping never blocks or races the
 * loop; they keep it reachable for as long as the registry keeps them. Thread-safe.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class LoopMetricsBinder implements MeterBinder {

    private final LoopMetrics metrics;
    private final Tags tags;

    /**
     * Binds {@code loop}'s metrics under the tag {@code loop=name}.
     *
     * @param loop the loop; its {@link EventLoop#metrics()} is read once, now
     * @param name tells this loop's meters from other loops'; never null
     * @param extraTags more tags for every meter, e.g. the application's
     * @throws UnsupportedOperationException if the loop reports no metrics
     */
    public LoopMetricsBinder(EventLoop loop, String name, Tag... extraTags) {
        this.metrics = Objects.requireNonNull(loop, "loop").metrics();
        this.tags = Tags.of("loop", Objects.requireNonNull(name, "name")).and(extraTags);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        TimeGauge.builder("loopkit.loop.lag", metrics, TimeUnit.NANOSECONDS, m -> m.lag().toNanos())
                .description("How late the loop ran its latest due timer").tags(tags).strongReference(true)
                .register(registry);
        Gauge.builder("loopkit.loop.ready.callbacks", metrics, LoopMetrics::readyCallbacks)
                .description("Callbacks ready to run at the start of the latest iteration").tags(tags)
                .strongReference(true).register(registry);
        Gauge.builder("loopkit.loop.timers", metrics, LoopMetrics::scheduledTimers)
                .description("Timers scheduled and not cancelled").tags(tags).strongReference(true).register(registry);
        Gauge.builder("loopkit.loop.transports", metrics, LoopMetrics::openTransports)
                .description("Open transports: TCP, Unix-domain, UDP, subprocess").tags(tags).strongReference(true)
                .register(registry);
        FunctionCounter.builder("loopkit.loop.iterations", metrics, LoopMetrics::iterations)
                .description("Loop iterations run").tags(tags).register(registry);
    }
}
