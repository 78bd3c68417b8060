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
package dev.loopkit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.loopkit.api.Async;
import dev.loopkit.api.Connection;
import dev.loopkit.api.Coroutines;
import dev.loopkit.api.LoopMetrics;
import dev.loopkit.api.Server;
import dev.loopkit.testsupport.CollectingProtocol;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's metrics and its flight-recorder events (slow callbacks, iterations, task lifetimes). */
class ObservabilityTest extends LoopTestSupport {

    @TempDir
    Path dir;

    /** A callback whose description names it in events and warnings. */
    private record Named(String name, Runnable body) implements Runnable {
        @Override
        public void run() {
            body.run();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void metricsShowTheReadyQueueTheLiveTimersTheLagAndTheIterations() {
        LoopMetrics metrics = loop.metrics();
        assertSame(metrics, loop.metrics());
        assertEquals(Duration.ZERO, metrics.lag(), "no timer has run");
        for (int i = 0; i < 3; i++) {
            loop.callSoon(() -> { });
        }
        loop.callLater(Duration.ofHours(1), () -> { });
        loop.callLater(Duration.ofHours(2), () -> { });
        loop.callLater(Duration.ofHours(3), () -> { }).cancel();
        // A deadline 50 ms in the past: the loop runs it 50 ms late or later, whatever the machine does.
        loop.callAt(loop.time() - 50_000_000L, () -> { });
        runOnce(loop);
        assertEquals(4, metrics.readyCallbacks(), "three callSoon and the timer that was due: " + metrics);
        assertEquals(2, metrics.scheduledTimers(), "two live timers, the cancelled one not counted: " + metrics);
        assertTrue(metrics.lag().compareTo(Duration.ofMillis(50)) >= 0, metrics.toString());
        assertEquals(1, metrics.iterations(), metrics.toString());
        runOnce(loop);
        assertEquals(0, metrics.readyCallbacks(), metrics.toString());
        assertEquals(2, metrics.iterations(), metrics.toString());
    }

    @Test
    void metricsCountTheOpenTransportsOfBothEndsUntilTheyAreLost() {
        LoopMetrics metrics = loop.metrics();
        List<Integer> counts = loop.runUntilComplete(Coroutines.of(() -> {
            AtomicReference<CollectingProtocol> serverSide = new AtomicReference<>();
            Server server = Async.await(loop.createServer(() -> {
                serverSide.set(new CollectingProtocol(loop));
                return serverSide.get();
            }, "127.0.0.1", 0));
            int listening = metrics.openTransports();
            Connection<CollectingProtocol> client = Async.await(loop.createConnection(
                    () -> new CollectingProtocol(loop), "127.0.0.1",
                    ((InetSocketAddress) server.sockets().get(0)).getPort()));
            client.transport().write(ByteBuffer.wrap(new byte[] {1}));
            Async.await(serverSide.get().receivedAtLeast(1));
            int connected = metrics.openTransports();
            client.transport().close();
            serverSide.get().transport.close();
            Async.await(client.protocol().lost);
            Async.await(serverSide.get().lost);
            server.close();
            Async.await(server.waitClosed());
            return List.of(listening, connected, metrics.openTransports());
        }));
        assertEquals(List.of(0, 2, 0), counts, "open transports: with only a server, connected, after both ends lost");
    }

    @Test
    void aFlightRecordingSeesSlowCallbacksLongIterationsAndTaskLifetimes() throws Exception {
        Path file = dir.resolve("loop.jfr");
        try (Recording recording = new Recording()) {
            recording.enable("dev.loopkit.SlowCallback").withThreshold(Duration.ofMillis(30));
            recording.enable("dev.loopkit.LoopIteration").withThreshold(Duration.ofMillis(30));
            recording.enable("dev.loopkit.TaskLifetime");
            recording.start();
            // The slow callback's work is to take 60 ms: sleeping is its workload, not a wait for anything.
            loop.callSoon(new Named("the slow callback", () -> sleepQuietly(60)));
            runOnce(loop);
            loop.runUntilComplete(loop.createTask(Coroutines.of(() -> 42), "the-answer", null));
            try {
                loop.runUntilComplete(loop.createTask(Coroutines.of(() -> {
                    throw new IllegalStateException("broken");
                }), "the-failure", null));
            } catch (IllegalStateException expected) {
                // The task's failure, as asked.
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        RecordedEvent slow = only(events, "dev.loopkit.SlowCallback", "CallbackHandle[the slow callback]");
        assertTrue(slow.getDuration().compareTo(Duration.ofMillis(60)) >= 0, slow.toString());
        RecordedEvent iteration = events.stream().filter(e -> e.getEventType().getName().equals("dev.loopkit.LoopIteration"))
                .filter(e -> e.getInt("callbacks") >= 1 && e.getDuration().compareTo(Duration.ofMillis(60)) >= 0)
                .findFirst().orElseThrow(() -> new AssertionError("no iteration of 60 ms or more in " + events));
        assertEquals(0, iteration.getInt("readyAfter"), iteration.toString());
        assertEquals("result", only(events, "dev.loopkit.TaskLifetime", "the-answer").getString("outcome"));
        assertEquals(IllegalStateException.class.getName(),
                only(events, "dev.loopkit.TaskLifetime", "the-failure").getString("outcome"));
    }

    /** The one event of {@code type} whose first string field is {@code name}. */
    private static RecordedEvent only(List<RecordedEvent> events, String type, String name) {
        List<RecordedEvent> matching = events.stream().filter(e -> e.getEventType().getName().equals(type))
                .filter(e -> name.equals(e.getString(type.endsWith("SlowCallback") ? "callback" : "task"))).toList();
        assertEquals(1, matching.size(), () -> "events of " + type + " for '" + name + "': " + matching
                + "\namong " + events);
        return matching.get(0);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
