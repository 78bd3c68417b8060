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
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Resume and finish of 100,000 parked tasks (inline coroutines), each awaiting a future of its
 * own: spawning and parking them is set-up, not measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TaskBenchmarks {

    static final int TASKS = 100_000;
    private EventLoop loop;
    private ParkedTasks parked;

    @Setup(Level.Trial)
    public void open() {
        loop = LoopkitLoops.newLoop();
    }

    @Setup(Level.Invocation)
    public void park() {
        parked = ParkedTasks.spawn(loop, TASKS);
    }

    @TearDown(Level.Trial)
    public void close() {
        loop.close();
    }

    @Benchmark
    @OperationsPerInvocation(TASKS)
    public void resumeAndFinish() {
        parked.resumeAndFinish();
    }
}
