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
package dev.loopkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.internal.CoroutineMechanism;
import io.netty.channel.epoll.Epoll;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload the benchmarks time does what it says on a few operations, so that a broken
 * peer or workload fails here rather than timing nothing in {@code ./run bench}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkloadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"loopkit", "loopkit-epoll", "netty-nio", "netty-epoll", "bare-queue", "bare-queue-handles"})
    void everyPeerRunsChainsAndBatchesFromTwoThreads(String name) {
        assumeTrue(!name.equals("netty-epoll") || Epoll.isAvailable(), "Netty's native epoll is unavailable here");
        try (Peer peer = Peer.open(name)) {
            peer.chain(1_000);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> peer.submitBatch(1_000));
            peer.submitBatch(1_000);
            other.join();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"loopkit", "netty-nio"})
    void timersAreScheduledAndCancelled(String name) {
        try (Peer peer = Peer.open(name)) {
            peer.timers(10_000);
            // Every timer was cancelled: a chain still runs, nothing fires into it.
            peer.chain(10);
        }
    }

    @Test
    void theBareQueueRefusesTimersAndUnknownPeersAreNamed() {
        try (Peer peer = Peer.open("bare-queue")) {
            assertThrows(UnsupportedOperationException.class, () -> peer.timers(1));
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Peer.open("uv"));
        assertTrue(error.getMessage().contains("unknown peer 'uv'"), error.getMessage());
    }

    @Test
    void timerDelaysStayWithinOneToTwoSeconds() {
        for (int i = 0; i < 100_000; i += 997) {
            long delay = Peer.timerDelayNanos(i);
            assertTrue(delay >= 1_000_000_000L && delay < 2_000_000_000L, "delay " + delay + " of timer " + i);
        }
    }

    @Test
    void roundTripsRunInBothModesAndOnTheFloor() {
        assumeTrue(CoroutineMechanism.current() == CoroutineMechanism.INLINE, CoroutineMechanism.reason());
        try (EventLoop loop = LoopkitLoops.newLoop()) {
            PingPong.run(loop, 100, CoroutineMechanism.INLINE);
            PingPong.run(loop, 100, CoroutineMechanism.HANDOFF);
        }
        LoopQueueFloor.run(100);
        HandoffFloor.run(100);
    }

    @Test
    void parkedTasksAndThreadsAreAllResumedAndFinished() {
        assumeTrue(CoroutineMechanism.current() == CoroutineMechanism.INLINE, CoroutineMechanism.reason());
        try (EventLoop loop = LoopkitLoops.newLoop()) {
            ParkedTasks.spawn(loop, 1_000).resumeAndFinish();
            ParkedTasks.spawn(loop, 1_000).resumeAndFinish();
        }
        ParkedVirtualThreads.spawn(1_000).run();
    }

    @Test
    void aComparisonSaysWhetherItsGoalIsMet() {
        Comparison met = new Comparison("chain", "ns", 9, "Netty", 10, 1.0);
        Comparison missed = new Comparison("chain", "ns", 12, "Netty", 10, 1.0);
        assertEquals(0.9, met.ratio(), 1e-9);
        assertEquals("met (goal <= 1.0x)", met.verdict());
        assertEquals("NOT met (goal <= 1.0x)", missed.verdict());
        assertEquals("| chain | 12.0 ns | Netty | 10.0 ns | 1.20x | NOT met (goal <= 1.0x) |", missed.markdown());
        assertEquals("", new Comparison("chain", "ns", 12, "uvloop", 600, 0).verdict());
        assertEquals("met (goal <= 0.56x)", new Comparison("group", "ns", 5, "1 loop", 10, 1 / 1.8).verdict());
    }

    @Test
    void aProcessCpuTimeSplitsUserSpaceFromTheKernel() {
        assumeTrue(System.getProperty("os.name").equals("Linux"), "/proc is Linux's");
        CpuTime before = CpuTime.of(ProcessHandle.current().pid());
        long sum = 0;
        for (long i = 0; i < 200_000_000L; i++) {
            sum += i ^ (sum >>> 3);
        }
        CpuTime used = CpuTime.of(ProcessHandle.current().pid()).minus(before);
        assertTrue(sum != 42 && used.user().toMillis() > 0, "a busy loop used no user time: " + used);
        assertTrue(used.systemShare() >= 0 && used.systemShare() <= 1, "share " + used.systemShare());
        LoadResult result = LoadResult.of("x", 1_000, 100, new CpuTime(Duration.ofNanos(300), Duration.ofNanos(700)));
        assertEquals(10, result.cpuNanosPerOperation(), 1e-9);
        assertEquals(3, result.userNanosPerOperation(), 1e-9);
        assertEquals("x                    1000 requests/s     0.01 us server CPU per request (70% in the kernel)",
                result.line("requests", "request"));
    }

    @Test
    void theChartIsWellFormedSvgWithABarPerComparison() throws Exception {
        List<Comparison> rows = List.of(new Comparison("a & b", "ns", 1, "x", 100, 0),
                new Comparison("c", "B", 3, "y", 1, 2.0));
        String svg = RatioChart.svg("title <1>", rows);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // The background, then one bar per comparison.
        assertEquals(1 + rows.size(), document.getElementsByTagName("rect").getLength());
        assertTrue(svg.contains("a &amp; b vs x"), svg);
    }
}
