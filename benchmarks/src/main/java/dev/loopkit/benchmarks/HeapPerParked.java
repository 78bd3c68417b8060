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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Heap retained per parked coroutine: used heap after a full collection with {@code n} of them
 * parked, less the same before they were spawned, over {@code n}. A measurement of what stays
 * reachable (JMH's {@code gc} profiler reports what is allocated, not what is kept).
 */
final class HeapPerParked {

    private HeapPerParked() {
    }

    /**
     * Bytes per parked coroutine, the median of {@code runs} measurements after one warm-up.
     * {@code spawn} parks {@code n} of them and returns what resumes and finishes them.
     */
    static double measure(int n, int runs, IntFunction<Runnable> spawn) {
        spawn.apply(n).run();
        double[] bytes = new double[runs];
        for (int run = 0; run < runs; run++) {
            long before = usedAfterCollection();
            Runnable finish = spawn.apply(n);
            long after = usedAfterCollection();
            finish.run();
            bytes[run] = (after - before) / (double) n;
        }
        Arrays.sort(bytes);
        return bytes[runs / 2];
    }

    private static long usedAfterCollection() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
