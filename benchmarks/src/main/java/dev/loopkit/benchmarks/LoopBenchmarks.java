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

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The scheduling workloads, each on loopkit and on its peers in the same JMH run ({@link Peer}):
 * time per callback of a {@code callSoon} chain and of callbacks handed over from two threads, and
 * time per timer scheduled and cancelled.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LoopBenchmarks {

    static final int CHAIN = 100_000;
    static final int BATCH = 10_000;
    static final int TIMERS = 1_000_000;

    /** One loop of the peer its subclass names, shared by the benchmark threads. */
    public abstract static class OpenPeer {
        Peer loop;

        abstract String peer();

        @Setup
        public void open() {
            loop = Peer.open(peer());
        }

        @TearDown
        public void close() {
            loop.close();
        }
    }

    /** Every peer. */
    @State(Scope.Benchmark)
    public static class Loops extends OpenPeer {
        @Param({"loopkit", "loopkit-epoll", "netty-nio", "netty-epoll", "bare-queue", "bare-queue-handles"})
        public String peer;

        @Override
        String peer() {
            return peer;
        }
    }

    /** The peers that have timers. */
    @State(Scope.Benchmark)
    public static class TimerLoops extends OpenPeer {
        @Param({"loopkit", "netty-nio", "netty-epoll"})
        public String peer;

        @Override
        String peer() {
            return peer;
        }
    }

    /** Each callback schedules the next from the loop thread: the dispatch path, nothing else. */
    @Benchmark
    @OperationsPerInvocation(CHAIN)
    public void callSoonChain(Loops loops) {
        loops.loop.chain(CHAIN);
    }

    /** Two threads hand callbacks to one loop at once: the thread-safe queue and its wake-ups. */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void callSoonThreadsafe(Loops loops) {
        loops.loop.submitBatch(BATCH);
    }

    /** A million timers scheduled on the loop thread, half cancelled at once, then the rest. */
    @Benchmark
    @OperationsPerInvocation(TIMERS)
    public void timers(TimerLoops loops) {
        loops.loop.timers(TIMERS);
    }
}
