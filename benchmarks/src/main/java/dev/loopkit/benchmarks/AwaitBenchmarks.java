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

import dev.loopkit.api.EventLoop;
import dev.loopkit.api.internal.CoroutineMechanism;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An await round trip of two tasks (A wakes B, B wakes A) in both coroutine modes, each beside its
 * floor: two virtual threads on a bare queue ({@link LoopQueueFloor}) for inline, the same four
 * virtual-thread switches on the JDK's scheduler ({@link HandoffFloor}) for handoff. The handoff
 * mode runs the loop on a virtual thread, as a JVM without inline coroutines does.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class AwaitBenchmarks {

    static final int TRIPS = 10_000;
    private EventLoop loop;

    @Setup
    public void open() {
        if (CoroutineMechanism.current() != CoroutineMechanism.INLINE) {
            throw new IllegalStateException("inline coroutines are unavailable here ("
                    + CoroutineMechanism.reason() + "): run the benchmarks with ./run bench");
        }
        loop = LoopkitLoops.newLoop();
    }

    @TearDown
    public void close() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    public void inline() {
        PingPong.run(loop, TRIPS, CoroutineMechanism.INLINE);
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    public void handoff() {
        Completion.await(CompletableFuture.runAsync(() -> PingPong.run(loop, TRIPS, CoroutineMechanism.HANDOFF),
                command -> Thread.ofVirtual().start(command)), "handoff round trips");
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    public void loopQueueFloor() {
        LoopQueueFloor.run(TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(TRIPS)
    public void handoffFloor() {
        HandoffFloor.run(TRIPS);
    }
}
