package dev.loopkit.benchmarks;

import dev.loopkit.api.EventLoop;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Arrays;

/**
 * Heap retained per parked task: used heap after a full collection with {@code n} tasks parked on
 * futures of their own, less the same before they were spawned, over {@code n}. A measurement of
 * what stays reachable (JMH's {@code gc} profiler reports what is allocated, not what is kept).
 */
final class HeapPerParkedTask {

    private HeapPerParkedTask() {
    }

    /** Bytes per parked task, the median of {@code runs} measurements of {@code n} tasks. */
    static double measure(int n, int runs) {
        double[] bytes = new double[runs];
        try (EventLoop loop = DefaultLoops.newLoop()) {
            ParkedTasks.spawn(loop, n).resumeAndFinish();
            for (int run = 0; run < runs; run++) {
                long before = usedAfterCollection();
                ParkedTasks parked = ParkedTasks.spawn(loop, n);
                long after = usedAfterCollection();
                parked.resumeAndFinish();
                bytes[run] = (after - before) / (double) n;
            }
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
